package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// postgresEnv names the variable holding a PostgreSQL URL for tests.
const postgresEnv = "NEWSDIGEST_TEST_POSTGRES_URL"

// eachStore runs fn against a fresh SQLite store in a file, one in memory
// and, when postgresEnv is set, a fresh PostgreSQL store in a schema of its
// own.
func eachStore(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	// Every store is its own file or schema, so the suite runs in parallel;
	// on PostgreSQL that hides most of the cost of creating schemas.
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, openSQLite(t))
	})
	t.Run("memory", func(t *testing.T) {
		s, err := Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatalf("open memory: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		fn(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, openPostgres(t))
	})
}

// openSQLite opens a store in a file of the test's temp directory.
func openSQLite(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openPostgres opens a store in a migrated schema of its own that is
// dropped after the test, or skips when no test database is configured.
func openPostgres(t testing.TB) *Store {
	t.Helper()
	base := os.Getenv(postgresEnv)
	if base == "" {
		t.Skip(postgresEnv + " is not set; skipping PostgreSQL")
	}
	dsn, drop := schemas.take(t, base)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		drop()
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() {
		s.Close()
		drop()
	})
	return s
}

// freshSchema creates an empty schema and returns a DSN whose search_path
// points at it, and a function that drops it.
func freshSchema(t testing.TB, base string) (dsn string, drop func()) {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open postgres admin: %v", err)
	}
	schema := newSchemaName()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	return schemaDSN(base, schema), func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	}
}

// newSchemaName returns a random schema name for a test.
func newSchemaName() string {
	var b [6]byte
	rand.Read(b[:])
	return "nd_test_" + hex.EncodeToString(b[:])
}

// mustAddFeed adds a feed or fails the test.
func mustAddFeed(t testing.TB, s *Store, scope, url string) Feed {
	t.Helper()
	f, err := s.AddFeed(context.Background(), Feed{Scope: scope, URL: url, Name: url})
	if err != nil {
		t.Fatalf("add feed %s: %v", url, err)
	}
	return f
}

// at is a fixed instant plus an offset, for readable times in tests.
func at(offset time.Duration) time.Time {
	return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC).Add(offset)
}
