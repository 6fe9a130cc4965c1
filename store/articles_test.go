package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/framing"
)

func TestSaveArticleOutcomes(t *testing.T) {
	type step struct {
		name    string
		feed    int // index into the test's two feeds
		article digest.Article
		hash    string
		want    SaveOutcome
		sameAs  int // index of the earlier step whose ID this one must have; -1 for a new ID
	}
	pub := at(-time.Hour)
	tests := []struct {
		name  string
		steps []step
	}{
		{"by guid", []step{
			{"new", 0, digest.Article{GUID: "g1", URL: "https://x.example/1", Title: "T", Text: "body"}, "h1", Inserted, -1},
			{"again", 0, digest.Article{GUID: "g1", URL: "https://x.example/1", Title: "T", Text: "body"}, "h1", Unchanged, 0},
			{"edited", 0, digest.Article{GUID: "g1", URL: "https://x.example/1", Title: "T2", Text: "body 2"}, "h2", Edited, 0},
			{"edited again seen", 0, digest.Article{GUID: "g1", URL: "https://x.example/1", Title: "T2", Text: "body 2"}, "h2", Unchanged, 0},
			{"same guid other feed, new url", 1, digest.Article{GUID: "g1", URL: "https://y.example/1", Title: "T", Text: "b"}, "h3", Inserted, -1},
		}},
		{"by canonical url", []step{
			{"new", 0, digest.Article{URL: "https://x.example/a", Title: "A", Text: "a"}, "ha", Inserted, -1},
			{"again from other feed", 1, digest.Article{URL: "https://x.example/a", Title: "A", Text: "a"}, "ha", Unchanged, 0},
			{"other feed, other text", 1, digest.Article{GUID: "zz", URL: "https://x.example/a", Title: "A", Text: "a+"}, "hb", Unchanged, 0},
			{"own feed edits", 0, digest.Article{URL: "https://x.example/a", Title: "A", Text: "a++"}, "hc", Edited, 0},
		}},
		{"by title and time", []step{
			{"new", 0, digest.Article{Title: "No link", Published: pub, Text: "x"}, "hx", Inserted, -1},
			{"again", 0, digest.Article{Title: "No link", Published: pub, Text: "x"}, "hx", Unchanged, 0},
			{"other time", 0, digest.Article{Title: "No link", Published: pub.Add(time.Minute), Text: "x"}, "hx", Inserted, -1},
			{"other feed", 1, digest.Article{Title: "No link", Published: pub, Text: "x"}, "hx", Inserted, -1},
		}},
	}
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for ti, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				feeds := []Feed{
					mustAddFeed(t, s, "", fmt.Sprintf("https://one.example/%d", ti)),
					mustAddFeed(t, s, "", fmt.Sprintf("https://two.example/%d", ti)),
				}
				var ids []int64
				for _, st := range tt.steps {
					a := &Article{FeedID: feeds[st.feed].ID, Article: st.article, ContentHash: st.hash}
					got, err := s.SaveArticle(ctx, a)
					if err != nil {
						t.Fatalf("%s: %v", st.name, err)
					}
					if got != st.want {
						t.Errorf("%s: outcome %v, want %v", st.name, got, st.want)
					}
					if a.ID == 0 {
						t.Errorf("%s: ID not set", st.name)
					}
					if st.sameAs >= 0 && a.ID != ids[st.sameAs] {
						t.Errorf("%s: ID %d, want %d", st.name, a.ID, ids[st.sameAs])
					}
					if st.sameAs < 0 && slices.Contains(ids, a.ID) {
						t.Errorf("%s: reused ID %d", st.name, a.ID)
					}
					if (st.want == Edited) != (a.Updated && got == Edited) {
						t.Errorf("%s: Updated = %v", st.name, a.Updated)
					}
					ids = append(ids, a.ID)
				}
			})
		}
	})
}

