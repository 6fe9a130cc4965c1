package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/newsdigest/newsdigest/digest"
)

// articleColumns are selected as "a" joined with the analysis data.
const articleColumns = `a.id, a.feed_id, a.scope, a.guid, a.url, a.canonical_url, a.title, a.source, a.lean, a.author,
	a.published_at, a.body, a.content_hash, a.simhash, a.duplicate_of, a.story_id, a.backlog, a.updated,
	a.first_seen_at, a.updated_at, a.unread_date, an.data, a.categories, a.genre, a.feed_title`

const articleFrom = ` FROM articles a LEFT JOIN analyses an ON an.article_id = a.id`

// scanArticle reads one row selected with articleColumns and articleFrom.
func scanArticle(row rowScanner) (Article, error) {
	var (
		a                             Article
		published, firstSeen, updated int64
		simhash                       int64
		storyID                       sql.NullInt64
		analysis                      sql.NullString
		categories                    string
	)
	err := row.Scan(&a.ID, &a.FeedID, &a.Scope, &a.GUID, &a.URL, &a.CanonicalURL, &a.Title, &a.Source, &a.Lean, &a.Author,
		&published, &a.Text, &a.ContentHash, &simhash, &a.DuplicateOf, &storyID, &a.Backlog, &a.Updated,
		&firstSeen, &updated, &a.UnreadDate, &analysis, &categories, &a.Genre, &a.FeedTitle)
	if err != nil {
		return Article{}, err
	}
	if a.Categories, err = fromJSONText[string](categories); err != nil {
		return Article{}, fmt.Errorf("article %d categories: %w", a.ID, err)
	}
	a.Published = goTime(published)
	a.FirstSeenAt = goTime(firstSeen)
	a.UpdatedAt = goTime(updated)
	a.SimHash = uint64(simhash)
	a.StoryID = storyID.Int64
	if analysis.Valid {
		var an digest.Analysis
		if err := json.Unmarshal([]byte(analysis.String), &an); err != nil {
			return Article{}, fmt.Errorf("article %d analysis: %w", a.ID, err)
		}
		a.Analysis = &an
	}
	return a, nil
}

// articleIdentity is the key that makes two sightings the same article: the
// feed's GUID when it has one, else the canonical URL within the feed's
// scope, else a digest of the title and publication time within the feed.
// Canonical URLs start with "http", so an operator's key ("u:http…") never
// equals a chat scope's ("u:discord:…|http…").
func articleIdentity(a *Article) string {
	switch {
	case a.GUID != "":
		return "g:" + strconv.FormatInt(a.FeedID, 10) + ":" + a.GUID
	case a.CanonicalURL != "" && a.Scope == "":
		return "u:" + a.CanonicalURL
	case a.CanonicalURL != "":
		return "u:" + a.Scope + "|" + a.CanonicalURL
	default:
		sum := sha256.Sum256([]byte(a.Title + "\x00" + a.Published.UTC().Format(time.RFC3339Nano)))
		return "c:" + strconv.FormatInt(a.FeedID, 10) + ":" + hex.EncodeToString(sum[:])
	}
}

// contentHash is used when the caller gave none: a digest of title and text.
func contentHash(a *Article) string {
	sum := sha256.Sum256([]byte(a.Title + "\x00" + a.Text))
	return hex.EncodeToString(sum[:16])
}

