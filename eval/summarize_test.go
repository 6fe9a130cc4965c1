package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// summarySharedDir returns ../shared/eval relative to the repository root, or
// skips the test when it is absent.
func summarySharedDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "eval"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("evaluation data not found at %s: %v", dir, err)
	}
	return dir
}

// TestRougeReproducesBaselines scores the README's baseline prediction files
// and checks the figures it publishes.
func TestRougeReproducesBaselines(t *testing.T) {
	dir := summarySharedDir(t)
	tests := []struct {
		data, pred        string
		r1, r2, rl, rlsum float64
	}{
		{"summarize/dev.jsonl", "summarize__dev.lead3.pred.jsonl", 41.30, 18.90, 26.49, 37.41},
		{"summarize/dev.jsonl", "summarize__dev.textrank.pred.jsonl", 32.48, 14.09, 21.50, 29.16},
		{"summarize/multi/dev.jsonl", "summarize__multi__dev.lead3.pred.jsonl", 39.85, 14.43, 22.96, 34.02},
		{"summarize/multi/dev.jsonl", "summarize__multi__dev.lead1-each.pred.jsonl", 41.69, 15.11, 22.56, 35.69},
		{"summarize/multi/dev.jsonl", "summarize__multi__dev.textrank.pred.jsonl", 42.25, 16.17, 23.61, 36.44},
	}
	for _, tt := range tests {
		t.Run(tt.pred, func(t *testing.T) {
			gold, err := readJSONL[summaryRecord](filepath.Join(dir, tt.data))
			if err != nil {
				t.Fatal(err)
			}
			preds, err := readJSONL[summaryPrediction](filepath.Join(dir, "baselines", tt.pred))
			if err != nil {
				t.Fatal(err)
			}
			m := scoreSummaries(gold, preds)
			got := m.FirstReference
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"rouge1", got.Rouge1, tt.r1}, {"rouge2", got.Rouge2, tt.r2},
				{"rougeL", got.RougeL, tt.rl}, {"rougeLsum", got.RougeLsum, tt.rlsum},
			} {
				if math.Abs(c.got-c.want) > 0.05 {
					t.Errorf("%s = %.2f, want %.2f ± 0.05", c.name, c.got, c.want)
				}
			}
			t.Logf("R1 %.2f R2 %.2f RL %.2f RLsum %.2f", got.Rouge1, got.Rouge2, got.RougeL, got.RougeLsum)
			if m.Missing != 0 || m.NScored != len(gold) {
				t.Errorf("missing %d, scored %d of %d", m.Missing, m.NScored, len(gold))
			}
		})
	}
}
