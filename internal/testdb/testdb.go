// Package testdb gives tests databases of their own: a SQLite file in the
// test's temp directory, or a fresh schema of the PostgreSQL server named by
// NEWSDIGEST_TEST_POSTGRES_URL, dropped when the test ends. Several stores
// opened on one address act as several instances sharing a database.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	// Both drivers: for store.Open in the tests, and "pgx" for creating schemas.
	_ "github.com/newsdigest/newsdigest/store/drivers"
)

// PostgresEnv names the variable holding the test PostgreSQL URL.
const PostgresEnv = "NEWSDIGEST_TEST_POSTGRES_URL"

// SQLite returns the address of a new SQLite database file.
func SQLite(tb testing.TB) string {
	tb.Helper()
	return "sqlite://" + filepath.ToSlash(filepath.Join(tb.TempDir(), "newsdigest.db"))
}

// Postgres returns the address of a new, empty schema, dropped after the
// test, or skips the test when PostgresEnv is not set. Register it before
// opening stores on it, so that they are closed (t.Cleanup runs last
// registered first) before the schema is dropped.
func Postgres(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		tb.Skip(PostgresEnv + " is not set; skipping PostgreSQL")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("open postgres: %v", err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "nd_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

// Each runs fn on a new SQLite database and, when PostgresEnv is set, on a
// new PostgreSQL schema, as subtests named "sqlite" and "postgres".
func Each(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// Configured reports whether PostgresEnv is set.
func Configured() bool { return os.Getenv(PostgresEnv) != "" }
