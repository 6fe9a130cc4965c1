package digest

import (
	"cmp"
	"slices"
	"time"

	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/summarize"
	"github.com/newsdigest/newsdigest/digest/text"
)

// StorySummarySentences is how many sentences a story summary has at most;
// the summariser also stops at about 120 words. Chosen on DEV
// (../shared/eval/digest/replay-dev.jsonl, summary ROUGE-1 against the
// neutral roundup with the gold grouping): 3 sentences 41.6, 4 42.9, 5 43.3.
// A roundup of a story runs about five sentences; chat renderers that want
// less show the first ones, which are the most widely reported. A story of
// one report gets the same length (its article summary, tuned on single
// articles, stops at about 65 words): 41.2 → 41.4 with real clustering.
const StorySummarySentences = 5

// BuildOptions selects and limits the stories of a digest.
type BuildOptions struct {
	Topic      string // keep only stories whose articles mention these words ("" keeps all)
	MaxStories int    // 0 means no limit
	// Now is when the digest is read, for the blindspot settle time; zero
	// means the newest article's time.
	Now time.Time
	// BlindspotSettle is how old a story must be for a blindspot (0:
	// DefaultBlindspotSettle).
	BlindspotSettle time.Duration
	// RatedOutlets is how many outlets the operator rated on each side
	// ("left", "right", …) among the feeds the digest reads (see
	// RatedOutlets); nil counts the outlets of each side among the items.
	RatedOutlets map[string]int
}

// Build groups analysed items into stories and ranks them: most distinct
// outlets first, then the most recent. Items without a story stand alone.
func Build(items []Item, opts BuildOptions) []Story {
	groups := groupByStory(items)
	// Blindspots are judged against every story, also those the topic
	// leaves out: the missing side may have covered the event there.
	spots := blindspots(groups, opts)
	topic := text.Terms(opts.Topic)
	var stories []Story
	for i, g := range groups {
		if len(topic) > 0 && !mentionsAll(g, topic) {
			continue
		}
		s := buildStory(g)
		if len(spots[i].missing) > 0 {
			s.Blindspot, s.BlindspotNote, s.BlindspotSides = true, spots[i].note, spots[i].missing
		}
		stories = append(stories, s)
	}
	slices.SortStableFunc(stories, func(a, b Story) int {
		if c := cmp.Compare(len(b.Outlets), len(a.Outlets)); c != 0 {
			return c
		}
		if c := b.Latest.Compare(a.Latest); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if opts.MaxStories > 0 && len(stories) > opts.MaxStories {
		stories = stories[:opts.MaxStories]
	}
	return stories
}

// groupByStory returns the items of each story, each group in publication
// order, groups in order of first appearance.
func groupByStory(items []Item) [][]Item {
	index := map[int64]int{}
	var groups [][]Item
	for i, it := range items {
		key := it.StoryID
		if key == 0 {
			key = -int64(i) - 1 // unclustered: a story of its own
		}
		g, ok := index[key]
		if !ok {
			g = len(groups)
			index[key] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], it)
	}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b Item) int { return a.Published.Compare(b.Published) })
	}
	return groups
}

func buildStory(g []Item) Story {
	// A running story is titled and summarised by its newest development.
	dev, running := newestDevelopment(g)
	s := Story{ID: g[0].StoryID, Coverage: coverage(g), Running: running}
	if s.ID == 0 {
		s.ID = -1
	}
	seenOutlet := map[string]bool{}
	for _, it := range g {
		if !seenOutlet[it.Source] {
			seenOutlet[it.Source] = true
			s.Outlets = append(s.Outlets, it.Source)
		}
		if it.Published.After(s.Latest) {
			s.Latest = it.Published
		}
		s.Articles = append(s.Articles, storyArticle(it, g))
	}
	if running {
		newestFirst(s.Articles)
	}
	var docs []summarize.Doc
	for _, it := range dev {
		if it.DuplicateOf != 0 {
			continue // republished copy: not independent coverage
		}
		docs = append(docs, storyDoc(it))
	}
	s.Summary, s.SummarySources, s.OpinionOnly = storySummary(docs)
	s.Title = storyTitle(dev, s.Summary)
	if len(docs) > 1 {
		s.OnlyIn = exclusives(dev, s.Summary)
	}
	return s
}

