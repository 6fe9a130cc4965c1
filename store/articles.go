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
const articleColumns = `a.id, a.feed_id, a.guid, a.url, a.canonical_url, a.title, a.source, a.lean, a.author,
	a.published_at, a.body, a.content_hash, a.simhash, a.duplicate_of, a.story_id, a.backlog, a.updated,
	a.first_seen_at, a.updated_at, an.data`

const articleFrom = ` FROM articles a LEFT JOIN analyses an ON an.article_id = a.id`

// scanArticle reads one row selected with articleColumns and articleFrom.
func scanArticle(row rowScanner) (Article, error) {
	var (
		a                             Article
		published, firstSeen, updated int64
		simhash                       int64
		storyID                       sql.NullInt64
		analysis                      sql.NullString
	)
	err := row.Scan(&a.ID, &a.FeedID, &a.GUID, &a.URL, &a.CanonicalURL, &a.Title, &a.Source, &a.Lean, &a.Author,
		&published, &a.Text, &a.ContentHash, &simhash, &a.DuplicateOf, &storyID, &a.Backlog, &a.Updated,
		&firstSeen, &updated, &analysis)
	if err != nil {
		return Article{}, err
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

// scanArticles reads all rows selected with articleColumns and articleFrom.
func scanArticles(rows *sql.Rows) ([]Article, error) {
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// articleIdentity is the key that makes two sightings the same article: the
// feed's GUID when it has one, else the canonical URL, else a digest of the
// title and publication time within the feed.
func articleIdentity(a *Article) string {
	switch {
	case a.GUID != "":
		return "g:" + strconv.FormatInt(a.FeedID, 10) + ":" + a.GUID
	case a.CanonicalURL != "":
		return "u:" + a.CanonicalURL
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

// SaveArticle stores a sighting of an article. Identity is (feed, GUID) when
// the GUID is set, else the canonical URL (the URL when CanonicalURL is
// empty), else the title and publication time within the feed; an article
// already stored under another feed with the same canonical URL is the same
// article. Same identity and content hash: Unchanged. Same identity, new
// content: Edited, updated in place with Updated set and its analysis dropped
// so that it is analysed again. Otherwise Inserted. It sets a.ID (and, for a
// stored article, FirstSeenAt and Updated) and is safe under concurrent
// callers: exactly one of them inserts a given article.
func (s *Store) SaveArticle(ctx context.Context, a *Article) (SaveOutcome, error) {
	if a.FeedID == 0 {
		return Unchanged, fmt.Errorf("store: save article %q: no feed id", a.Title)
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

// insertArticle inserts a new article; inserted is false when one with the
// same identity (or canonical URL, or feed GUID) exists.
func (s *Store) insertArticle(ctx context.Context, ident string, a *Article) (id int64, inserted bool, err error) {
	window := a.Published
	if window.IsZero() {
		window = a.FirstSeenAt
	}
	err = s.db.QueryRowContext(ctx, `
		INSERT INTO articles (feed_id, ident, guid, url, canonical_url, title, source, lean, author,
			published_at, body, content_hash, simhash, duplicate_of, backlog, updated,
			first_seen_at, updated_at, window_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, FALSE, $16, $16, $17)
		ON CONFLICT DO NOTHING
		RETURNING id`,
		a.FeedID, ident, a.GUID, a.URL, a.CanonicalURL, a.Title, a.Source, a.Lean, a.Author,
		dbTime(a.Published), a.Text, a.ContentHash, int64(a.SimHash), a.DuplicateOf, a.Backlog,
		dbTime(a.FirstSeenAt), dbTime(window)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("insert: %w", err)
	}
	return id, true, nil
}

// reviseArticle compares a sighting with the stored article and updates the
// stored one when its content changed. ErrNotFound: nothing stored matches.
func (s *Store) reviseArticle(ctx context.Context, ident string, a *Article) (SaveOutcome, error) {
	var (
		id        int64
		hash      string
		firstSeen int64
		updated   bool
	)
	err := s.db.QueryRowContext(ctx, `
		SELECT id, content_hash, first_seen_at, updated FROM articles
		WHERE ident = $1 OR (canonical_url = $2 AND canonical_url <> '') OR (feed_id = $3 AND guid = $4 AND guid <> '')
		ORDER BY CASE WHEN ident = $1 THEN 0 ELSE 1 END, id
		LIMIT 1`, ident, a.CanonicalURL, a.FeedID, a.GUID).Scan(&id, &hash, &firstSeen, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return Unchanged, ErrNotFound
	}
	if err != nil {
		return Unchanged, fmt.Errorf("look up: %w", err)
	}
	a.ID = id
	a.FirstSeenAt = goTime(firstSeen)
	a.Updated = updated
	if hash == a.ContentHash {
		return Unchanged, nil
	}
	edited := false
	now := time.Now()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			UPDATE articles SET title = $2, author = $3, body = $4, content_hash = $5, simhash = $6,
				published_at = CASE WHEN CAST($7 AS BIGINT) <> 0 THEN CAST($7 AS BIGINT) ELSE published_at END,
				window_at = CASE WHEN CAST($7 AS BIGINT) <> 0 THEN CAST($7 AS BIGINT) ELSE window_at END,
				updated = TRUE, updated_at = $8
			WHERE id = $1 AND content_hash <> $5`,
			id, a.Title, a.Author, a.Text, a.ContentHash, int64(a.SimHash), dbTime(a.Published), dbTime(now))
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

// Articles returns the stored articles that match q, newest first, with their
// analysis and story. The time window applies to the publication time, or to
// the first-seen time for articles without one: Since inclusive, Until
// exclusive.
func (s *Store) Articles(ctx context.Context, q ArticleQuery) ([]Article, error) {
	query := `SELECT ` + articleColumns + articleFrom + ` WHERE 1 = 1`
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if !q.Since.IsZero() {
		query += ` AND a.window_at >= ` + arg(dbTime(q.Since))
	}
	if !q.Until.IsZero() {
		query += ` AND a.window_at < ` + arg(dbTime(q.Until))
	}
	if len(q.FeedIDs) > 0 {
		query += ` AND a.feed_id IN (` + placeholders(len(args)+1, len(q.FeedIDs)) + `)`
		for _, id := range q.FeedIDs {
			args = append(args, id)
		}
	}
	if len(q.StoryIDs) > 0 {
		query += ` AND a.story_id IN (` + placeholders(len(args)+1, len(q.StoryIDs)) + `)`
		for _, id := range q.StoryIDs {
			args = append(args, id)
		}
	}
	query += ` ORDER BY a.window_at DESC, a.id DESC`
	if q.Limit > 0 {
		query += ` LIMIT ` + arg(q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query articles: %w", err)
	}
	out, err := scanArticles(rows)
	if err != nil {
		return nil, fmt.Errorf("store: query articles: %w", err)
	}
	return out, nil
}

// ArticleByID returns one article with its analysis and story.
func (s *Store) ArticleByID(ctx context.Context, id int64) (Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+articleFrom+` WHERE a.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("store: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("store: article %d: %w", id, err)
	}
	return a, nil
}

// ArticleByURL returns the article with that canonical URL.
func (s *Store) ArticleByURL(ctx context.Context, canonicalURL string) (Article, error) {
	if canonicalURL == "" {
		return Article{}, fmt.Errorf("store: article by URL: empty URL: %w", ErrNotFound)
	}
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+articleFrom+` WHERE a.canonical_url = $1`, canonicalURL))
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("store: article %s: %w", canonicalURL, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("store: article %s: %w", canonicalURL, err)
	}
	return a, nil
}

// Unanalyzed returns up to limit articles without an analysis, oldest first.
func (s *Store) Unanalyzed(ctx context.Context, limit int) ([]Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+articleFrom+`
		WHERE an.article_id IS NULL ORDER BY a.id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unanalyzed articles: %w", err)
	}
	out, err := scanArticles(rows)
	if err != nil {
		return nil, fmt.Errorf("store: unanalyzed articles: %w", err)
	}
	return out, nil
}

// SaveAnalysis stores (or replaces) an article's analysis as JSON.
func (s *Store) SaveAnalysis(ctx context.Context, articleID int64, an digest.Analysis) error {
	data, err := json.Marshal(an)
	if err != nil {
		return fmt.Errorf("store: encode analysis of article %d: %w", articleID, err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, articleID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return ErrNotFound
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO analyses (article_id, data, analyzed_at) VALUES ($1, $2, $3)
			ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, analyzed_at = excluded.analyzed_at`,
			articleID, string(data), dbTime(time.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save analysis of article %d: %w", articleID, err)
	}
	return nil
}
