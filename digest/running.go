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

// newestDevelopment returns the items of g (in publication order) published
// within runningSpan of its newest one, and whether that leaves some out:
// whether the story is running.
func newestDevelopment(g []Item) ([]Item, bool) {
	newest := g[len(g)-1].Published
	i := 0
	for i < len(g)-1 && newest.Sub(g[i].Published) > runningSpan {
		i++
	}
	return g[i:], i > 0
}

// newestFirst lists a running story's articles newest first, so a reader
// sees the latest development before the background.
func newestFirst(articles []StoryArticle) {
	slices.Reverse(articles)
}
