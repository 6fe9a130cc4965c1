package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/newsdigest/newsdigest/digest"
)

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
		feeds := placeholders(len(args)+1, len(q.FeedIDs))
		for _, id := range q.FeedIDs {
			args = append(args, id)
		}
		// One copy per URL: the operator's (scope ''), else the first stored.
		query += ` AND a.feed_id IN (` + feeds + `) AND NOT EXISTS (
			SELECT 1 FROM articles o WHERE a.canonical_url <> '' AND o.canonical_url <> ''
				AND o.canonical_url = a.canonical_url AND o.id <> a.id AND o.feed_id IN (` + feeds + `)
				AND ((o.scope = '' AND a.scope <> '') OR ((o.scope = '') = (a.scope = '') AND o.id < a.id)))`
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
	out, err := scanAll(rows, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("store: query articles: %w", err)
	}
	return out, nil
}

// ArticleByID returns one article with its analysis and story.
func (s *Store) ArticleByID(ctx context.Context, id int64) (Article, error) {
	a, err := oneRow(scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+articleFrom+` WHERE a.id = $1`, id)))
	if err != nil {
		return Article{}, fmt.Errorf("store: article %d: %w", id, err)
	}
	return a, nil
}

// ArticleByURL returns the article with that canonical URL that scope may
// see: one of the operator's feeds' (preferred) or one of scope's own. Other
// scopes' articles are ErrNotFound: a server never reads another's. Scope ""
// sees the operator's articles only.
func (s *Store) ArticleByURL(ctx context.Context, scope, canonicalURL string) (Article, error) {
	if canonicalURL == "" {
		return Article{}, fmt.Errorf("store: article by URL: empty URL: %w", ErrNotFound)
	}
	a, err := oneRow(scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+articleFrom+`
		WHERE a.canonical_url = $1 AND a.canonical_url <> '' AND (a.scope = '' OR a.scope = $2)
		ORDER BY CASE WHEN a.scope = '' THEN 0 ELSE 1 END, a.id LIMIT 1`, canonicalURL, scope)))
	if err != nil {
		return Article{}, fmt.Errorf("store: article %s: %w", canonicalURL, err)
	}
	return a, nil
}

// Unanalyzed returns up to limit articles that are not processed yet, oldest
// first: without an analysis, or not yet in a story (an instance stopped
// between the two steps, or lost its lease to another).
func (s *Store) Unanalyzed(ctx context.Context, limit int) ([]Article, error) {
	if limit <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+articleFrom+`
		WHERE an.article_id IS NULL OR a.story_id IS NULL ORDER BY a.id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unanalyzed articles: %w", err)
	}
	out, err := scanAll(rows, scanArticle)
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
			articleID, string(cleanJSON(data)), dbTime(time.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save analysis of article %d: %w", articleID, err)
	}
	return nil
}