func TestSaveArticleRoundTripAndEdit(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://rt.example/rss")
		in := Article{
			FeedID: f.ID,
			Article: digest.Article{
				GUID: "urn:1", URL: "https://rt.example/story?utm=x", Title: "Title", Source: "RT Daily", Lean: "left",
				Author: "A. Writer", Published: at(-2 * time.Hour), Text: "Some text.",
				Categories: []string{"Opinion", "Harbour"}, Genre: "opinion", FeedTitle: "RT Daily > Columns",
			},
			CanonicalURL: "https://rt.example/story", ContentHash: "abc", SimHash: 1<<63 | 5, DuplicateOf: 0,
			Backlog: true, FirstSeenAt: at(0),
		}
		a := in
		if got, err := s.SaveArticle(ctx, &a); err != nil || got != Inserted {
			t.Fatalf("SaveArticle = %v, %v", got, err)
		}
		stored, err := s.ArticleByURL(ctx, "", "https://rt.example/story")
		if err != nil {
			t.Fatal(err)
		}
		want := in
		want.ID = a.ID
		want.UpdatedAt = at(0)
		if diff := cmp.Diff(want, stored); diff != "" {
			t.Errorf("ArticleByURL (-want +got):\n%s", diff)
		}
		an := digest.Analysis{Title: "Title", Summary: []string{"One.", "Two."}, Labels: framing.Labels{Tone: "neutral"}}
		if err := s.SaveAnalysis(ctx, a.ID, an); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnalysis(ctx, a.ID+999, an); !errors.Is(err, ErrNotFound) {
			t.Errorf("SaveAnalysis(missing) err = %v, want ErrNotFound", err)
		}
		byID, err := s.ArticleByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if byID.Analysis == nil || !cmp.Equal(*byID.Analysis, an) {
			t.Errorf("analysis = %+v, want %+v", byID.Analysis, an)
		}
		edit := in
		edit.Text = "Some corrected text."
		edit.ContentHash = "def"
		edit.Categories = []string{"Analysis"}
		if got, err := s.SaveArticle(ctx, &edit); err != nil || got != Edited {
			t.Fatalf("edit = %v, %v", got, err)
		}
		byID, err = s.ArticleByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if byID.Text != "Some corrected text." || !byID.Updated || byID.Analysis != nil || byID.UpdatedAt.IsZero() ||
			!slices.Equal(byID.Categories, []string{"Analysis"}) {
			t.Errorf("after edit: text %q updated %v analysis %v updated_at %v categories %v", byID.Text, byID.Updated, byID.Analysis, byID.UpdatedAt, byID.Categories)
		}
		if !byID.FirstSeenAt.Equal(at(0)) {
			t.Errorf("edit moved first seen to %v", byID.FirstSeenAt)
		}
		if _, err := s.ArticleByURL(ctx, "", "https://nowhere.example/"); !errors.Is(err, ErrNotFound) {
			t.Errorf("ArticleByURL(missing) err = %v", err)
		}
		if _, err := s.SaveArticle(ctx, &Article{Article: digest.Article{Title: "orphan"}}); err == nil {
			t.Error("article without feed accepted")
		}
	})
}

func TestSaveArticleConcurrent(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://race.example/rss")
		const callers = 8
		for round := range 5 {
			var (
				wg       sync.WaitGroup
				mu       sync.Mutex
				outcomes = map[SaveOutcome]int{}
				ids      = map[int64]bool{}
			)
			for range callers {
				wg.Go(func() {
					a := &Article{FeedID: f.ID, Article: digest.Article{
						GUID: fmt.Sprintf("g%d", round), URL: fmt.Sprintf("https://race.example/%d", round), Title: "Race",
					}}
					got, err := s.SaveArticle(ctx, a)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					outcomes[got]++
					ids[a.ID] = true
					mu.Unlock()
				})
			}
			wg.Wait()
			if outcomes[Inserted] != 1 || outcomes[Unchanged] != callers-1 || len(ids) != 1 {
				t.Errorf("round %d: outcomes %v, ids %v; want one Inserted, the rest Unchanged, one id", round, outcomes, ids)
			}
		}
	})
}

func TestArticlesQuery(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f1 := mustAddFeed(t, s, "", "https://q1.example/rss")
		f2 := mustAddFeed(t, s, "", "https://q2.example/rss")
		save := func(feed int64, url string, published, seen time.Time) int64 {
			a := &Article{FeedID: feed, FirstSeenAt: seen, Article: digest.Article{URL: url, Title: url, Published: published}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		old := save(f1.ID, "https://q.example/old", at(-48*time.Hour), at(0))
		mid := save(f1.ID, "https://q.example/mid", at(-5*time.Hour), at(0))
		undated := save(f2.ID, "https://q.example/undated", time.Time{}, at(-3*time.Hour))
		recent := save(f2.ID, "https://q.example/recent", at(-time.Hour), at(0))
		if err := s.SetStory(ctx, mid, mid); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStory(ctx, recent, mid); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			q    ArticleQuery
			want []int64
		}{
			{"all newest first", ArticleQuery{}, []int64{recent, undated, mid, old}},
			{"since 24h, undated by first seen", ArticleQuery{Since: at(-24 * time.Hour)}, []int64{recent, undated, mid}},
			{"until is exclusive", ArticleQuery{Since: at(-24 * time.Hour), Until: at(-time.Hour)}, []int64{undated, mid}},
			{"by feed", ArticleQuery{FeedIDs: []int64{f1.ID}}, []int64{mid, old}},
			{"by story", ArticleQuery{StoryIDs: []int64{mid}}, []int64{recent, mid}},
			{"limit", ArticleQuery{Limit: 2}, []int64{recent, undated}},
		}
		for _, tt := range tests {
			got, err := s.Articles(ctx, tt.q)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var ids []int64
			for _, a := range got {
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, ids, tt.want)
			}
		}
		got, _ := s.Articles(ctx, ArticleQuery{StoryIDs: []int64{mid}})
		for _, a := range got {
			if a.StoryID != mid {
				t.Errorf("article %d story %d, want %d", a.ID, a.StoryID, mid)
			}
		}
	})
}

