package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/bot/chart"
	"github.com/newsdigest/newsdigest/digest"
)

// Brief digests: one message per digest, readable on a phone.
const (
	// DefaultMaxStories is how many stories a brief digest shows unless the
	// channel sets max_stories.
	DefaultMaxStories = 6
	// MaxBriefStories is the most a brief digest shows: a Discord message
	// holds ten embeds, one of them the header.
	MaxBriefStories = 9
	// briefSummaryChars bounds the summary of a story in a brief digest: a
	// second sentence is kept only while the two stay under it.
	briefSummaryChars = 360
)

// BriefOptions shape a brief digest.
type BriefOptions struct {
	MaxStories int  // 0: DefaultMaxStories; at most MaxBriefStories
	NoImage    bool // leave out the coverage chart
}

// BriefMessage renders a digest as one short message: the top stories, each
// with its title linked to the best report, one or two summary sentences,
// the outlets by lean and one framing line where the framing differs, plus
// the coverage chart and, for platforms with threads, every article's
// framing as details. The message is complete even when the error is not
// nil: only the chart could not be drawn.
func BriefMessage(title string, d digest.Digest, opts BriefOptions) (Message, error) {
	limit := opts.MaxStories
	if limit <= 0 {
		limit = DefaultMaxStories
	}
	limit = min(limit, MaxBriefStories)
	m := Message{Title: title, Brief: true}
	period := periodText(d)
	if len(d.Stories) == 0 {
		m.Text = "Nothing new " + period + "."
		return m, nil
	}
	shown := d.Stories[:min(limit, len(d.Stories))]
	if len(shown) < len(d.Stories) {
		m.Text = fmt.Sprintf("Top %d of %d stories %s.", len(shown), len(d.Stories), period)
	} else {
		m.Text = fmt.Sprintf("%d %s %s.", len(shown), plural(len(shown), "story", "stories"), period)
	}
	for _, s := range shown {
		m.Sections = append(m.Sections, BriefSection(s))
	}
	m.Thread = DetailSections(shown)
	if opts.NoImage {
		return m, nil
	}
	png, err := chart.PNG(shown)
	if err != nil {
		return m, fmt.Errorf("coverage chart: %w", err)
	}
	m.Image = &Image{Name: chart.FileName, Alt: chart.AltText(shown), PNG: png}
	return m, nil
}

// BriefSection renders one story for a brief digest.
func BriefSection(s digest.Story) Section {
	sec := Section{
		Heading: s.Title,
		URL:     bestReport(s).URL,
		Text:    briefSummary(s.Summary),
		Balance: balance(s.Coverage),
		Update:  s.Update,
		Outlets: outletGroups(s),
		Framing: FramingLine(s),
	}
	if s.Blindspot {
		sec.Blindspot = s.BlindspotNote
	}
	if s.ID > 0 {
		sec.Actions = []Action{{ID: "compare", Label: "Framing", Value: strconv.FormatInt(s.ID, 10)}}
	}
	return sec
}

// bestReport is the article a story's title links to: the one whose
// headline names the story, else the first news report, else the first.
func bestReport(s digest.Story) digest.StoryArticle {
	if len(s.Articles) == 0 {
		return digest.StoryArticle{}
	}
	for _, a := range s.Articles {
		if a.Title == s.Title && a.DuplicateOf == "" {
			return a
		}
	}
	for _, a := range s.Articles {
		if a.Genre == "reporting" && a.DuplicateOf == "" {
			return a
		}
	}
	return s.Articles[0]
}

// briefSummary keeps the first summary sentence, and the second when both
// are short enough; one sentence a line.
func briefSummary(sentences []string) string {
	var kept []string
	n := 0
	for _, s := range sentences {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		l := utf8.RuneCountInString(s)
		if len(kept) == 1 && n+l > briefSummaryChars {
			break
		}
		kept = append(kept, s)
		n += l
		if len(kept) == 2 {
			break
		}
	}
	return strings.Join(kept, "\n")
}

// outletGroups lists a story's outlets once each, grouped by the
// operator's lean labels from left to right; each links to the outlet's
// first independent report. Outlets that only republish another's copy
// come last in their group.
func outletGroups(s digest.Story) []OutletGroup {
	type outlet struct {
		link      Link
		lean      string
		republish bool
	}
	var order []string
	byName := map[string]*outlet{}
	for _, a := range s.Articles {
		o, ok := byName[a.Source]
		if !ok {
			o = &outlet{link: Link{Text: a.Source, URL: a.URL}, lean: strings.TrimSpace(a.Lean), republish: a.DuplicateOf != ""}
			byName[a.Source] = o
			order = append(order, a.Source)
			continue
		}
		if o.republish && a.DuplicateOf == "" { // prefer its own report
			o.link.URL, o.republish = a.URL, false
		}
	}
	var groups []OutletGroup
	index := map[string]int{}
	for _, name := range order {
		o := byName[name]
		i, ok := index[o.lean]
		if !ok {
			i = len(groups)
			index[o.lean] = i
			groups = append(groups, OutletGroup{Lean: o.lean})
		}
		groups[i].Outlets = append(groups[i].Outlets, o.link)
	}
	sortGroups(groups)
	return groups
}

// sortGroups orders lean groups left to right; unlabelled outlets last.
func sortGroups(groups []OutletGroup) {
	rank := func(g OutletGroup) int {
		if g.Lean == "" {
			return len(chart.Buckets)
		}
		return int(chart.BucketOf(g.Lean))
	}
	slices.SortStableFunc(groups, func(a, b OutletGroup) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		return strings.Compare(a.Lean, b.Lean)
	})
}
