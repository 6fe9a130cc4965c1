package framing

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// sharedDir returns ../shared (next to the repository) or skips the test.
func sharedDir(t testing.TB, parts ...string) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Skip("cannot locate the test file")
	}
	// digest/framing -> repository root -> its parent
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	p := filepath.Join(append([]string{dir}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not available: %v", p, err)
	}
	return p
}

// readTextRecords returns the "text" field of every line of a JSON Lines file.
func readTextRecords(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ln := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		var r struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal([]byte(ln), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, r.Text)
	}
	return out
}

// readArticle splits a seed file into its headline line and body.
func readArticle(t testing.TB, path string) (title, body string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ = strings.Cut(string(b), "\n")
	return title, body
}

type seedExpect struct {
	Genre  string            `json:"genre"`
	Stance map[string]string `json:"stance"`
	Tone   string            `json:"tone_toward_event"`
	Frames []string          `json:"frames_any_of"`
	Cues   []struct {
		Type  string   `json:"type"`
		Text  string   `json:"text"`
		AnyOf []string `json:"text_any_of"`
	} `json:"cues_must_include"`
}

// cueMatches reports whether a cue's text is the wanted text: one contains
// the other and the cue covers at least half of the wanted text.
func cueMatches(got, want string) bool {
	if strings.Contains(got, want) {
		return len(got) <= 3*len(want)+20
	}
	return strings.Contains(want, got) && 2*len(got) >= len(want)
}

func TestSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Articles map[string]seedExpect `json:"articles"`
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	for id, want := range exp.Articles {
		t.Run(id, func(t *testing.T) {
			title, body := readArticle(t, filepath.Join(dir, id+".txt"))
			l := Analyze(title, body)
			t.Log(l.Line())
			checkSpans(t, title, body, l)
			if l.Genre.Label != want.Genre {
				t.Errorf("genre = %s, want %s (evidence %v)", l.Genre.Label, want.Genre, l.Genre.Evidence)
			}
			if l.Tone != want.Tone {
				t.Errorf("tone = %s, want %s", l.Tone, want.Tone)
			}
			for name, st := range want.Stance {
				a, ok := findActor(l, name)
				if !ok {
					t.Errorf("no actor %q in %+v", name, l.Actors)
					continue
				}
				if a.Stance != st {
					t.Errorf("stance toward %s = %s (%.2f), want %s", name, a.Stance, a.Confidence, st)
				}
			}
			if !anyFrame(l, want.Frames) {
				t.Errorf("frames = %+v, want one of %v", l.Frames, want.Frames)
			}
			for _, c := range want.Cues {
				texts := c.AnyOf
				if c.Text != "" {
					texts = append(texts, c.Text)
				}
				if !hasCue(l, c.Type, texts) {
					t.Errorf("no %s cue matching %q", c.Type, texts)
				}
			}
		})
	}
}

func findActor(l Labels, name string) (Actor, bool) {
	for _, a := range l.Actors {
		for _, w := range strings.Fields(a.Name) {
			if w == name {
				return a, true
			}
		}
	}
	return Actor{}, false
}

func anyFrame(l Labels, names []string) bool {
	for _, f := range l.Frames {
		for _, n := range names {
			if f.Name == n {
				return true
			}
		}
	}
	return false
}

func hasCue(l Labels, typ string, texts []string) bool {
	for _, c := range l.Cues {
		if c.Type != typ {
			continue
		}
		for _, w := range texts {
			if cueMatches(c.Text, w) {
				return true
			}
		}
	}
	return false
}

// checkSpans verifies that every span in l is the slice of body (or, for a
// title cue, of title) it claims, and that every cue says where it is.
func checkSpans(t testing.TB, title, body string, l Labels) {
	t.Helper()
	checkIn := func(src, what string, start, end int, txt string) {
		if start < 0 || end > len(src) || start > end {
			t.Errorf("%s: span [%d,%d) out of range (len %d)", what, start, end, len(src))
			return
		}
		if src[start:end] != txt {
			t.Errorf("%s: text %q != [%d:%d] %q", what, txt, start, end, src[start:end])
		}
	}
	check := func(what string, start, end int, txt string) { checkIn(body, what, start, end, txt) }
	for _, s := range l.Genre.Evidence {
		check("genre", s.Start, s.End, s.Text)
	}
	for _, a := range l.Actors {
		for _, s := range a.Evidence {
			check("actor "+a.Name, s.Start, s.End, s.Text)
		}
	}
	for _, f := range l.Frames {
		for _, s := range f.Evidence {
			check("frame "+f.Name, s.Start, s.End, s.Text)
		}
	}
	for _, c := range append(append([]Cue(nil), l.Cues...), l.QuotedCues...) {
		switch c.Field {
		case FieldBody:
			check("cue "+c.Type, c.Start, c.End, c.Text)
		case FieldTitle:
			checkIn(title, "title cue "+c.Type, c.Start, c.End, c.Text)
		default:
			t.Errorf("cue %+v has field %q, want body or title", c, c.Field)
		}
	}
}
