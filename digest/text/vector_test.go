package text

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCosine(t *testing.T) {
	tests := []struct {
		name string
		a, b Vector
		want float64
	}{
		{"identical", Vector{"x": 1, "y": 2}, Vector{"x": 1, "y": 2}, 1},
		{"scaled", Vector{"x": 1, "y": 2}, Vector{"x": 3, "y": 6}, 1},
		{"orthogonal", Vector{"x": 1}, Vector{"y": 1}, 0},
		{"half", Vector{"x": 1, "y": 1}, Vector{"x": 1, "z": 1}, 0.5},
		{"empty", Vector{}, Vector{"x": 1}, 0},
		{"nil", nil, nil, 0},
	}
	for _, tt := range tests {
		if got := Cosine(tt.a, tt.b); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: Cosine = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNormalizeAndAdd(t *testing.T) {
	v := Vector{"x": 3, "y": 4}.Normalize()
	if math.Abs(v.Norm()-1) > 1e-12 || math.Abs(v["x"]-0.6) > 1e-12 {
		t.Errorf("Normalize = %v", v)
	}
	if got := (Vector{}).Normalize(); len(got) != 0 {
		t.Errorf("Normalize(empty) = %v", got)
	}
	sum := Vector{"x": 1}.Add(Vector{"x": 1, "y": 2}, 0.5)
	if diff := cmp.Diff(Vector{"x": 1.5, "y": 1}, sum); diff != "" {
		t.Errorf("Add (-want +got):\n%s", diff)
	}
	if got := (Vector{"b": 1, "a": 1, "c": 2}).Top(2); !cmp.Equal(got, []string{"c", "a"}) {
		t.Errorf("Top = %v", got)
	}
}

func TestDocFreq(t *testing.T) {
	var df DocFreq
	df.Add([]string{"storm", "coast", "storm"})
	df.Add([]string{"storm", "vote"})
	if df.N != 2 || df.DF["storm"] != 2 || df.DF["coast"] != 1 {
		t.Fatalf("counts: N=%d DF=%v", df.N, df.DF)
	}
	if !(df.IDF("unseen") > df.IDF("coast") && df.IDF("coast") > df.IDF("storm") && df.IDF("storm") > 0) {
		t.Errorf("IDF order wrong: unseen %v coast %v storm %v", df.IDF("unseen"), df.IDF("coast"), df.IDF("storm"))
	}
	w := df.TFIDF(Counts([]string{"storm", "storm", "coast"}), true)
	wantStorm := (1 + math.Log(2)) * df.IDF("storm")
	if math.Abs(w["storm"]-wantStorm) > 1e-12 || math.Abs(w["coast"]-df.IDF("coast")) > 1e-12 {
		t.Errorf("TFIDF = %v", w)
	}
}
