package framing

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestDump(t *testing.T) {
	p := os.Getenv("FRAMING_DUMP")
	if p == "" {
		t.Skip("FRAMING_DUMP not set")
	}
	b, _ := os.ReadFile(p)
	title, body, _ := strings.Cut(string(b), "\n")
	l := Analyze(title, body)
	d := newDoc(title, body)
	for _, e := range findActors(d, l.Cues) {
		t.Logf("entity %q person=%v org=%v mentions=%d forms=%v", e.name, e.person, e.org, len(e.mentions), e.forms)
		for _, m := range e.mentions {
			s := d.sents[d.tokSent[m.a]]
			lab, c := lexiconStance(s.span.Text, d.toks[m.a].Start-s.span.Start, d.toks[m.b-1].End-s.span.Start)
			r := AnalyzeMention(s.span.Text, d.toks[m.a].Start-s.span.Start, d.toks[m.b-1].End-s.span.Start)
			t.Logf("   lex %s %.2f model %s %.2f %.2f q=%v %q", lab, c, r.Label, r.Probs[2]-r.Probs[0], r.Confidence, d.quoted[m.a], shorten(s.span.Text, 100))
		}
	}
	t.Logf("genre features %+v", collectGenre(d, l.Cues))
	out, _ := json.MarshalIndent(l, "", " ")
	t.Log(string(out))
	t.Log(l.Line())
}
