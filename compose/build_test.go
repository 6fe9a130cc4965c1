package compose

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

var noon = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// world is a store with operator feeds "wire" (tag news) and "sport" (tag
// sport), and feeds "local" of server s1 and "other" of server s2, and
// analysed articles in stories.
type world struct {
	t     testing.TB
	st    *store.Store
	feeds map[string]store.Feed
}

func newWorld(t testing.TB) *world {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "compose.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := &world{t: t, st: st, feeds: map[string]store.Feed{}}
	for _, f := range []store.Feed{
		{URL: "https://wire.example/feed", Name: "wire", Tags: []string{"news"}},
		{URL: "https://sport.example/feed", Name: "sport", Tags: []string{"sport"}},
		{URL: "https://local.example/feed", Name: "local", Scope: "s1", Tags: []string{"news"}},
		{URL: "https://other.example/feed", Name: "other", Scope: "s2", Tags: []string{"news"}},
	} {
		saved, err := st.AddFeed(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		w.feeds[f.Name] = saved
	}
	return w
}

// article stores an analysed article of feed published at pub in the story
// founded by article story (0: its own; -1: none yet) and returns its id.
func (w *world) article(feed, title string, pub time.Time, story int64, backlog bool) int64 {
	w.t.Helper()
	ctx := context.Background()
	f := w.feeds[feed]
	a := &store.Article{FeedID: f.ID, Backlog: backlog, FirstSeenAt: pub, Article: digest.Article{
		URL: fmt.Sprintf("https://%s.example/%d/%s", feed, pub.UnixNano(), url.PathEscape(title)), Title: title, Source: feed,
		Published: pub, Text: title + ". Words of our own about " + title + ".",
	}}
	if _, err := w.st.SaveArticle(ctx, a); err != nil {
		w.t.Fatal(err)
	}
	if err := w.st.SaveAnalysis(ctx, a.ID, digest.Analysis{Title: title, Summary: []string{title + "."}}); err != nil {
		w.t.Fatal(err)
	}
	if story >= 0 {
		if story == 0 {
			story = a.ID
		}
		if err := w.st.SetStory(ctx, a.ID, story); err != nil {
			w.t.Fatal(err)
		}
	}
	return a.ID
}

// titles are the stories' titles in digest order.
func titles(d digest.Digest) []string {
	var out []string
	for _, s := range d.Stories {
		out = append(out, s.Title)
	}
	return out
}

func TestBuild(t *testing.T) {
	w := newWorld(t)
	bridge := w.article("wire", "Bridge reopens", noon.Add(-3*time.Hour), 0, false)
	w.article("local", "Bridge reopens to traffic", noon.Add(-2*time.Hour), bridge, false)
	w.article("sport", "Cup final tonight", noon.Add(-time.Hour), 0, false)
	w.article("other", "Harbour festival", noon.Add(-time.Hour), 0, false)
	late := w.article("wire", "Late council vote", noon.Add(-7*time.Hour), 0, false)
	w.article("wire", "Council vote follow-up", noon.Add(-90*time.Hour), late, false)
	w.article("wire", "Old backlog item", noon.Add(-2*time.Hour), 0, true)
	w.article("wire", "Unclustered note", noon.Add(-150*time.Minute), -1, false)

	since := noon.Add(-6 * time.Hour)
	tests := []struct {
		name string
		req  Request
		want []string
	}{
		{"operator only", Request{Since: since, Until: noon},
			[]string{"Cup final tonight", "Old backlog item", "Unclustered note", "Bridge reopens"}},
		{"server reads its feeds and the operator's", Request{Channel: store.Channel{Scope: "s1"}, Since: since, Until: noon},
			[]string{"Bridge reopens", "Cup final tonight", "Old backlog item", "Unclustered note"}},
		{"another server's feeds stay out", Request{Channel: store.Channel{Scope: "s2"}, Since: since, Until: noon},
			[]string{"Cup final tonight", "Harbour festival", "Old backlog item", "Unclustered note", "Bridge reopens"}},
		{"channel by tag", Request{Channel: store.Channel{Scope: "s1", Tags: []string{"sport"}}, Since: since, Until: noon},
			[]string{"Cup final tonight"}},
		{"topic", Request{Since: since, Until: noon, Topic: "bridge"}, []string{"Bridge reopens"}},
		{"max stories", Request{Since: since, Until: noon, MaxStories: 1}, []string{"Cup final tonight"}},
		{"overlap finds the late article", Request{Channel: store.Channel{Scope: "s1", Tags: []string{"news"}}, Since: since, Until: noon, Overlap: 2 * time.Hour},
			[]string{"Bridge reopens", "Old backlog item", "Unclustered note", "Late council vote"}},
		{"fresh only", Request{Channel: store.Channel{Tags: []string{"news"}}, Since: since, Until: noon, FreshOnly: true},
			[]string{"Bridge reopens"}},
		// The council story runs over four days: it goes by its newest development.
		{"whole stories", Request{Channel: store.Channel{Tags: []string{"news"}}, Since: noon.Add(-8 * time.Hour), Until: noon, WholeStories: true, FreshOnly: true},
			[]string{"Bridge reopens", "Late council vote"}},
		{"no feeds", Request{Channel: store.Channel{Scope: "s1", Tags: []string{"nothing"}}, Since: since, Until: noon}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Build(context.Background(), w.st, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if d.Stories == nil {
				t.Error("Stories is nil; JSON readers expect []")
			}
			if got := titles(d); !slices.Equal(got, tt.want) {
				t.Errorf("stories = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBuildNovelty(t *testing.T) {
	w := newWorld(t)
	bridge := w.article("wire", "Bridge reopens", noon.Add(-3*time.Hour), 0, false)
	cup := w.article("sport", "Cup final tonight", noon.Add(-2*time.Hour), 0, false)
	w.article("wire", "Harbour festival", noon.Add(-time.Hour), 0, false)
	ch := store.Channel{Tags: []string{"news", "sport"}}
	req := Request{Channel: ch, Since: noon.Add(-6 * time.Hour), Until: noon, WholeStories: true}

	// Sent before: the bridge story as it is now, the cup story smaller.
	req.Sent = map[int64]store.SentStory{
		bridge: {StoryID: bridge, Outlets: 1, Articles: 1},
		cup:    {StoryID: cup, Outlets: 1, Articles: 0},
	}
	d, err := Build(context.Background(), w.st, req)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := titles(d), []string{"Harbour festival", "Cup final tonight"}; !slices.Equal(got, want) {
		t.Fatalf("stories = %q, want %q (new first, then the update)", got, want)
	}
	if d.Stories[0].Update || !d.Stories[1].Update {
		t.Errorf("updates = %v, %v; want false, true", d.Stories[0].Update, d.Stories[1].Update)
	}
	recs := SentRecords(d.Stories)
	if len(recs) != 2 || recs[1].StoryID != cup || recs[1].Articles != 1 {
		t.Errorf("sent records = %+v", recs)
	}

	req.MaxStories = 1
	if d, err = Build(context.Background(), w.st, req); err != nil {
		t.Fatal(err)
	}
	if got := titles(d); !slices.Equal(got, []string{"Harbour festival"}) {
		t.Errorf("with MaxStories 1: %q; the cap applies after novelty", got)
	}
}

func TestFollowsMatchesFeeds(t *testing.T) {
	w := newWorld(t)
	all, err := w.st.AllFeeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range []store.Channel{
		{}, {Scope: "s1"}, {Scope: "s2", Tags: []string{"news"}}, {Scope: "s1", FeedIDs: []int64{w.feeds["sport"].ID, w.feeds["other"].ID}},
	} {
		feeds, err := Feeds(context.Background(), w.st, ch)
		if err != nil {
			t.Fatal(err)
		}
		got := FeedIDs(feeds)
		var want []int64
		for _, f := range all {
			if Follows(ch, f) {
				want = append(want, f.ID)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("channel %+v: Feeds = %v, Follows says %v", ch, got, want)
		}
	}
}
