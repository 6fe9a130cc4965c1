package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type spanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type analysisJSON struct {
	Title   string   `json:"title"`
	Summary []string `json:"summary"`
	Genre   struct {
		Label      string     `json:"label"`
		Confidence float64    `json:"confidence"`
		Evidence   []spanJSON `json:"evidence"`
	} `json:"genre"`
	Actors []struct {
		Name     string     `json:"name"`
		Mentions int        `json:"mentions"`
		Stance   string     `json:"stance"`
		Voice    string     `json:"voice"`
		Evidence []spanJSON `json:"evidence"`
	} `json:"actors"`
	Frames []struct {
		Name     string     `json:"name"`
		Score    float64    `json:"score"`
		Evidence []spanJSON `json:"evidence"`
	} `json:"frames"`
	Tone       string    `json:"tone"`
	Cues       []cueJSON `json:"cues"`
	QuotedCues []cueJSON `json:"quoted_cues"`
}

type cueJSON struct {
	Type    string `json:"type"`
	Field   string `json:"field"` // "body" or "title": which text the offsets index
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
}

type seedExpectation struct {
	Genre        string            `json:"genre"`
	Stance       map[string]string `json:"stance"`
	Tone         string            `json:"tone_toward_event"`
	FramesAnyOf  []string          `json:"frames_any_of"`
	CuesMustHave []struct {
		Type      string   `json:"type"`
		Text      string   `json:"text"`
		TextAnyOf []string `json:"text_any_of"`
	} `json:"cues_must_include"`
}

// TestAnalyzeJSONSeeds runs `analyze -json` on each founding article and
// checks it against what a careful reader labels (../shared/seeds/expected.json).
func TestAnalyzeJSONSeeds(t *testing.T) {
	sharedSeeds(t)
	raw, err := os.ReadFile(filepath.Join(sharedDir, "seeds", "expected.json"))
	if err != nil {
		t.Skip("../shared/seeds/expected.json is absent")
	}
	var expected struct {
		Articles map[string]seedExpectation `json:"articles"`
	}
	if err := json.Unmarshal(raw, &expected); err != nil {
		t.Fatal(err)
	}
	for id, want := range expected.Articles {
		t.Run(id, func(t *testing.T) {
			path := filepath.Join(sharedDir, "seeds", id+".txt")
			var stdout, stderr bytes.Buffer
			if err := run(context.Background(), []string{"analyze", "-json", path}, &stdout, &stderr); err != nil {
				t.Fatalf("analyze: %v\n%s", err, stderr.String())
			}
			var got analysisJSON
			if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			file, _ := os.ReadFile(path)
			title, body := splitHeadline(string(file))
			checkSpans(t, title, body, got)

			if got.Genre.Label != want.Genre {
				t.Errorf("genre = %q, want %q", got.Genre.Label, want.Genre)
			}
			if got.Tone != want.Tone {
				t.Errorf("tone = %q, want %q", got.Tone, want.Tone)
			}
			for who, stance := range want.Stance {
				found := false
				for _, a := range got.Actors {
					if strings.Contains(a.Name, who) {
						found = true
						if a.Stance != stance {
							t.Errorf("stance toward %s = %q, want %q", a.Name, a.Stance, stance)
						}
						break
					}
				}
				if !found {
					t.Errorf("no actor %s among %+v", who, got.Actors)
				}
			}
			frameOK := false
			for _, f := range got.Frames {
				frameOK = frameOK || slices.Contains(want.FramesAnyOf, f.Name)
			}
			if !frameOK {
				t.Errorf("frames %+v, want one of %v", got.Frames, want.FramesAnyOf)
			}
			for _, c := range want.CuesMustHave {
				texts := c.TextAnyOf
				if c.Text != "" {
					texts = append(texts, c.Text)
				}
				ok := false
				for _, gc := range got.Cues {
					if gc.Type == c.Type && slices.Contains(texts, gc.Text) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("no %s cue with one of %q", c.Type, texts)
				}
			}
		})
	}
}

// checkSpans asserts every offset pair indexes body (a title cue's, title)
// and its text is that slice.
func checkSpans(t *testing.T, title, body string, a analysisJSON) {
	t.Helper()
	checkIn := func(src, what string, start, end int, txt string) {
		if start < 0 || end > len(src) || start > end || src[start:end] != txt {
			t.Errorf("%s span [%d:%d] %q is not the slice it claims", what, start, end, txt)
		}
	}
	check := func(what string, start, end int, txt string) { checkIn(body, what, start, end, txt) }
	for _, s := range a.Genre.Evidence {
		check("genre", s.Start, s.End, s.Text)
	}
	for _, ac := range a.Actors {
		for _, s := range ac.Evidence {
			check("actor "+ac.Name, s.Start, s.End, s.Text)
		}
	}
	for _, f := range a.Frames {
		for _, s := range f.Evidence {
			check("frame "+f.Name, s.Start, s.End, s.Text)
		}
	}
	for _, c := range append(append([]cueJSON(nil), a.Cues...), a.QuotedCues...) {
		switch c.Field {
		case "title":
			checkIn(title, "title cue "+c.Type, c.Start, c.End, c.Text)
		case "body":
			check("cue "+c.Type, c.Start, c.End, c.Text)
		default:
			t.Errorf("cue %+v: field %q, want body or title", c, c.Field)
		}
	}
}
