package store

import (
	"context"
	"database/sql"
	"testing"
)

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
