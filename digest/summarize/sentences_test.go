package summarize

import (
	"math"
	"testing"
)

func TestQuotedShare(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{`He left.`, 0},
		{`"Go home."`, 1},
		{`“Go home.”`, 1},
		{`‘Go home.’`, 1},
		{`'Go home.'`, 1},
		{"`` Go home . ''", 1},
		{`The players' union won't talk.`, 0},
		{"The club 's manager , who 'd left , is back .", 0},
		{"` I 'd be over the moon , ' he said .", float64(len("` I 'd be over the moon , '")) / float64(len("` I 'd be over the moon , ' he said ."))},
		{`"Open`, 1},
		{`She said 'no' twice.`, float64(len(`'no'`)) / float64(len(`She said 'no' twice.`))},
	}
	for _, tt := range tests {
		if got := quotedShare(tt.in); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("quotedShare(%q) = %.3f, want %.3f", tt.in, got, tt.want)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for in, want := range map[string]bool{
		"He left.": true, `"Go."`: true, "Why?": true, "Wait…": true, "(Done.)": true,
		"A caption under a photo": false, "Heading:": false,
	} {
		if got := endsSentence(in); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", in, got, want)
		}
	}
}
