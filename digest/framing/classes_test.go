package framing

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMistakeClasses runs our own articles (testdata/), one for each kind
// of mistake a reader saw in the digest, and checks that the labels now
// hold: what the line must and must not say, and which cues must be the
// outlet's, the speakers' or absent.
func TestMistakeClasses(t *testing.T) {
	tests := []struct {
		file        string
		lineHas     []string // substrings the digest line must show
		lineHasNot  []string // substrings it must not show
		noCueTypes  []string // no cue of these types, own or quoted
		noCueText   []string // no cue, own or quoted, with this text
		titleCue    string   // a cue of the outlet's in the headline, with this text
		quotedBy    map[string]string
		tone        string
		noStanceFor []string // actors the outlet must not be said to criticise or praise
	}{
		{
			// An opinion piece whose target is named in the headline and
			// attacked mostly through the deal: the target is not missed.
			file:    "oped_target.txt",
			lineHas: []string{"criticises Marta Hale"},
			tone:    ToneAnti,
		},
		{
			// Court and crime reporting: "accused of", "charged with",
			// "according to the complaint", "alleged excessive force" and
			// "allegedly" attribute an accusation; they cast no doubt.
			file:        "court_report.txt",
			lineHasNot:  []string{"criticises", "praises", "doubt", "hedge"},
			noCueTypes:  []string{Doubt},
			noCueText:   []string{"alleged", "allegedly"},
			tone:        ToneNeutral,
			noStanceFor: []string{"Dale Brennick", "Tomas Lindgren"},
		},
		{
			// Literal words that are insults elsewhere: a collaborator on a
			// project, a thief who stole, a hack of a payment system.
			file:       "literal_words.txt",
			lineHasNot: []string{"name-calling", "loaded language", "hedge"},
			noCueText:  []string{"collaborator", "thief", "hack"},
			tone:       ToneNeutral,
		},
		{
			// Insults inside quotations are the speakers': credited to them,
			// never shown as the outlet's cue or stance.
			file:        "quoted_attack.txt",
			lineHasNot:  []string{"criticises", "name-calling", "liar", "clown"},
			quotedBy:    map[string]string{"liar": "Paul Drummond", "reckless clown": "Lisa Ferreira"},
			tone:        ToneNeutral,
			noStanceFor: []string{"Paul Drummond", "Lisa Ferreira"},
		},
		{
			// A loaded word in the headline is a cue of the headline, with
			// offsets into it.
			file:     "headline_cue.txt",
			lineHas:  []string{"loaded language «Reckless» in the headline"},
			titleCue: "Reckless",
		},
		{
			// A report of bad news: strong words describe the floods and
			// the victims' fear; no one is criticised and the tone is neutral.
			file:        "bad_news_report.txt",
			lineHasNot:  []string{"criticises", "praises"},
			tone:        ToneNeutral,
			noStanceFor: []string{"Rhea Amos", "Paul Esker"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			title, body := readArticle(t, filepath.Join("testdata", tt.file))
			l := Analyze(title, body)
			line := l.Line()
			t.Log(line)
			checkSpans(t, title, body, l)
			for _, s := range tt.lineHas {
				if !strings.Contains(line, s) {
					t.Errorf("line lacks %q", s)
				}
			}
			for _, s := range tt.lineHasNot {
				if strings.Contains(line, s) {
					t.Errorf("line shows %q", s)
				}
			}
			all := append(append([]Cue(nil), l.Cues...), l.QuotedCues...)
			for _, c := range all {
				for _, typ := range tt.noCueTypes {
					if c.Type == typ {
						t.Errorf("unexpected %s cue %q", c.Type, c.Text)
					}
				}
				for _, txt := range tt.noCueText {
					if strings.EqualFold(c.Text, txt) {
						t.Errorf("unexpected %s cue %q", c.Type, c.Text)
					}
				}
			}
			if tt.titleCue != "" {
				found := false
				for _, c := range l.Cues {
					if c.Field == FieldTitle && c.Text == tt.titleCue && title[c.Start:c.End] == c.Text {
						found = true
					}
				}
				if !found {
					t.Errorf("no headline cue %q in %+v", tt.titleCue, l.Cues)
				}
			}
			for txt, speaker := range tt.quotedBy {
				found := false
				for _, c := range l.QuotedCues {
					if c.Text == txt {
						found = true
						if c.Speaker != speaker {
							t.Errorf("quoted cue %q: speaker %q, want %q", txt, c.Speaker, speaker)
						}
					}
				}
				if !found {
					t.Errorf("no quoted cue %q in %+v", txt, l.QuotedCues)
				}
			}
			if tt.tone != "" && l.Tone != tt.tone {
				t.Errorf("tone = %s, want %s", l.Tone, tt.tone)
			}
			for _, name := range tt.noStanceFor {
				for _, a := range l.Actors {
					if a.Name == name && a.Stance != Neutral {
						t.Errorf("stance %s toward %s: %+v", a.Stance, name, a)
					}
				}
			}
		})
	}
}
