package eval

import (
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"testing"
)

// TestSummariesBeatBaselines runs both summary tasks on the DEV files and
// checks that they beat the README's strongest extractive baselines
// (LEAD-3 for summarize, TextRank for multi).
func TestSummariesBeatBaselines(t *testing.T) {
	dir := summarySharedDir(t)
	tests := []struct {
		task, data string
		r1, rlsum  float64
	}{
		{"summarize", "summarize/dev.jsonl", 41.30, 37.41},
		{"multi", "summarize/multi/dev.jsonl", 42.25, 36.44},
	}
	for _, tt := range tests {
		t.Run(tt.task, func(t *testing.T) {
			res, err := Run(context.Background(), tt.task, filepath.Join(dir, tt.data), io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			m := res.(summaryMetrics)
			b, _ := json.Marshal(m)
			t.Logf("%s", b)
			if m.FirstReference.Rouge1 <= tt.r1 || m.FirstReference.RougeLsum <= tt.rlsum {
				t.Errorf("R1 %.2f / RLsum %.2f, want above the baseline %.2f / %.2f",
					m.FirstReference.Rouge1, m.FirstReference.RougeLsum, tt.r1, tt.rlsum)
			}
		})
	}
}
