package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// sharedEval returns ../shared/eval (searched upwards from the package
// directory), or skips the test when it is absent.
func sharedEval(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "..", "shared", "eval")
		if _, err := os.Stat(filepath.Join(p, "README.md")); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("../shared/eval is absent; skipping the evaluation-data test")
		}
		dir = parent
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestScoreClusters(t *testing.T) {
	rec := func(id, gold string) clusterRecord { return clusterRecord{ID: id, Gold: gold} }
	pred := func(id, c string) clusterPrediction {
		return clusterPrediction{ID: id, Cluster: json.RawMessage(c)}
	}
	gold := []clusterRecord{rec("a", "x"), rec("b", "x"), rec("c", "y"), rec("d", "y")}
	tests := []struct {
		name  string
		preds []clusterPrediction
		want  ClusterMetrics
	}{
		{
			name:  "perfect",
			preds: []clusterPrediction{pred("a", "1"), pred("b", "1"), pred("c", "2"), pred("d", "2")},
			want: ClusterMetrics{BCubed: PRF{1, 1, 1}, Pairwise: PRF{1, 1, 1}, ARI: 1, NMI: 1,
				NGold: 4, NScored: 4, GoldClusters: 2, PredClusters: 2},
		},
		{
			name:  "all in one",
			preds: []clusterPrediction{pred("a", "1"), pred("b", "1"), pred("c", "1"), pred("d", "1")},
			want: ClusterMetrics{BCubed: PRF{0.5, 1, 2.0 / 3}, Pairwise: PRF{1.0 / 3, 1, 0.5}, ARI: 0, NMI: 0,
				NGold: 4, NScored: 4, GoldClusters: 2, PredClusters: 1},
		},
		{
			name: "missing, unknown and repeated ids",
			preds: []clusterPrediction{pred("a", "1"), pred("a", "2"), pred("b", "1"), pred("c", `"s"`),
				pred("zz", "1")},
			// d is missing: a singleton. c alone, a and b together.
			want: ClusterMetrics{BCubed: PRF{1, 0.75, 6.0 / 7}, Pairwise: PRF{1, 0.5, 2.0 / 3}, ARI: 4.0 / 7,
				NMI:   2 * math.Log(2) / (math.Log(2) + 1.5*math.Log(2)),
				NGold: 4, NScored: 3, Missing: 1, UnknownIDs: 1, DuplicatePredictions: 1,
				GoldClusters: 2, PredClusters: 3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scoreClusters(gold, tt.preds)
			closeEnough := func(a, b float64) bool { return near(a, b, 1e-9) }
			prfOK := func(a, b PRF) bool { return closeEnough(a.P, b.P) && closeEnough(a.R, b.R) && closeEnough(a.F1, b.F1) }
			if !prfOK(got.BCubed, tt.want.BCubed) || !prfOK(got.Pairwise, tt.want.Pairwise) ||
				!closeEnough(got.ARI, tt.want.ARI) || !closeEnough(got.NMI, tt.want.NMI) {
				t.Errorf("scores = %+v, want %+v", got, tt.want)
			}
			got.BCubed, got.Pairwise, got.ARI, got.NMI = tt.want.BCubed, tt.want.Pairwise, tt.want.ARI, tt.want.NMI
			if got != tt.want {
				t.Errorf("counts = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestClusterBaselines checks the scorer against the reference scores of the
// baseline prediction files.
func TestClusterBaselines(t *testing.T) {
	root := sharedEval(t)
	raw, err := os.ReadFile(filepath.Join(root, "baselines", "BASELINES.dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]map[string]ClusterMetrics
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ecb-dev", "allsides-dev"} {
		t.Run(name, func(t *testing.T) {
			want, ok := ref["cluster/"+name+".jsonl"]["tfidf-singlepass(th=0.25)"]
			if !ok {
				t.Fatal("no reference scores for", name)
			}
			recs, err := readJSONL[clusterRecord](filepath.Join(root, "cluster", name+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			preds, err := readJSONL[clusterPrediction](filepath.Join(root, "baselines", "cluster__"+name+".tfidf-singlepass.pred.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			got := scoreClusters(recs, preds)
			const tol = 0.00005 + 1e-9 // the reference is rounded to 4 places
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"bcubed.p", got.BCubed.P, want.BCubed.P}, {"bcubed.r", got.BCubed.R, want.BCubed.R},
				{"bcubed.f1", got.BCubed.F1, want.BCubed.F1}, {"pairwise.p", got.Pairwise.P, want.Pairwise.P},
				{"pairwise.r", got.Pairwise.R, want.Pairwise.R}, {"pairwise.f1", got.Pairwise.F1, want.Pairwise.F1},
				{"ari", got.ARI, want.ARI}, {"nmi", got.NMI, want.NMI},
			} {
				if !near(c.got, c.want, tol) {
					t.Errorf("%s = %.5f, want %.4f", c.name, c.got, c.want)
				}
			}
			got.BCubed, got.Pairwise, got.ARI, got.NMI = want.BCubed, want.Pairwise, want.ARI, want.NMI
			if got != want {
				t.Errorf("counts = %+v, want %+v", got, want)
			}
		})
	}
}

// TestClusterDev runs the cluster task on the DEV files. The floors sit
// between the single-pass TF-IDF baseline and what the clusterer scores now,
// so a change that loses the gain fails.
func TestClusterDev(t *testing.T) {
	root := sharedEval(t)
	for _, tc := range []struct {
		name            string
		baseline, floor float64
	}{
		{"ecb-dev", 0.8721, 0.88},
		{"allsides-dev", 0.7884, 0.78},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			res, err := Run(context.Background(), "cluster", filepath.Join(root, "cluster", tc.name+".jsonl"), &out)
			if err != nil {
				t.Fatal(err)
			}
			m := res.(ClusterMetrics)
			t.Logf("%s: B3 P %.4f R %.4f F1 %.4f (baseline %.4f); pairwise F1 %.4f; %d clusters (gold %d)",
				tc.name, m.BCubed.P, m.BCubed.R, m.BCubed.F1, tc.baseline, m.Pairwise.F1, m.PredClusters, m.GoldClusters)
			if lines := bytes.Count(out.Bytes(), []byte("\n")); lines != m.NGold {
				t.Errorf("wrote %d prediction lines, want %d", lines, m.NGold)
			}
			if m.Missing != 0 || m.NScored != m.NGold {
				t.Errorf("missing %d, scored %d of %d", m.Missing, m.NScored, m.NGold)
			}
			if m.BCubed.F1 < tc.floor {
				t.Errorf("B3 F1 %.4f is below the floor %.2f", m.BCubed.F1, tc.floor)
			}
		})
	}
}

func TestClusterBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\":\"a\",\"title\":\"x\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := Run(context.Background(), "cluster", bad, &out); err == nil {
		t.Error("no error for a malformed line")
	}
	if _, err := Run(context.Background(), "cluster", filepath.Join(dir, "absent.jsonl"), &out); err == nil {
		t.Error("no error for a missing file")
	}
}
