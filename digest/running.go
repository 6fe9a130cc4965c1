package digest

import (
	"slices"
	"time"
)

// runningSpan: a story whose articles span more than this is a running
// story (one event, new developments over days), shown newest development
// first. It is the clustering's own span of one development
// (digest/cluster's storySpan), after which a story takes only plain
// continuations.
const runningSpan = 24 * time.Hour

// developmentSpan: a running story's newest development is what was
// published within this time of its newest article: half a day, so that
// the tail of the day before stays background.
const developmentSpan = 12 * time.Hour

// newestDevelopment returns the items of g (in publication order) of its
// newest development and whether the story is running; for a story that is
// not, all of g.
func newestDevelopment(g []Item) ([]Item, bool) {
	newest := g[len(g)-1].Published
	if newest.Sub(g[0].Published) <= runningSpan {
		return g, false
	}
	i := 0
	for i < len(g)-1 && newest.Sub(g[i].Published) > developmentSpan {
		i++
	}
	return g[i:], true
}

// newestFirst lists a running story's articles newest first, so a reader
// sees the latest development before the background.
func newestFirst(articles []StoryArticle) {
	slices.Reverse(articles)
}