func TestUnanalyzed(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://u.example/rss")
		var ids []int64
		for i := range 4 {
			a := &Article{FeedID: f.ID, Article: digest.Article{URL: fmt.Sprintf("https://u.example/%d", i), Title: "u"}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		// ids[1] is processed; ids[2] was analysed but its instance
		// stopped before putting it in a story, so it is still to do.
		for _, id := range ids[1:3] {
			if err := s.SaveAnalysis(ctx, id, digest.Analysis{Title: "done"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SetStory(ctx, ids[1], ids[1]); err != nil {
			t.Fatal(err)
		}
		got, err := s.Unanalyzed(ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].ID != ids[0] || got[1].ID != ids[2] {
			t.Errorf("Unanalyzed(2) = %v, want [%d %d]", feedArticleIDs(got), ids[0], ids[2])
		}
		if got, _ := s.Unanalyzed(ctx, 10); len(got) != 3 {
			t.Errorf("Unanalyzed(10) = %v, want all but %d", feedArticleIDs(got), ids[1])
		}
		if got, _ := s.Unanalyzed(ctx, 0); len(got) != 0 {
			t.Errorf("Unanalyzed(0) = %d articles", len(got))
		}
	})
}

func TestStories(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://s.example/rss")
		save := func(url, source string, seen time.Time) int64 {
			a := &Article{FeedID: f.ID, FirstSeenAt: seen, Article: digest.Article{URL: url, Title: "About " + url, Source: source}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		founder := save("https://s.example/1", "Outlet A", at(0))
		second := save("https://s.example/2", "Outlet B", at(time.Hour))
		third := save("https://s.example/3", "Outlet A", at(2*time.Hour))
		other := save("https://s.example/4", "Outlet C", at(3*time.Hour))
		for _, id := range []int64{second, third} {
			if err := s.SetStory(ctx, id, founder); err != nil {
				t.Fatal(err)
			}
		}
		st, err := s.Story(ctx, founder)
		if err != nil {
			t.Fatal(err)
		}
		want := Story{ID: founder, Title: "About https://s.example/1", FirstSeenAt: at(0), LastSeenAt: at(2 * time.Hour), Outlets: 2, Articles: 3}
		if diff := cmp.Diff(want, st); diff != "" {
			t.Errorf("Story (-want +got):\n%s", diff)
		}
		// Moving an article to another story updates both.
		if err := s.SetStory(ctx, third, other); err != nil {
			t.Fatal(err)
		}
		st, _ = s.Story(ctx, founder)
		if st.Articles != 2 || st.Outlets != 2 || !st.LastSeenAt.Equal(at(time.Hour)) {
			t.Errorf("after move, founder story = %+v", st)
		}
		st, _ = s.Story(ctx, other)
		if st.Articles != 2 || st.Outlets != 2 {
			t.Errorf("after move, other story = %+v", st)
		}
		if err := s.SetStory(ctx, second, 99999); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetStory(missing story) err = %v, want ErrNotFound", err)
		}
		if err := s.SetStory(ctx, 99999, founder); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetStory(missing article) err = %v, want ErrNotFound", err)
		}
		if _, err := s.Story(ctx, 99999); !errors.Is(err, ErrNotFound) {
			t.Errorf("Story(missing) err = %v, want ErrNotFound", err)
		}
	})
}

func feedArticleIDs(as []Article) []int64 {
	var ids []int64
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

func TestSaveArticleDirtyText(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := mustAddFeed(t, s, "", "https://dirty.example/rss")
		a := &Article{FeedID: f.ID, Article: digest.Article{
			URL: "https://dirty.example/1", Title: "Nul\x00title", Text: "bad \xff\xfe bytes and a nul \x00 here",
		}}
		if _, err := s.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := s.ArticleByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Nul\uFFFDtitle" || got.Text != "bad \uFFFD bytes and a nul \uFFFD here" {
			t.Errorf("stored %q / %q", got.Title, got.Text)
		}
		an := digest.Analysis{Title: "x\x00y", Summary: []string{"nul \x00 in summary"}}
		if err := s.SaveAnalysis(ctx, a.ID, an); err != nil {
			t.Fatal(err)
		}
		got, _ = s.ArticleByID(ctx, a.ID)
		if got.Analysis == nil || got.Analysis.Title != "x\uFFFDy" {
			t.Errorf("analysis = %+v", got.Analysis)
		}
		if err := s.SaveFetch(ctx, FetchResult{FeedID: f.ID, Err: "HTTP 500: \x00\xff"}); err != nil {
			t.Fatal(err)
		}
	})
}
