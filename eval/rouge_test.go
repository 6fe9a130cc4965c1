package eval

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRougeTokens(t *testing.T) {
	got := rougeTokens("The cats' RUNNING-fast, 3.5%! Café")
	want := []string{"the", "cat", "run", "fast", "3", "5", "caf"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rougeTokens (-want +got):\n%s", diff)
	}
}

func TestRougeScores(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	tests := []struct {
		name    string
		got     rougeScore
		p, r, f float64
	}{
		{"rouge1 subset", rougeN(rougeToks("the cat sat"), rougeToks("the cat sat on the mat"), 1), 1, 0.5, 2.0 / 3},
		{"rouge2 subset", rougeN(rougeToks("the cat sat"), rougeToks("the cat sat on the mat"), 2), 1, 0.4, 2 * 0.4 / 1.4},
		{"rouge1 clipped", rougeN(rougeToks("the the the"), rougeToks("the cat"), 1), 1.0 / 3, 0.5, 0.4},
		{"rouge2 too short", rougeN(rougeToks("cat"), rougeToks("the cat"), 2), 0, 0, 0},
		{"rougeL", rougeL(rougeToks("aa bb cc dd"), rougeToks("aa cc bb dd")), 0.75, 0.75, 0.75},
		{"rougeL empty", rougeL(nil, rougeToks("aa")), 0, 0, 0},
		// Lin (2004), section 3.2: reference w1..w5, candidates
		// "w1 w2 w6 w7 w8" and "w1 w3 w8 w9 w5"; the union LCS is w1 w2 w3 w5.
		{"rougeLsum union", rougeLsum(
			[][]string{rougeToks("w1 w2 w6 w7 w8"), rougeToks("w1 w3 w8 w9 w5")},
			[][]string{rougeToks("w1 w2 w3 w4 w5")}), 0.4, 0.8, 2 * 0.4 * 0.8 / 1.2},
		// A token counts at most as often as it occurs on both sides.
		{"rougeLsum clipped", rougeLsum(
			[][]string{rougeToks("aa bb"), rougeToks("aa bb")},
			[][]string{rougeToks("aa bb"), rougeToks("aa bb"), rougeToks("aa bb")}), 1, 4.0 / 6, 0.8},
		{"rougeLsum empty prediction", rougeLsum(nil, [][]string{rougeToks("aa")}), 0, 0, 0},
	}
	for _, tt := range tests {
		if !near(tt.got.P, tt.p) || !near(tt.got.R, tt.r) || !near(tt.got.F, tt.f) {
			t.Errorf("%s: got P %.4f R %.4f F %.4f, want %.4f %.4f %.4f", tt.name, tt.got.P, tt.got.R, tt.got.F, tt.p, tt.r, tt.f)
		}
	}
}

func TestRougeLsumOneLineEqualsRougeL(t *testing.T) {
	pred, ref := "the council closed the old library on tuesday", "on tuesday the council voted to close the library"
	s := scoreRouge(pred, ref)
	if math.Abs(s.L.F-s.Lsum.F) > 1e-12 {
		t.Errorf("one-line RLsum %.4f != RL %.4f", s.Lsum.F, s.L.F)
	}
}

func TestScoreSummariesCountsMissingAndUnknown(t *testing.T) {
	gold := []summaryRecord{{ID: "a", References: []string{"the cat sat"}}, {ID: "b", References: []string{"a dog ran"}}}
	preds := []summaryPrediction{{"a", "the cat sat"}, {"a", "nothing"}, {"zzz", "x"}}
	m := scoreSummaries(gold, preds)
	if m.Missing != 1 || m.UnknownIDs != 1 || m.DuplicatePredictions != 1 || m.NScored != 1 {
		t.Errorf("counts: %+v", m)
	}
	// "a" scores 100 and the missing "b" 0: the mean is 50.
	if m.FirstReference.Rouge1 != 50 || m.FirstReference.RougeLsum != 50 {
		t.Errorf("figures: %+v", m.FirstReference)
	}
}

func rougeToks(s string) []string { return rougeTokens(s) }
