package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// newDatabases returns, by name, DSNs of new and empty databases that
// several Stores may open at once: a SQLite file, and a PostgreSQL schema
// of its own (dropped after the test) when postgresEnv is set. Upgrade
// tests migrate them step by step; fleet tests open them many times.
func newDatabases(t *testing.T) map[string]string {
	t.Helper()
	dsns := map[string]string{"sqlite": "sqlite://" + filepath.ToSlash(filepath.Join(t.TempDir(), "test.db"))}
	if base := os.Getenv(postgresEnv); base != "" {
		dsn, drop := freshSchema(t, base)
		t.Cleanup(drop)
		dsns["postgres"] = dsn
	}
	return dsns
}

// openAt opens dsn and migrates it only up to version, as an older release
// left it. Tests write rows as that release did through s.db.
func openAt(t *testing.T, dsn string, version int64) *Store {
	t.Helper()
	ctx := context.Background()
	driver, source, dialect, err := parseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, dialect: dialect}
	t.Cleanup(func() { s.Close() })
	p, err := s.migrator(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, version); err != nil {
		t.Fatalf("migrate to %d: %v", version, err)
	}
	return s
}

// openUpgraded opens dsn as a new release does, which migrates it to the
// current schema, and checks that the schema reached at least version.
func openUpgraded(t *testing.T, dsn string, version int64) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if v, err := s.SchemaVersion(ctx); err != nil || v < version {
		t.Fatalf("schema version %d, %v; want at least %d", v, err, version)
	}
	return s
}
