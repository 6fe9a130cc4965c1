package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stanceSharedEval returns ../shared/eval as seen from the repository root,
// skipping the test when it is absent (a fresh clone).
func stanceSharedEval(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "eval"))
	if err == nil {
		if _, err = os.Stat(filepath.Join(dir, "stance")); err == nil {
			return dir
		}
	}
	t.Skipf("shared evaluation data not found at %s: %v", dir, err)
	return ""
}

func TestScoreStance(t *testing.T) {
	gold := []stanceRecord{
		{ID: "a", Label: "negative"}, {ID: "b", Label: "negative"}, {ID: "c", Label: "neutral"},
		{ID: "d", Label: "positive"}, {ID: "e", Label: "neutral"},
	}
	tests := []struct {
		name  string
		preds []stancePrediction
		want  func(m stanceMetrics) bool
	}{
		{"perfect", []stancePrediction{{ID: "a", Label: "negative"}, {ID: "b", Label: "negative"}, {ID: "c", Label: "neutral"}, {ID: "d", Label: "positive"}, {ID: "e", Label: "neutral"}},
			func(m stanceMetrics) bool { return m.MacroF1 == 1 && m.Accuracy == 1 && m.F1PosNeg == 1 }},
		{"missing and invalid count as wrong", []stancePrediction{{ID: "a", Label: "negative"}, {ID: "b", Label: "bad"}, {ID: "c", Label: "neutral"}, {ID: "e", Label: "neutral"}},
			// negative P=1 R=.5 F1=.6667, neutral 1, positive 0.
			func(m stanceMetrics) bool {
				return m.Missing == 1 && m.NScored == 4 && m.MacroF1 == 0.5556 && m.Accuracy == 0.6
			}},
		{"unknown and duplicate ids", []stancePrediction{{ID: "a", Label: "negative"}, {ID: "a", Label: "positive"}, {ID: "zz", Label: "neutral"}},
			func(m stanceMetrics) bool {
				return m.UnknownIDs == 1 && m.DuplicatePredictions == 1 && m.Missing == 4 && m.Accuracy == 0.2
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := scoreStance(gold, tt.preds)
			if !tt.want(m) {
				t.Errorf("scoreStance = %+v", m)
			}
		})
	}
}

// TestStanceBaselines checks that the scorer reproduces the reference
// metrics of the majority baselines (../shared/eval/baselines).
func TestStanceBaselines(t *testing.T) {
	dir := stanceSharedEval(t)
	var ref map[string]map[string]json.RawMessage
	b, err := os.ReadFile(filepath.Join(dir, "baselines", "BASELINES.dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ data, pred, key, system string }{
		{"stance/dev.jsonl", "stance__dev.majority.pred.jsonl", "stance/dev.jsonl", "majority(train)"},
		{"stance/basil-dev.jsonl", "stance__basil-dev.majority.pred.jsonl", "stance/basil-dev.jsonl", "majority(basil-dev)"},
	} {
		t.Run(tc.data, func(t *testing.T) {
			gold, err := readJSONL[stanceRecord](filepath.Join(dir, tc.data))
			if err != nil {
				t.Fatal(err)
			}
			preds, err := readJSONL[stancePrediction](filepath.Join(dir, "baselines", tc.pred))
			if err != nil {
				t.Fatal(err)
			}
			raw, ok := ref[tc.key][tc.system]
			if !ok {
				t.Fatalf("no reference for %s %s", tc.key, tc.system)
			}
			var want, got map[string]any
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(scoreStance(gold, preds))
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("metrics differ from the reference (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStanceTargets runs the stance task on the DEV files, logs the metrics
// and fails when macro-F1 drops below a floor. Mention level (NewsMTSC): the
// floor is the target, 0.62. Article level (BASIL): the target
// is 0.50 (0.45 when written, 0.50 with the counting aggregation); with 13
// positive records one article moves macro-F1 by about 0.01, so the floor
// leaves room for that noise and guards against regressions only.
func TestStanceTargets(t *testing.T) {
	dir := stanceSharedEval(t)
	for _, tc := range []struct {
		file string
		min  float64
	}{
		{"stance/dev.jsonl", 0.62},
		{"stance/basil-dev.jsonl", 0.47},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var pred bytes.Buffer
			res, err := Run(context.Background(), "stance", filepath.Join(dir, tc.file), &pred)
			if err != nil {
				t.Fatal(err)
			}
			m := res.(stanceMetrics)
			b, _ := json.Marshal(m)
			t.Logf("%s: %s", tc.file, b)
			if m.MacroF1 < tc.min {
				t.Errorf("%s macro-F1 = %.4f, want >= %.2f", tc.file, m.MacroF1, tc.min)
			}
			if n := bytes.Count(pred.Bytes(), []byte("\n")); n != m.NGold {
				t.Errorf("wrote %d prediction lines for %d records", n, m.NGold)
			}
		})
	}
}

func TestRunStanceOnOwnRecords(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "stance.jsonl")
	lines := []string{
		`{"id":"m1","text":"Critics condemned Mayor Ames as corrupt and dishonest.","target":"Mayor Ames","start":18,"end":28,"label":"negative"}`,
		`{"id":"m2","text":"Mayor Ames will open the bridge on Monday.","target":"Mayor Ames","start":0,"end":10,"label":"neutral"}`,
		`{"id":"a1","title":"Bridge opens","text":"The bridge opened on Monday.\nTraffic was light.","target":"Mayor Ames","label":"neutral"}`,
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var pred bytes.Buffer
	res, err := Run(context.Background(), "stance", path, &pred)
	if err != nil {
		t.Fatal(err)
	}
	m := res.(stanceMetrics)
	if m.NGold != 3 || m.NScored != 3 || m.Missing != 0 {
		t.Errorf("metrics %+v", m)
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(pred.String()), "\n") {
		var p stancePrediction
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("prediction line %q: %v", line, err)
		}
		got[p.ID] = p.Label
	}
	// The wiring is under test here, not the model: every record gets a
	// valid label, a plainly critical sentence is negative, and an article
	// that never names its target is neutral.
	for id, label := range got {
		if label != "negative" && label != "neutral" && label != "positive" {
			t.Errorf("%s: invalid label %q", id, label)
		}
	}
	if len(got) != 3 || got["m1"] != "negative" || got["a1"] != "neutral" {
		t.Errorf("predictions %v, want 3 with m1 negative and a1 neutral", got)
	}
}

func TestRunStanceRejectsBadRecords(t *testing.T) {
	for _, tc := range []struct{ name, line string }{
		{"start without end", `{"id":"x","text":"Ann left.","target":"Ann","start":0,"label":"neutral"}`},
		{"offsets outside text", `{"id":"x","text":"Ann left.","target":"Ann","start":4,"end":40,"label":"neutral"}`},
		{"not json", `{"id":`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.jsonl")
			if err := os.WriteFile(path, []byte(tc.line+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := Run(context.Background(), "stance", path, io.Discard); err == nil {
				t.Error("no error")
			}
		})
	}
	if _, err := Run(context.Background(), "stance", filepath.Join(t.TempDir(), "missing.jsonl"), io.Discard); err == nil {
		t.Error("no error for a missing file")
	}
}
