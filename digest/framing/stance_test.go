package framing

import (
	"strings"
	"testing"
)

// mention returns the byte range of the first occurrence of name in s.
func stanceMention(t *testing.T, s, name string) (int, int) {
	t.Helper()
	i := strings.Index(s, name)
	if i < 0 {
		t.Fatalf("%q not in %q", name, s)
	}
	return i, i + len(name)
}

func TestMentionStance(t *testing.T) {
	tests := []struct {
		sentence, target, want string
	}{
		{"Critics accused Senator Blake of lying to voters and called the scheme a disgrace.", "Senator Blake", Negative},
		{"Mayor Ortiz was praised for her brave and effective handling of the floods.", "Mayor Ortiz", Positive},
		{"Governor Hale will travel to the capital on Tuesday, his office said.", "Governor Hale", Neutral},
		{"Residents applauded Judge Moreau, calling her ruling wise and fair.", "Judge Moreau", Positive},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			start, end := stanceMention(t, tt.sentence, tt.target)
			got, conf := MentionStance(tt.sentence, start, end)
			if got != tt.want {
				t.Errorf("MentionStance(%q, %q) = %s (%.2f), want %s", tt.sentence, tt.target, got, conf, tt.want)
			}
			if conf < 0 || conf > 1 {
				t.Errorf("confidence %v outside [0,1]", conf)
			}
		})
	}
}

func TestAnalyzeMentionQuotedAndEvidence(t *testing.T) {
	s := `Ms. Lind said, "Director Park is a corrupt and dishonest man."`
	start, end := stanceMention(t, s, "Director Park")
	r := AnalyzeMention(s, start, end)
	if r.Label != Negative {
		t.Fatalf("label = %s, want negative (%+v)", r.Label, r)
	}
	if !r.Quoted {
		t.Errorf("Quoted = false for an evaluation inside quotation marks")
	}
	if len(r.Evidence) == 0 {
		t.Fatalf("no evidence")
	}
	for _, e := range r.Evidence {
		if s[e.Start:e.End] != e.Text {
			t.Errorf("evidence %+v does not match the sentence slice %q", e, s[e.Start:e.End])
		}
	}
}

func TestMentionStanceBadOffsets(t *testing.T) {
	s := "The minister resigned."
	for _, r := range [][2]int{{-5, 3}, {10, 2}, {0, 999}, {999, 1000}, {0, 0}} {
		label, conf := MentionStance(s, r[0], r[1])
		if label != Negative && label != Neutral && label != Positive {
			t.Errorf("MentionStance(%v) label %q", r, label)
		}
		if conf < 0 || conf > 1 {
			t.Errorf("MentionStance(%v) confidence %v", r, conf)
		}
	}
	if label, _ := MentionStance("", 0, 0); label != Neutral {
		t.Errorf("empty sentence: %s, want neutral", label)
	}
}

func TestTargetStance(t *testing.T) {
	body := "Senator Blake faced a storm on Monday.\nCritics said Blake had lied and betrayed the voters who trusted him.\nBlake denied wrongdoing."
	r := TargetStance("", body, "Tom Blake")
	if r.Mentions != 3 {
		t.Errorf("Mentions = %d, want 3", r.Mentions)
	}
	if r.Label != Negative {
		t.Errorf("Label = %s, want negative", r.Label)
	}
	for _, e := range r.Evidence {
		if body[e.Start:e.End] != e.Text {
			t.Errorf("evidence %+v is not the body slice %q", e, body[e.Start:e.End])
		}
	}
	if r := TargetStance("", body, "Ana Quill"); r.Mentions != 0 || r.Label != Neutral {
		t.Errorf("absent target: %+v", r)
	}
}

func FuzzMentionStance(f *testing.F) {
	f.Add("Critics accused Senator Blake of lying.", 16, 29)
	f.Add(`He said "no, not bad" about “Park”`, 29, 35)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		r := AnalyzeMention(s, start, end)
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(s) || e.Start > e.End || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad evidence %+v", e)
			}
		}
	})
}

func BenchmarkMentionStance(b *testing.B) {
	s := "Critics accused Senator Blake of lying to voters on Tuesday, but his allies in the state legislature praised his record on jobs."
	start := strings.Index(s, "Senator Blake")
	for b.Loop() {
		MentionStance(s, start, start+len("Senator Blake"))
	}
}