// storyDoc is an item as the story summariser sees it: an opinion piece
// helps find what the story is about but gives no sentence, and partisan
// wording marks sentences no summary may show.
func storyDoc(it Item) summarize.Doc {
	return summarize.Doc{
		Source: it.Source, Title: it.Title, Text: it.Text,
		Avoid:   avoidRanges(it.Text, it.Analysis.Cues, it.Analysis.QuotedCues),
		Opinion: it.Analysis.Genre.Label == framing.Opinion,
	}
}

// storySummary is what the story's reports agree on, each sentence with the
// outlets whose own text carries it; a story of one report is summarised the
// same way, at the same length. Opinion pieces give no sentence while a
// report exists. A story told only in opinion pieces gets their clean
// sentences, attributed, and opinionOnly set, so that the digest says so: a
// reader sees what the columns argue, marked as such, rather than nothing.
func storySummary(docs []summarize.Doc) (summary []string, sources [][]string, opinionOnly bool) {
	opinionOnly = len(docs) > 0
	for _, d := range docs {
		opinionOnly = opinionOnly && d.Opinion
	}
	if opinionOnly {
		docs = slices.Clone(docs)
		for i := range docs {
			docs[i].Opinion = false
		}
	}
	for _, sent := range summarize.Story(docs, StorySummarySentences) {
		summary = append(summary, sent.Text)
		sources = append(sources, sent.Sources)
	}
	return summary, sources, opinionOnly
}

// storedCues returns cues as the digest shows them. An analysis stored by
// an earlier version has no quoted cues and no field on its cues, which
// were all the body's.
func storedCues(cs []framing.Cue) []framing.Cue {
	out := make([]framing.Cue, len(cs))
	for i, c := range cs {
		if c.Field == "" {
			c.Field = framing.FieldBody
		}
		out[i] = c
	}
	return out
}

func storyArticle(it Item, g []Item) StoryArticle {
	a := StoryArticle{
		Title:      it.Title,
		URL:        it.URL,
		Source:     it.Source,
		Lean:       it.Lean,
		Published:  it.Published,
		Genre:      it.Analysis.Genre.Label,
		Tone:       it.Analysis.Tone,
		Actors:     it.Analysis.Actors,
		Frames:     it.Analysis.Frames,
		Cues:       storedCues(it.Analysis.Cues),
		QuotedCues: storedCues(it.Analysis.QuotedCues),
		Line:       it.Analysis.Line(),
		Language:   it.Analysis.Language,
	}
	if !English(it.Analysis.Language) {
		a.Line = englishOnlyLine(it.Analysis)
	}
	if it.DuplicateOf != 0 {
		for _, o := range g {
			if o.StoryID == it.StoryID && o.URL != it.URL && o.DuplicateOf == 0 {
				a.DuplicateOf = o.Source
				break
			}
		}
	}
	return a
}

// englishOnlyLine is the framing line of an article in another language:
// its genre when a feed signal gave one, and why there is nothing more.
func englishOnlyLine(an Analysis) string {
	name := text.LanguageNames[an.Language]
	if name == "" {
		name = an.Language
	}
	line := "in " + name + ": framing labels are English-only"
	if an.Genre.Label != "" {
		line = an.Genre.Label + " · " + line
	}
	return line
}

// mentionsAll reports whether the story's articles together contain every topic term.
func mentionsAll(g []Item, topic []string) bool {
	have := map[string]bool{}
	for _, it := range g {
		for _, t := range text.Terms(it.Title + " " + it.Text) {
			have[t] = true
		}
	}
	for _, t := range topic {
		if !have[t] {
			return false
		}
	}
	return true
}
