package digest

import "github.com/newsdigest/newsdigest/digest/framing"

// storyTitle picks the headline a story goes by: a news report's rather
// than an opinion piece's (a column's headline is its argument, not the
// event), a neutral-toned one when there is one, else the earliest.
// g is in publication order.
func storyTitle(g []Item) string {
	rank := func(it Item) int {
		r := 0
		switch it.Analysis.Genre.Label {
		case framing.Reporting:
		case framing.Analysis:
			r += 2
		default:
			r += 4
		}
		if it.Analysis.Tone != framing.ToneNeutral {
			r++
		}
		return r
	}
	best := 0
	for i := range g {
		if rank(g[i]) < rank(g[best]) {
			best = i
		}
	}
	return g[best].Title
}