// SaveArticle stores a sighting of an article. An article belongs to the
// scope of the feed that carried it (a.Scope is set from the feed): the
// operator's feeds, or one server's or workspace's. Identity is (feed, GUID)
// when the GUID is set, else the canonical URL within the scope (the URL
// when CanonicalURL is empty), else the title and publication time within
// the feed; an article already stored under another feed of the same scope
// with the same canonical URL is the same article, and its sighting there is
// Unchanged whatever the text. The same URL from feeds of two scopes is two
// articles, so no scope's text ever stands for another's. Same identity and
// content hash: Unchanged. Same identity in the same feed, new content:
// Edited, updated in place with Updated set and its analysis dropped so that
// it is analysed again. Otherwise Inserted. DuplicateOf is kept only when it
// names an article of the same scope or the operator's. It sets a.ID (and,
// for a stored article, FirstSeenAt and Updated) and is safe under
// concurrent callers: exactly one of them inserts a given article. NUL bytes
// and invalid UTF-8 in the text fields are replaced by U+FFFD (in a too).
func (s *Store) SaveArticle(ctx context.Context, a *Article) (SaveOutcome, error) {
	if a.FeedID == 0 {
		return Unchanged, fmt.Errorf("store: save article %q: no feed id", a.Title)
	}
	scope, err := s.feedScope(ctx, a.FeedID)
	if err != nil {
		return Unchanged, fmt.Errorf("store: save article %q: %w", a.Title, err)
	}
	a.Scope = scope
	for _, field := range []*string{&a.GUID, &a.URL, &a.CanonicalURL, &a.Title, &a.Source, &a.Lean, &a.Author, &a.Text, &a.UnreadDate, &a.Genre, &a.FeedTitle} {
		*field = cleanText(*field)
	}
	for i := range a.Categories {
		a.Categories[i] = cleanText(a.Categories[i])
	}
	if a.CanonicalURL == "" {
		a.CanonicalURL = a.URL
	}
	if a.ContentHash == "" {
		a.ContentHash = contentHash(a)
	}
	if a.FirstSeenAt.IsZero() {
		a.FirstSeenAt = time.Now()
	}
	ident := articleIdentity(a)
	// Look first: most sightings are of stored articles, and a read takes no
	// write lock. The loop covers the races: an insert that lost to a
	// concurrent one, and an article deleted between two steps.
	for range 3 {
		outcome, err := s.reviseArticle(ctx, ident, a)
		if err == nil {
			return outcome, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return Unchanged, fmt.Errorf("store: save article %s: %w", ident, err)
		}
		id, inserted, err := s.insertArticle(ctx, ident, a)
		if err != nil {
			return Unchanged, fmt.Errorf("store: save article %s: %w", ident, err)
		}
		if inserted {
			a.ID = id
			a.Updated = false
			return Inserted, nil
		}
	}
	return Unchanged, fmt.Errorf("store: save article %s: kept conflicting with a vanishing row", ident)
}

// feedScope returns the scope of feed id. Feeds never change scope and ids
// are never reused, so the answer is remembered.
func (s *Store) feedScope(ctx context.Context, id int64) (string, error) {
	if scope, ok := s.feedScopes.Load(id); ok {
		return scope.(string), nil
	}
	var scope string
	err := s.db.QueryRowContext(ctx, `SELECT scope FROM feeds WHERE id = $1`, id).Scan(&scope)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("feed %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("feed %d scope: %w", id, err)
	}
	s.feedScopes.Store(id, scope)
	return scope, nil
}

// insertArticle inserts a new article; inserted is false when one with the
// same identity (or canonical URL, or feed GUID) exists.
func (s *Store) insertArticle(ctx context.Context, ident string, a *Article) (id int64, inserted bool, err error) {
	categories, err := jsonText(a.Categories)
	if err != nil {
		return 0, false, fmt.Errorf("insert: %w", err)
	}
	// A copy of another scope's article is not this scope's to cite: a
	// server must not mark the operator's coverage as its own republished
	// copy (and so drop it from the operator's digests).
	err = s.db.QueryRowContext(ctx, `
		INSERT INTO articles (feed_id, scope, ident, guid, url, canonical_url, title, source, lean, author,
			published_at, body, content_hash, simhash, duplicate_of, backlog, updated,
			first_seen_at, updated_at, window_at, unread_date, categories, genre, feed_title)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
			CASE WHEN EXISTS (SELECT 1 FROM articles d WHERE d.id = $15 AND (d.scope = $2 OR d.scope = ''))
				THEN CAST($15 AS BIGINT) ELSE 0 END,
			$16, FALSE, $17, $17, $18, $19, $20, $21, $22)
		ON CONFLICT DO NOTHING
		RETURNING id`,
		a.FeedID, a.Scope, ident, a.GUID, a.URL, a.CanonicalURL, a.Title, a.Source, a.Lean, a.Author,
		dbTime(a.Published), a.Text, a.ContentHash, int64(a.SimHash), a.DuplicateOf, a.Backlog,
		dbTime(a.FirstSeenAt), windowAt(a), a.UnreadDate, categories, a.Genre, a.FeedTitle).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("insert: %w", err)
	}
	return id, true, nil
}

