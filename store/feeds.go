package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

const feedColumns = `id, scope, source_url, url, name, lean, tags, from_config, active, etag,
	last_modified, next_check_at, last_check_at, error_count, last_error, unhealthy, fetched, created_at, genre`

// scanFeed reads one row selected with feedColumns.
func scanFeed(row rowScanner) (Feed, error) {
	var (
		f                                  Feed
		tags                               string
		active                             bool
		nextCheck, lastCheck, createdAtRaw int64
	)
	err := row.Scan(&f.ID, &f.Scope, &f.SourceURL, &f.URL, &f.Name, &f.Lean, &tags, &f.FromConfig, &active,
		&f.ETag, &f.LastModified, &nextCheck, &lastCheck, &f.ErrorCount, &f.LastError, &f.Unhealthy,
		&f.Fetched, &createdAtRaw, &f.Genre)
	if err != nil {
		return Feed{}, err
	}
	if f.Tags, err = fromJSONText[string](tags); err != nil {
		return Feed{}, fmt.Errorf("feed %d tags: %w", f.ID, err)
	}
	f.Retired = !active
	f.NextCheckAt = goTime(nextCheck)
	f.LastCheckAt = goTime(lastCheck)
	f.CreatedAt = goTime(createdAtRaw)
	return f, nil
}

// SyncConfigFeeds makes the config file's feeds (scope "") the stored ones:
// each is inserted or updated by its configured URL, keeping its polling
// state; config feeds no longer listed are retired (not polled, articles
// kept). Feeds of scope "" added with AddFeed and FromConfig false are left
// alone. It returns the given feeds, in order, as stored.
func (s *Store) SyncConfigFeeds(ctx context.Context, feeds []Feed) ([]Feed, error) {
	out := make([]Feed, 0, len(feeds))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := dbTime(time.Now())
		listed := make([]any, 0, len(feeds))
		for _, f := range feeds {
			if f.URL == "" {
				return fmt.Errorf("config feed %q has no URL", f.Name)
			}
			tags, err := jsonText(f.Tags)
			if err != nil {
				return err
			}
			row := tx.QueryRowContext(ctx, `
				INSERT INTO feeds (scope, source_url, url, name, lean, tags, from_config, active, next_check_at, created_at, genre)
				VALUES ('', $1, $1, $2, $3, $4, TRUE, TRUE, $5, $6, $7)
				ON CONFLICT (scope, source_url) DO UPDATE SET
					name = excluded.name, lean = excluded.lean, tags = excluded.tags, genre = excluded.genre,
					from_config = TRUE, active = TRUE
				RETURNING `+feedColumns,
				f.URL, f.Name, f.Lean, tags, dbTime(f.NextCheckAt), now, f.Genre)
			stored, err := scanFeed(row)
			if err != nil {
				return fmt.Errorf("upsert %s: %w", f.URL, err)
			}
			out = append(out, stored)
			listed = append(listed, stored.ID)
		}
		query := `UPDATE feeds SET active = FALSE, lease_owner = '', lease_until = 0
			WHERE scope = '' AND from_config = TRUE AND active = TRUE`
		if len(listed) > 0 {
			query += ` AND id NOT IN (` + placeholders(1, len(listed)) + `)`
		}
		if _, err := tx.ExecContext(ctx, query, listed...); err != nil {
			return fmt.Errorf("retire unlisted: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: sync config feeds: %w", err)
	}
	return out, nil
}

// AddFeed stores a new feed and returns it with its ID. It returns
// ErrDuplicate when the scope already has a feed with that URL. A retired
// feed with that URL is revived with its articles and polling state.
func (s *Store) AddFeed(ctx context.Context, f Feed) (Feed, error) {
	if f.URL == "" {
		return Feed{}, fmt.Errorf("store: add feed: empty URL")
	}
	tags, err := jsonText(f.Tags)
	if err != nil {
		return Feed{}, fmt.Errorf("store: add feed %s: %w", f.URL, err)
	}
	source := f.SourceURL
	if source == "" {
		source = f.URL
	}
	var exists bool
	err = s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM feeds WHERE scope = $1 AND active = TRUE AND (url = $2 OR source_url = $2 OR url = $3))`,
		f.Scope, f.URL, source).Scan(&exists)
	if err != nil {
		return Feed{}, fmt.Errorf("store: add feed %s: %w", f.URL, err)
	}
	if exists {
		return Feed{}, fmt.Errorf("store: add feed %s to scope %q: %w", f.URL, f.Scope, ErrDuplicate)
	}
	created := f.CreatedAt
	if created.IsZero() {
		created = time.Now()
	}
	row := s.db.QueryRowContext(ctx, `
		INSERT INTO feeds (scope, source_url, url, name, lean, tags, from_config, active, etag, last_modified,
			next_check_at, last_check_at, error_count, last_error, unhealthy, fetched, created_at, genre)
		VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		ON CONFLICT (scope, source_url) DO UPDATE SET
			active = TRUE, url = excluded.url, name = excluded.name, lean = excluded.lean, tags = excluded.tags,
			genre = excluded.genre, from_config = excluded.from_config
		WHERE feeds.active = FALSE
		RETURNING `+feedColumns,
		f.Scope, source, f.URL, f.Name, f.Lean, tags, f.FromConfig, f.ETag, f.LastModified,
		dbTime(f.NextCheckAt), dbTime(f.LastCheckAt), f.ErrorCount, f.LastError, f.Unhealthy, f.Fetched,
		dbTime(created), f.Genre)
	stored, err := scanFeed(row)
	if errors.Is(err, sql.ErrNoRows) {
		// A concurrent AddFeed of the same URL won.
		return Feed{}, fmt.Errorf("store: add feed %s to scope %q: %w", f.URL, f.Scope, ErrDuplicate)
	}
	if err != nil {
		return Feed{}, fmt.Errorf("store: add feed %s: %w", f.URL, err)
	}
	return stored, nil
}

// Feeds returns the scope's feeds that are polled (not retired), by ID.
func (s *Store) Feeds(ctx context.Context, scope string) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE scope = $1 AND active = TRUE ORDER BY id`, scope)
	if err != nil {
		return nil, fmt.Errorf("store: list feeds of %q: %w", scope, err)
	}
	feeds, err := scanAll(rows, scanFeed)
	if err != nil {
		return nil, fmt.Errorf("store: list feeds of %q: %w", scope, err)
	}
	return feeds, nil
}

