package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/testdb"
)

// eachStore runs fn against a fresh SQLite store in a file, one in memory
// and, when testdb.PostgresEnv is set, a fresh PostgreSQL store in a schema of its
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
	base := os.Getenv(testdb.PostgresEnv)
	if base == "" {
		t.Skip(testdb.PostgresEnv + " is not set; skipping PostgreSQL")
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
