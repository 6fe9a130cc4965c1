package store

import (
	"context"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/internal/testdb"
)

// TestUpgradeSplitsArticlesByScope upgrades a database written before
// articles had a scope: the first feed to see a URL owned the one row, and
// a server's article could be marked as the copy behind the operator's.
// After migration 4 each row belongs to its feed's scope, the other scopes'
// feeds store their own copy on their next poll, and cross-scope copy links
// are gone.
func TestUpgradeSplitsArticlesByScope(t *testing.T) {
	t.Parallel()
	testdb.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		old := openAt(t, dsn, 2)
		exec := func(q string, args ...any) int64 {
			t.Helper()
			var id int64
			if err := old.db.QueryRowContext(ctx, q+` RETURNING id`, args...).Scan(&id); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return id
		}
		feed := func(scope, url string) int64 {
			return exec(`INSERT INTO feeds (scope, source_url, url, name) VALUES ($1, $2, $2, $2)`, scope, url)
		}
		article := func(feedID int64, ident, url, title string, dupOf int64) int64 {
			return exec(`INSERT INTO articles (feed_id, ident, url, canonical_url, title, content_hash, duplicate_of,
				first_seen_at, window_at) VALUES ($1, $2, $3, $3, $4, $4, $5, $6, $6)`,
				feedID, ident, url, title, dupOf, dbTime(at(-time.Hour)))
		}
		mirror := feed("discord:111", "https://mirror.example/rss")
		operator := feed("", "https://outlet.example/rss")
		other := feed("discord:222", "https://outlet.example/rss")
		const url = "https://outlet.example/vote"
		// The mirror saw the URL first and owned it for everybody.
		shared := article(mirror, "u:"+url, url, "Poisoned headline", 0)
		opOwn := article(operator, "u:https://outlet.example/own", "https://outlet.example/own", "Operator story", shared)
		srvOwn := article(other, "u:https://outlet.example/srv", "https://outlet.example/srv", "Server story", opOwn)

		s := openUpgraded(t, dsn, 4)
		got := map[int64]Article{}
		for _, id := range []int64{shared, opOwn, srvOwn} {
			a, err := s.ArticleByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			got[id] = a
		}
		if got[shared].Scope != "discord:111" || got[opOwn].Scope != "" || got[srvOwn].Scope != "discord:222" {
			t.Errorf("scopes after upgrade: %q %q %q", got[shared].Scope, got[opOwn].Scope, got[srvOwn].Scope)
		}
		if got[opOwn].DuplicateOf != 0 {
			t.Errorf("operator article still a copy of server 111's article %d", got[opOwn].DuplicateOf)
		}
		if got[srvOwn].DuplicateOf != opOwn {
			t.Errorf("server 222's copy of the operator's article lost its link: %d", got[srvOwn].DuplicateOf)
		}
		// The poisoned row is no longer anyone else's.
		if _, err := s.ArticleByURL(ctx, "", url); err == nil {
			t.Error("the operator still reads server 111's row")
		}
		// The operator's and server 222's feeds store their own copies on
		// their next poll; server 111's sighting stays its one article.
		for _, f := range []struct {
			id    int64
			scope string
			want  SaveOutcome
		}{{operator, "", Inserted}, {other, "discord:222", Inserted}, {mirror, "discord:111", Unchanged}} {
			a := &Article{FeedID: f.id, CanonicalURL: url, ContentHash: "Poisoned headline", FirstSeenAt: at(0),
				Article: digest.Article{URL: url, Title: "Poisoned headline", Published: at(-time.Hour)}}
			outcome, err := s.SaveArticle(ctx, a)
			if err != nil || outcome != f.want {
				t.Errorf("feed of %q after upgrade: %v, %v; want %v", f.scope, outcome, err, f.want)
			}
			// Every scope now reads the operator's copy, stored first.
			if view, err := s.ArticleByURL(ctx, f.scope, url); err != nil || view.Scope != "" {
				t.Errorf("scope %q reads %q's copy, %v", f.scope, view.Scope, err)
			}
		}
		// And the migration goes back down to one row per URL.
		p, err := s.migrator(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.DownTo(ctx, 2); err != nil {
			t.Fatalf("down to 2: %v", err)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE canonical_url = $1`, url).Scan(&n); err != nil || n != 1 {
			t.Errorf("after down: %d rows for the URL, %v", n, err)
		}
	})
}
