package framing

import (
	"strings"
	"testing"
)

func TestLoadedCuePrecision(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string // "type:text" of every loaded or name-calling cue
	}{
		{"topic nouns in a report", "The regime said the abuse inquiry would continue after the fraud trial.", nil},
		{"topic noun is not an adjective", "The real scandal lies in the accounts.", nil},
		{"literal verb", "Shares plummeted after gunmen hijacked a bus.", nil},
		{"strong word beside a topic noun", "The brutal regime crushed the protest.", []string{"loaded_language:brutal regime"}},
		{"party name", "Members of the Communist Party met on Monday.", nil},
		{"abstract form of a label is no name", "The report studies radicalization in prisons.", []string{"loaded_language:radicalization"}},
		{"label for a person", "Critics called him a liar on Monday.", []string{"name_calling:liar"}},
		{"no cue across a line break", "They went to war\nOn Monday the talks resumed.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range Analyze("", tc.body).Cues {
				if c.Type == LoadedLanguage || c.Type == NameCalling {
					got = append(got, c.Type+":"+c.Text)
				}
				if strings.Contains(c.Text, "\n") {
					t.Errorf("cue %q crosses a line break", c.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("loaded cues = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHedgesAreNotAttribution(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []string // texts of the hedge cues
	}{
		{"A team from the institute reported on Thursday that the dam held.", nil},
		{"The minister was reported to have resigned on Thursday.", []string{"was reported to"}},
		{"The minister reportedly resigned on Thursday.", []string{"reportedly"}},
	} {
		var got []string
		for _, c := range Analyze("", tc.body).Cues {
			if c.Type == Hedge {
				got = append(got, c.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: hedges %q, want %q", tc.body, got, tc.want)
		}
	}
}
