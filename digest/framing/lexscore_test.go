package framing

import (
	"math"
	"strings"
	"testing"
)

func TestLexiconScore(t *testing.T) {
	tests := []struct {
		sentence, target string
		sign             int
	}{
		{"The brave and principled Mayor Diaz won praise.", "Diaz", 1},
		{"Diaz is a corrupt, reckless liar.", "Diaz", -1},
		{"Diaz is not a liar.", "Diaz", 1},
		{"Diaz arrived in Lyon on Monday.", "Diaz", 0},
	}
	for _, tt := range tests {
		i := strings.Index(tt.sentence, tt.target)
		got := math.Tanh(lexiconRaw(tt.sentence, i, i+len(tt.target)) / 2)
		sign := 0
		switch {
		case got > 0.2:
			sign = 1
		case got < -0.2:
			sign = -1
		}
		if sign != tt.sign {
			t.Errorf("lexicon score of %q = %.2f, want sign %d", tt.sentence, got, tt.sign)
		}
	}
}
