package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
)

// TestArticlesBelongToTheirScope is finding 2 of issue 14: a server that
// mirrors an outlet's feed with poisoned text must not replace the
// operator's (or another server's) copy, and a chat lookup sees only its
// own scope's articles and the operator's.
func TestArticlesBelongToTheirScope(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mirror := mustAddFeed(t, s, "discord:111", "https://mirror.example/rss") // the attacker's server
		operator := mustAddFeed(t, s, "", "https://outlet.example/rss")
		other := mustAddFeed(t, s, "discord:222", "https://outlet.example/rss")
		const url = "https://outlet.example/2026/harbour-vote"
		save := func(f Feed, title, text, hash string, dupOf int64) *Article {
			t.Helper()
			a := &Article{FeedID: f.ID, CanonicalURL: url, ContentHash: hash, DuplicateOf: dupOf, FirstSeenAt: at(0),
				Article: digest.Article{URL: url, Title: title, Text: text, Source: f.Name, Published: at(-time.Hour)}}
			if _, err := s.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
			return a
		}
		// The mirror sees the URL first, with words the outlet never wrote.
		poisoned := save(mirror, "Council caves to harbour cartel", "Poisoned words.", "h-poison", 0)
		real := save(operator, "Council approves harbour plan", "What the outlet wrote.", "h-real", 0)
		otherCopy := save(other, "Council approves harbour plan", "What the outlet wrote.", "h-real", 0)
		if real.ID == poisoned.ID || otherCopy.ID == poisoned.ID || otherCopy.ID == real.ID {
			t.Fatalf("one URL in three scopes shares rows: mirror %d, operator %d, other %d", poisoned.ID, real.ID, otherCopy.ID)
		}
		if poisoned.Scope != "discord:111" || real.Scope != "" || otherCopy.Scope != "discord:222" {
			t.Errorf("scopes %q %q %q", poisoned.Scope, real.Scope, otherCopy.Scope)
		}
		// A second sighting in the same scope is still one article.
		if again := save(other, "Council approves harbour plan", "What the outlet wrote.", "h-real", 0); again.ID != otherCopy.ID {
			t.Errorf("second sighting in scope discord:222 made article %d, want %d", again.ID, otherCopy.ID)
		}

		lookups := []struct {
			scope     string
			wantTitle string
		}{
			{"", "Council approves harbour plan"},
			{"discord:222", "Council approves harbour plan"},
			{"discord:333", "Council approves harbour plan"},
			{"discord:111", "Council approves harbour plan"}, // the operator's copy wins in every view
		}
		for _, l := range lookups {
			a, err := s.ArticleByURL(ctx, l.scope, url)
			if err != nil || a.Title != l.wantTitle {
				t.Errorf("ArticleByURL(%q) = %q, %v; want %q", l.scope, a.Title, err, l.wantTitle)
			}
		}

		// A URL only the mirror carries is invisible outside its server.
		secret := &Article{FeedID: mirror.ID, ContentHash: "h-s", FirstSeenAt: at(0),
			Article: digest.Article{URL: "https://private.example/memo", Title: "Internal memo", Published: at(-time.Hour)}}
		if _, err := s.SaveArticle(ctx, secret); err != nil {
			t.Fatal(err)
		}
		for _, scope := range []string{"", "discord:222", "slack:T111"} {
			if a, err := s.ArticleByURL(ctx, scope, "https://private.example/memo"); !errors.Is(err, ErrNotFound) {
				t.Errorf("scope %q reads another server's article: %q, %v", scope, a.Title, err)
			}
		}
		if a, err := s.ArticleByURL(ctx, "discord:111", "https://private.example/memo"); err != nil || a.ID != secret.ID {
			t.Errorf("its own server cannot read it: %+v, %v", a.ID, err)
		}

		// Digests: a reader's view holds one copy per URL, the operator's.
		views := []struct {
			name  string
			feeds []int64
			want  int64
		}{
			{"operator", []int64{operator.ID}, real.ID},
			{"server 222 (operator + own)", []int64{operator.ID, other.ID}, real.ID},
			{"server 111 (operator + mirror)", []int64{operator.ID, mirror.ID}, real.ID},
			{"mirror alone", []int64{mirror.ID}, poisoned.ID},
		}
		for _, v := range views {
			arts, err := s.Articles(ctx, ArticleQuery{FeedIDs: v.feeds, Since: at(-24 * time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, a := range arts {
				if a.CanonicalURL == url {
					ids = append(ids, a.ID)
				}
			}
			if len(ids) != 1 || ids[0] != v.want {
				t.Errorf("%s: copies of the URL %v, want only %d", v.name, ids, v.want)
			}
		}

		// A server cannot mark the operator's coverage as a copy of its own
		// article; its own article may point at the operator's.
		opArticle := &Article{FeedID: operator.ID, ContentHash: "h-w", DuplicateOf: poisoned.ID, FirstSeenAt: at(0),
			Article: digest.Article{URL: "https://outlet.example/wire", Title: "Wire story", Published: at(-time.Hour)}}
		if _, err := s.SaveArticle(ctx, opArticle); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ArticleByID(ctx, opArticle.ID); got.DuplicateOf != 0 {
			t.Errorf("operator article stored as a copy of server 111's article %d", got.DuplicateOf)
		}
		serverCopy := &Article{FeedID: other.ID, ContentHash: "h-w2", DuplicateOf: opArticle.ID, FirstSeenAt: at(0),
			Article: digest.Article{URL: "https://other.example/wire", Title: "Wire story", Published: at(-time.Hour)}}
		if _, err := s.SaveArticle(ctx, serverCopy); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ArticleByID(ctx, serverCopy.ID); got.DuplicateOf != opArticle.ID {
			t.Errorf("server copy of the operator's article: duplicate_of %d, want %d", got.DuplicateOf, opArticle.ID)
		}
	})
}
