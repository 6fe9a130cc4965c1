package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// dbTime converts t to the stored form: microseconds since the Unix epoch,
// 0 for the zero time.
func dbTime(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

// goTime converts a stored time back; 0 becomes the zero time.
func goTime(us int64) time.Time {
	if us == 0 {
		return time.Time{}
	}
	return time.UnixMicro(us).UTC()
}

// leaseUntil is when a lease taken at now for d ends, in the stored form.
func leaseUntil(now time.Time, d time.Duration) int64 {
	return dbTime(now.Add(d))
}

// jsonText encodes v for a JSON text column; a nil slice becomes "[]".
func jsonText[T any](v []T) (string, error) {
	if v == nil {
		v = []T{}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode list: %w", err)
	}
	return string(b), nil
}

// fromJSONText decodes a JSON list column; an empty list becomes nil.
func fromJSONText[T any](s string) ([]T, error) {
	if s == "" {
		return nil, nil
	}
	var v []T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, fmt.Errorf("decode list %q: %w", s, err)
	}
	if len(v) == 0 {
		return nil, nil
	}
	return v, nil
}

// scanAll reads every row of rows with scan, the function that reads one
// row of the same query, and closes rows.
func scanAll[T any](rows *sql.Rows, scan func(rowScanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// oneRow passes on what a scan of a lookup by key returned, with "no such
// row" as ErrNotFound, so a lookup wraps one error whatever went wrong:
//
//	f, err := oneRow(scanFeed(s.db.QueryRowContext(ctx, q, id)))
func oneRow[T any](v T, err error) (T, error) {
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	return v, err
}

// touchedOne is the outcome of an UPDATE or DELETE of one row by key:
// ErrNotFound when no row matched.
func touchedOne(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// skipLocked is appended to the inner SELECT of a claim: on PostgreSQL it
// makes concurrent claimers pass over each other's rows instead of waiting;
// SQLite has a single writer, so its claims cannot overlap anyway.
func (s *Store) skipLocked() string {
	if s.dialect == Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// inTx runs fn in a transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// rowScanner is what *sql.Row and *sql.Rows have in common.
type rowScanner interface {
	Scan(dest ...any) error
}

// queryer is what *sql.DB and *sql.Tx have in common.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// cleanText makes outside text storable in both databases: PostgreSQL
// rejects NUL bytes and invalid UTF-8 in text columns, so both become U+FFFD
// everywhere, which keeps the two dialects storing the same text.
func cleanText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// cleanJSON replaces JSON-escaped NULs, which PostgreSQL's JSONB rejects.
func cleanJSON(data []byte) []byte {
	if !bytes.Contains(data, []byte(`\u0000`)) {
		return data
	}
	return bytes.ReplaceAll(data, []byte(`\u0000`), []byte(`\ufffd`))
}
