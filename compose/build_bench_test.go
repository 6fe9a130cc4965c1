package compose

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// BenchmarkBuild builds a day's digest over 400 analysed articles in 100
// stories from two feeds, as a scheduled digest does (whole stories,
// novelty against 50 sent stories).
func BenchmarkBuild(b *testing.B) {
	w := newWorld(b)
	sent := map[int64]store.SentStory{}
	for s := range 100 {
		first := w.article("wire", fmt.Sprintf("Story %d opens", s), noon.Add(-time.Duration(s)*time.Minute), 0, false)
		for i := range 3 {
			feed := []string{"wire", "sport"}[i%2]
			w.article(feed, fmt.Sprintf("Story %d, part %d", s, i), noon.Add(-time.Duration(s+i)*time.Minute), first, false)
		}
		if s%2 == 0 {
			sent[first] = store.SentStory{StoryID: first, Outlets: 1, Articles: 2}
		}
	}
	req := Request{Channel: store.Channel{Tags: []string{"news", "sport"}}, Since: noon.Add(-24 * time.Hour), Until: noon,
		Overlap: 2 * time.Hour, MaxStories: 10, Sent: sent, WholeStories: true}
	ctx := context.Background()
	for b.Loop() {
		d, err := Build(ctx, w.st, req)
		if err != nil || len(d.Stories) != 10 {
			b.Fatalf("%d stories, %v", len(d.Stories), err)
		}
	}
}
