package digest

import (
	"cmp"
	"slices"
	"time"

	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/summarize"
	"github.com/newsdigest/newsdigest/digest/text"
)

// StorySummarySentences is how many sentences a story summary has at most.
const StorySummarySentences = 3

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
	s := Story{ID: g[0].StoryID, Title: storyTitle(dev), Coverage: coverage(g), Running: running}
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
		docs = append(docs, summarize.Doc{Source: it.Source, Title: it.Title, Text: it.Text})
	}
	if len(docs) == 1 {
		s.Summary = dev[0].Analysis.Summary
		for range s.Summary {
			s.SummarySources = append(s.SummarySources, []string{dev[0].Source})
		}
	} else {
		for _, sent := range summarize.Story(docs, StorySummarySentences) {
			s.Summary = append(s.Summary, sent.Text)
			s.SummarySources = append(s.SummarySources, sent.Sources)
		}
		s.OnlyIn = exclusives(g)
	}
	return s
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
