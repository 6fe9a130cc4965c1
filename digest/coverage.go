package digest

import (
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/digest/cluster"
)

// DefaultBlindspotSettle is how old a story must be before a missing side
// counts as a blindspot: outlets of one lean often take hours longer to
// cover an event than those of another, so a young story's gap says
// nothing yet. On the DEV stream, the blindspots that daily digests showed
// along the way were right 95% of the time at 12 h (42 of 44), 75% at 6 h
// and 64% at 1 h (`newsdigest eval replay`, live_blindspots).
const DefaultBlindspotSettle = 12 * time.Hour

// Blindspot rules.
const (
	// minRatedOutlets: a side is judged only when the operator rated at
	// least this many outlets on it. With a single outlet on a side, its
	// silence is one editor's choice, not a side's.
	minRatedOutlets = 2
	// minStoryOutlets: a story needs this many outlets for a blindspot; a
	// story one outlet alone carries is that outlet's, whatever its lean.
	minStoryOutlets = 2
	// nearMatchSpan and nearMatch: a story of the missing side that ran
	// within nearMatchSpan of this one and whose articles agree with it this
	// much (cosine of the two stories' profiles) is most likely the same
	// event told apart, so no blindspot is claimed. nearMatch is set well
	// below the clustering's own bar (it only stops a claim); it was chosen
	// on the DEV stream (`newsdigest eval replay`).
	nearMatchSpan = 24 * time.Hour
	nearMatch     = 0.25
)

// coverage counts the distinct outlets of a story by the operator's lean
// label ("unrated" when a feed has none). A republished copy is not
// independent coverage.
func coverage(g []Item) map[string]int {
	seen := map[string]bool{}
	out := map[string]int{}
	for _, it := range g {
		if it.DuplicateOf != 0 || seen[it.Source] {
			continue
		}
		seen[it.Source] = true
		lean := it.Lean
		if lean == "" {
			lean = "unrated"
		}
		out[lean]++
	}
	return out
}

// blindspotVerdict is what the blindspot check found for one story.
type blindspotVerdict struct {
	missing []string // "left" and/or "right"
	note    string
}

// blindspots judges every story group (in publication order each) as of
// opts.Now: a side is missing when the story has coverage from the other
// side and none from it, the story has settled, the operator rated enough
// outlets on that side, and no story of the same hours with coverage from
// that side is a near match.
func blindspots(groups [][]Item, opts BuildOptions) []blindspotVerdict {
	now := opts.Now
	if now.IsZero() {
		now = newest(groups)
	}
	settle := opts.BlindspotSettle
	if settle <= 0 {
		settle = DefaultBlindspotSettle
	}
	rated := opts.RatedOutlets
	if rated == nil {
		rated = ratedOutlets(groups)
	}
	sides := make([]map[string]int, len(groups))
	for i, g := range groups {
		sides[i] = bySide(coverage(g))
	}
	profiles := make([]*cluster.Profile, len(groups))
	profile := func(i int) cluster.Profile {
		if profiles[i] == nil {
			p := cluster.NewProfile(clusterDocs(groups[i]))
			profiles[i] = &p
		}
		return *profiles[i]
	}
	out := make([]blindspotVerdict, len(groups))
	for i, g := range groups {
		if outlets(g) < minStoryOutlets || now.Sub(g[0].Published) < settle {
			continue
		}
		for _, side := range []string{"left", "right"} {
			other := "right"
			if side == "right" {
				other = "left"
			}
			if sides[i][side] > 0 || sides[i][other] == 0 || rated[side] < minRatedOutlets {
				continue
			}
			if coveredNearby(i, side, groups, sides, profile) {
				continue
			}
			out[i].missing = append(out[i].missing, side)
		}
		if len(out[i].missing) > 0 {
			out[i].note = "no coverage yet from outlets you rated " + strings.Join(out[i].missing, " or ")
		}
	}
	return out
}

// coveredNearby reports whether a story other than i, with coverage from
// side, ran within nearMatchSpan of story i and agrees with it.
func coveredNearby(i int, side string, groups [][]Item, sides []map[string]int, profile func(int) cluster.Profile) bool {
	first, last := span(groups[i])
	for j, g := range groups {
		if j == i || sides[j][side] == 0 {
			continue
		}
		f, l := span(g)
		if f.After(last.Add(nearMatchSpan)) || l.Before(first.Add(-nearMatchSpan)) {
			continue
		}
		if profile(i).Similarity(profile(j)) >= nearMatch {
			return true
		}
	}
	return false
}

// ratedOutlets counts the distinct outlets of each side among all items:
// what the digest knows of the operator's labels when it is not told.
func ratedOutlets(groups [][]Item) map[string]int {
	seen := map[string]bool{}
	out := map[string]int{}
	for _, g := range groups {
		for _, it := range g {
			if s := side(it.Lean); s != "" && !seen[it.Source] {
				seen[it.Source] = true
				out[s]++
			}
		}
	}
	return out
}

// RatedOutlets counts outlets by side ("left", "right", "center") from
// the operator's lean labels, one per distinct name: what BuildOptions
// wants from the feeds a digest reads.
func RatedOutlets(names, leans []string) map[string]int {
	seen := map[string]bool{}
	out := map[string]int{}
	for i, lean := range leans {
		s := side(lean)
		if s == "" {
			s = strings.ToLower(strings.TrimSpace(lean))
		}
		if s == "" || i >= len(names) || seen[names[i]] {
			continue
		}
		seen[names[i]] = true
		out[s]++
	}
	return out
}

// bySide folds lean labels ("lean left", "left") into left and right.
func bySide(cov map[string]int) map[string]int {
	out := map[string]int{}
	for lean, n := range cov {
		if s := side(lean); s != "" {
			out[s] += n
		}
	}
	return out
}

func side(lean string) string {
	l := strings.ToLower(lean)
	switch {
	case strings.Contains(l, "left"):
		return "left"
	case strings.Contains(l, "right"):
		return "right"
	}
	return ""
}

func outlets(g []Item) int {
	seen := map[string]bool{}
	for _, it := range g {
		seen[it.Source] = true
	}
	return len(seen)
}

// span is the first and last publication time of a group in publication order.
func span(g []Item) (time.Time, time.Time) {
	return g[0].Published, g[len(g)-1].Published
}

func newest(groups [][]Item) time.Time {
	var t time.Time
	for _, g := range groups {
		if _, l := span(g); l.After(t) {
			t = l
		}
	}
	return t
}

func clusterDocs(g []Item) []cluster.Doc {
	docs := make([]cluster.Doc, len(g))
	for i, it := range g {
		docs[i] = cluster.Doc{Title: it.Title, Text: it.Text, Time: it.Published}
	}
	return docs
}