// AllFeeds returns every polled feed of every scope, by ID.
func (s *Store) AllFeeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE active = TRUE ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: list all feeds: %w", err)
	}
	feeds, err := scanAll(rows, scanFeed)
	if err != nil {
		return nil, fmt.Errorf("store: list all feeds: %w", err)
	}
	return feeds, nil
}

// FeedByID returns one feed, retired or not.
func (s *Store) FeedByID(ctx context.Context, id int64) (Feed, error) {
	f, err := oneRow(scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = $1`, id)))
	if err != nil {
		return Feed{}, fmt.Errorf("store: feed %d: %w", id, err)
	}
	return f, nil
}

// DeleteFeed deletes a feed of the scope together with its articles, their
// analyses and the stories they founded. It returns ErrNotFound when the
// scope has no feed with that ID.
func (s *Store) DeleteFeed(ctx context.Context, scope string, id int64) error {
	if err := touchedOne(s.db.ExecContext(ctx, `DELETE FROM feeds WHERE id = $1 AND scope = $2`, id, scope)); err != nil {
		return fmt.Errorf("store: delete feed %d in scope %q: %w", id, scope, err)
	}
	return nil
}

// ClaimDueFeeds leases up to limit polled feeds whose next check is due at
// now and that no one else holds (or whose holder's lease has expired), the
// most overdue first. The lease lasts until now+lease or until SaveFetch.
func (s *Store) ClaimDueFeeds(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]Feed, error) {
	if owner == "" || limit <= 0 || lease <= 0 {
		return nil, fmt.Errorf("store: claim due feeds: need an owner, a positive lease and limit")
	}
	at := dbTime(now)
	rows, err := s.db.QueryContext(ctx, `
		UPDATE feeds SET lease_owner = $1, lease_until = $2
		WHERE id IN (
			SELECT id FROM feeds
			WHERE active = TRUE AND next_check_at <= $3 AND (lease_owner = '' OR lease_until <= $3)
			ORDER BY next_check_at, id
			LIMIT $4`+s.skipLocked()+`)
		RETURNING `+feedColumns,
		owner, leaseUntil(now, lease), at, limit)
	if err != nil {
		return nil, fmt.Errorf("store: claim due feeds for %s: %w", owner, err)
	}
	feeds, err := scanAll(rows, scanFeed)
	if err != nil {
		return nil, fmt.Errorf("store: claim due feeds for %s: %w", owner, err)
	}
	sortFeedsDue(feeds)
	return feeds, nil
}

// SaveFetch records one poll of a feed and releases its lease. A non-empty
// NewURL (permanent redirect) replaces the polled URL; the configured URL
// stays the feed's identity. A success marks the feed as fetched.
func (s *Store) SaveFetch(ctx context.Context, r FetchResult) error {
	if err := touchedOne(s.db.ExecContext(ctx, `
		UPDATE feeds SET
			url = CASE WHEN $2 <> '' THEN $2 ELSE url END,
			etag = $3, last_modified = $4, last_check_at = $5, next_check_at = $6,
			last_error = $7, error_count = $8, unhealthy = $9,
			fetched = (fetched OR $10),
			lease_owner = '', lease_until = 0
		WHERE id = $1`,
		r.FeedID, cleanText(r.NewURL), cleanText(r.ETag), cleanText(r.LastModified), dbTime(r.CheckedAt),
		dbTime(r.NextCheckAt), cleanText(r.Err), r.ErrorCount, r.Unhealthy, r.Err == "")); err != nil {
		return fmt.Errorf("store: save fetch of feed %d: %w", r.FeedID, err)
	}
	return nil
}

// ReleaseFeed gives up owner's lease on a feed without recording a poll, so
// another instance may claim it at once.
func (s *Store) ReleaseFeed(ctx context.Context, owner string, id int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE feeds SET lease_owner = '', lease_until = 0 WHERE id = $1 AND lease_owner = $2`, id, owner)
	if err != nil {
		return fmt.Errorf("store: release feed %d: %w", id, err)
	}
	return nil
}

// placeholders returns "$first, $first+1, …" for n parameters.
func placeholders(first, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", first+i)
	}
	return b.String()
}

// sortFeedsDue orders claimed feeds most overdue first (RETURNING has no order).
func sortFeedsDue(feeds []Feed) {
	slices.SortFunc(feeds, func(a, b Feed) int {
		return cmp.Or(a.NextCheckAt.Compare(b.NextCheckAt), cmp.Compare(a.ID, b.ID))
	})
}
