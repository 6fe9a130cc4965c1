package stance

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestEmbeddedStanceModelLoads(t *testing.T) {
	m := embeddedModel()
	if m == nil {
		t.Fatal("embedded stance model did not load")
	}
	if len(m.Weights) < 1000 {
		t.Errorf("only %d features in the embedded model", len(m.Weights))
	}
	if len(weightsJSON) > 1<<20 {
		t.Errorf("weights file is %d bytes, want < 1 MiB", len(weightsJSON))
	}
}

func TestReadStanceModelRejectsBadModels(t *testing.T) {
	for _, tt := range []struct{ name, json string }{
		{"not json", "{"},
		{"wrong classes", `{"classes":["pos","neu","neg"],"bias":[0,0,0],"weights":{}}`},
		{"short bias", `{"classes":["negative","neutral","positive"],"bias":[0],"weights":{}}`},
		{"short weights", `{"classes":["negative","neutral","positive"],"bias":[0,0,0],"weights":{"w:x":[1]}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadModel(strings.NewReader(tt.json))
			if !errors.Is(err, ErrBadModel) {
				t.Errorf("error = %v, want ErrBadModel", err)
			}
		})
	}
}

func TestStanceExp(t *testing.T) {
	for _, x := range []float64{0, -1e-9, -0.3, -0.35, -1, -2.5, -10, -37.2, -100, -699} {
		got, want := exp(x), math.Exp(x)
		if math.Abs(got-want) > 1e-14*want {
			t.Errorf("exp(%g) = %g, want %g", x, got, want)
		}
	}
	if got := exp(-1000); got != 0 {
		t.Errorf("exp(-1000) = %g, want 0", got)
	}
	if got := exp(math.NaN()); got != 0 {
		t.Errorf("exp(NaN) = %g, want 0", got)
	}
}
