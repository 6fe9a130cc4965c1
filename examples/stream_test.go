package examples

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/cluster"
	"github.com/newsdigest/newsdigest/internal/golden"
)

// streamRecord is a line of stream/replay-stream.jsonl, in the format of
// the replay evaluation (../shared/eval/README.md, digest/): gold names the
// event and is read only to check the grouping.
type streamRecord struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Source    string    `json:"source"`
	Lean      string    `json:"lean"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
	Gold      string    `json:"gold"`
}

func readStream(t *testing.T) []streamRecord {
	t.Helper()
	f, err := os.Open(filepath.Join("stream", "replay-stream.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []streamRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r streamRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("stream line %d: %v", len(out)+1, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func (r streamRecord) article() digest.Article {
	return digest.Article{GUID: r.ID, URL: r.URL, Title: r.Title, Source: r.Source, Lean: r.Lean, Published: r.Published, Text: r.Text}
}

// goldenStory is what a reader sees of a story, as the golden file keeps it.
type goldenStory struct {
	Title       string             `json:"title"`
	Summary     []goldenSentence   `json:"summary"`
	OpinionOnly bool               `json:"opinion_only,omitempty"`
	OnlyIn      []digest.Exclusive `json:"only_in,omitempty"`
	Blindspot   string             `json:"blindspot,omitempty"`
	Articles    []string           `json:"articles"` // "Source: framing line"
}

type goldenSentence struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// streamStories runs the stream through analysis, clustering in stream
// order and the digest builder, as the pipeline does for live articles.
func streamStories(t *testing.T, recs []streamRecord) []digest.Story {
	t.Helper()
	ix := cluster.New(cluster.Config{})
	var items []digest.Item
	for i, r := range recs {
		a := r.article()
		as := ix.Add(cluster.Doc{ID: int64(i + 1), Title: a.Title, Text: a.Text, Time: a.Published})
		items = append(items, digest.Item{Article: a, Analysis: digest.Analyze(a), StoryID: as.Story, DuplicateOf: as.DuplicateOf})
	}
	return digest.Build(items, digest.BuildOptions{})
}

// TestStreamStoriesGolden replays the team's stream (a running flood story
// with a column, a speakerless quote, teaser lines and a newsletter's
// labels; a strike only left-rated outlets report; two reports that differ
// on a figure; a German report; a story told only in a column) and compares
// the stories with testdata/stream_stories.golden.json. Run with -update
// after a deliberate change, and read the diff.
func TestStreamStoriesGolden(t *testing.T) {
	stories := streamStories(t, readStream(t))
	var got []goldenStory
	for _, s := range stories {
		g := goldenStory{Title: s.Title, OpinionOnly: s.OpinionOnly, OnlyIn: s.OnlyIn, Blindspot: s.BlindspotNote}
		for i, sent := range s.Summary {
			g.Summary = append(g.Summary, goldenSentence{Text: sent, Sources: s.SummarySources[i]})
		}
		for _, a := range s.Articles {
			g.Articles = append(g.Articles, a.Source+": "+a.Line)
		}
		got = append(got, g)
	}
	checkGolden(t, filepath.Join("testdata", "stream_stories.golden.json"), got)
}

// TestStreamReadsClean checks what the golden file must show, whatever the
// wording: every title neutral and from a report (or marked opinion), every
// summary sentence whole, unlabelled, attributed and free of the column's
// words, each figure credited only to outlets that state it.
func TestStreamReadsClean(t *testing.T) {
	recs := readStream(t)
	text := map[string]string{}
	for _, r := range recs {
		text[r.Source] += "\n" + r.Title + "\n" + r.Text
	}
	column := map[string]bool{}
	for _, r := range recs {
		if strings.Contains(r.URL, "/opinion/") {
			for _, line := range strings.Split(r.Text, "\n") {
				column[line] = true
			}
		}
	}
	for _, s := range streamStories(t, recs) {
		if strings.ContainsAny(s.Title, "?!") || strings.Contains(strings.ToLower(s.Title), "disgrace") {
			t.Errorf("title %q is not neutral", s.Title)
		}
		for i, sent := range s.Summary {
			switch {
			case strings.HasSuffix(sent, "...") || strings.HasSuffix(sent, "…") || strings.Contains(sent, "[…]") || strings.Contains(sent, "Read more"):
				t.Errorf("cut-off line in %q: %q", s.Title, sent)
			case strings.Contains(sent, "Why it matters") || strings.Contains(sent, "Driving the news") || strings.Contains(sent, "The big picture:"):
				t.Errorf("newsletter label in %q: %q", s.Title, sent)
			case strings.HasPrefix(sent, `"We told them`):
				t.Errorf("quotation without a speaker in %q: %q", s.Title, sent)
			case strings.Contains(sent, "spineless") || strings.Contains(sent, "disgraceful"):
				t.Errorf("partisan sentence in %q: %q", s.Title, sent)
			}
			if !s.OpinionOnly {
				for line := range column {
					if line != "" && strings.Contains(line, sent) {
						t.Errorf("the column's sentence in %q: %q", s.Title, sent)
					}
				}
			}
			for _, src := range s.SummarySources[i] {
				for _, fig := range []string{"410 million", "430 million", "12 million", "26 million", "38 million"} {
					if strings.Contains(sent, fig) && !strings.Contains(text[src], fig) {
						t.Errorf("%s credited with %q, which it does not state", src, sent)
					}
				}
			}
		}
		for _, ex := range s.OnlyIn {
			for _, sent := range s.Summary {
				if sent == ex.Text {
					t.Errorf("Only %s repeats the summary: %q", ex.Source, ex.Text)
				}
			}
		}
		for _, a := range s.Articles {
			if a.Source == "Inselbote" && !strings.Contains(a.Line, "English-only") {
				t.Errorf("German article's line %q does not say labels are English-only", a.Line)
			}
			if strings.Contains(a.URL, "/opinion/") && a.Genre != "opinion" {
				t.Errorf("%s's column labelled %s", a.Source, a.Genre)
			}
		}
		if s.OpinionOnly && !strings.HasPrefix(s.Title, "Opinion: ") {
			t.Errorf("a story of columns only is titled %q", s.Title)
		}
	}
}

// checkGolden compares v, as indented JSON, with the golden file, or
// rewrites the file with -update (go test ./examples -update).
func checkGolden(t *testing.T, path string, v any) {
	t.Helper()
	golden.CheckJSON(t, path, v)
}
