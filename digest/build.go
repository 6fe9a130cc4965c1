package digest

import (
	"cmp"
	"slices"

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
}

// Build groups analysed items into stories and ranks them: most distinct
// outlets first, then the most recent. Items without a story stand alone.
func Build(items []Item, opts BuildOptions) []Story {
	groups := groupByStory(items)
	topic := text.Terms(opts.Topic)
	var stories []Story
	for _, g := range groups {
		if len(topic) > 0 && !mentionsAll(g, topic) {
			continue
		}
		stories = append(stories, buildStory(g))
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
	s := Story{ID: g[0].StoryID, Title: storyTitle(g), Coverage: map[string]int{}}
	if s.ID == 0 {
		s.ID = -1
	}
	seenOutlet := map[string]bool{}
	var docs []summarize.Doc
	for _, it := range g {
		if !seenOutlet[it.Source] {
			seenOutlet[it.Source] = true
			s.Outlets = append(s.Outlets, it.Source)
		}
		if it.Published.After(s.Latest) {
			s.Latest = it.Published
		}
		s.Articles = append(s.Articles, storyArticle(it, g))
		if it.DuplicateOf != 0 {
			continue // republished copy: not independent coverage
		}
		lean := it.Lean
		if lean == "" {
			lean = "unrated"
		}
		s.Coverage[lean]++
		docs = append(docs, summarize.Doc{Source: it.Source, Title: it.Title, Text: it.Text})
	}
	if len(s.Outlets) > 1 {
		s.Blindspot, s.BlindspotNote, s.BlindspotSides = blindspot(s.Coverage)
	}
	if len(docs) == 1 {
		s.Summary = g[0].Analysis.Summary
		for range s.Summary {
			s.SummarySources = append(s.SummarySources, []string{g[0].Source})
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