// knownPublished is the article's publication time, or zero when the
// feed's date could not be read (an edit then keeps the stored times).
func knownPublished(a *Article) time.Time {
	if a.UnreadDate != "" {
		return time.Time{}
	}
	return a.Published
}

// windowAt is the time that places an article in time-windowed queries:
// its publication time, else the time it was first seen. An article of a
// feed's first fetch whose date could not be read gets 0: its first-seen
// time says nothing about when it was published, and taking it would put
// the feed's whole backlog into the next digest as news.
func windowAt(a *Article) int64 {
	switch {
	case a.UnreadDate != "" && a.Backlog:
		return 0
	case a.UnreadDate != "" || a.Published.IsZero():
		return dbTime(a.FirstSeenAt)
	}
	return dbTime(a.Published)
}

// reviseArticle compares a sighting with the stored article and updates the
// stored one when its content changed. ErrNotFound: nothing stored matches.
func (s *Store) reviseArticle(ctx context.Context, ident string, a *Article) (SaveOutcome, error) {
	var (
		id, feedID int64
		hash       string
		firstSeen  int64
		updated    bool
	)
	err := s.db.QueryRowContext(ctx, `
		SELECT id, feed_id, content_hash, first_seen_at, updated FROM articles
		WHERE ident = $1 OR (canonical_url = $2 AND canonical_url <> '' AND scope = $5)
			OR (feed_id = $3 AND guid = $4 AND guid <> '')
		ORDER BY CASE WHEN ident = $1 THEN 0 ELSE 1 END, id
		LIMIT 1`, ident, a.CanonicalURL, a.FeedID, a.GUID, a.Scope).Scan(&id, &feedID, &hash, &firstSeen, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return Unchanged, ErrNotFound
	}
	if err != nil {
		return Unchanged, fmt.Errorf("look up: %w", err)
	}
	a.ID = id
	a.FirstSeenAt = goTime(firstSeen)
	a.Updated = updated
	// Another feed of the scope carrying the same URL is a second sighting, not an edit:
	// feeds often differ in how much text they give, and treating that as an
	// edit would flip the article back and forth on every poll.
	if hash == a.ContentHash || feedID != a.FeedID {
		return Unchanged, nil
	}
	edited := false
	now := time.Now()
	categories, err := jsonText(a.Categories)
	if err != nil {
		return Unchanged, fmt.Errorf("update: %w", err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE articles SET title = $2, author = $3, body = $4, content_hash = $5, simhash = $6,
				published_at = CASE WHEN CAST($7 AS BIGINT) <> 0 THEN CAST($7 AS BIGINT) ELSE published_at END,
				window_at = CASE WHEN CAST($7 AS BIGINT) <> 0 THEN CAST($7 AS BIGINT) ELSE window_at END,
				updated = TRUE, updated_at = $8, unread_date = $9, categories = $10
			WHERE id = $1 AND content_hash <> $5`,
			id, a.Title, a.Author, a.Text, a.ContentHash, int64(a.SimHash), dbTime(knownPublished(a)), dbTime(now), a.UnreadDate, categories)
		if err != nil {
			return fmt.Errorf("update: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("update: %w", err)
		}
		if n == 0 {
			return nil // a concurrent caller stored this very edit
		}
		edited = true
		if _, err := tx.ExecContext(ctx, `DELETE FROM analyses WHERE article_id = $1`, id); err != nil {
			return fmt.Errorf("drop stale analysis: %w", err)
		}
		return nil
	})
	if err != nil {
		return Unchanged, err
	}
	if !edited {
		return Unchanged, nil
	}
	a.Updated = true
	a.UpdatedAt = goTime(dbTime(now))
	return Edited, nil
}
