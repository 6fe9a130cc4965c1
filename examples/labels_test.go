package examples

import (
	"path/filepath"
	"testing"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/framing"
)

// goldenLabels are the framing labels of one example article, as the golden
// file keeps them: enough to see a change in any label, short enough to read.
type goldenLabels struct {
	URL      string        `json:"url"`
	Language string        `json:"language,omitempty"`
	Genre    string        `json:"genre"`
	Signal   string        `json:"genre_signal,omitempty"`
	Tone     string        `json:"tone"`
	Actors   []string      `json:"actors"` // "Name: stance (voice)"
	Frames   []string      `json:"frames"`
	Cues     []framing.Cue `json:"cues"`
	Summary  []string      `json:"summary"`
}

// TestLabelsGolden keeps the framing labels and article summaries of every
// example article (the sample feeds and the stream) in
// testdata/labels.golden.json. A change to any labeller shows here as a
// diff to read; run go test ./examples -update when it is deliberate.
func TestLabelsGolden(t *testing.T) {
	lean := map[string]string{}
	for _, f := range Feeds {
		lean[f.Name] = f.Lean
	}
	items, _ := parseAll(t)
	var arts []digest.Article
	for _, it := range items {
		a := digest.Article{URL: it.Link, Title: it.Title, Source: it.outlet, Lean: lean[it.outlet], Text: it.text, Categories: it.Categories}
		if len(it.Authors) > 0 {
			a.Author = it.Authors[0].Name
		}
		arts = append(arts, a)
	}
	for _, r := range readStream(t) {
		arts = append(arts, r.article())
	}
	var got []goldenLabels
	for _, a := range arts {
		an := digest.Analyze(a)
		g := goldenLabels{URL: a.URL, Language: an.Language, Genre: an.Genre.Label, Signal: an.Genre.Signal,
			Tone: an.Tone, Actors: []string{}, Frames: []string{}, Cues: an.Cues, Summary: an.Summary}
		for _, ac := range an.Actors {
			g.Actors = append(g.Actors, ac.Name+": "+ac.Stance+" ("+ac.Voice+")")
		}
		for _, f := range an.Frames {
			g.Frames = append(g.Frames, f.Name)
		}
		got = append(got, g)
	}
	checkGolden(t, filepath.Join("testdata", "labels.golden.json"), got)
}
