package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDSN(t *testing.T) {
	tests := []struct {
		dsn        string
		driver     string
		dialect    Dialect
		sourceHas  string
		wantErrBad bool
	}{
		{"sqlite:///data/nd.db", "sqlite", SQLite, "file:/data/nd.db?", false},
		{"sqlite://rel/nd.db", "sqlite", SQLite, "file:rel/nd.db?", false},
		{"/var/lib/nd.db", "sqlite", SQLite, "file:/var/lib/nd.db?", false},
		{"nd 100%.db", "sqlite", SQLite, "file:nd 100%25.db?", false},
		{":memory:", "sqlite", SQLite, "vfs=memdb", false},
		{"file:nd.db", "sqlite", SQLite, "file:nd.db?", false},
		{"postgres://u@h:5432/db?sslmode=disable", "pgx", Postgres, "postgres://u@h:5432/db?sslmode=disable", false},
		{"postgresql://u@h/db", "pgx", Postgres, "postgresql://u@h/db", false},
		{"", "", "", "", true},
		{"mysql://u@h/db", "", "", "", true},
		{"sqlite://", "", "", "", true},
		{"sqlite:///x.db?mode=ro", "", "", "", true},
	}
	for _, tt := range tests {
		driver, source, dialect, err := parseDSN(tt.dsn)
		if tt.wantErrBad {
			if !errors.Is(err, ErrBadDSN) {
				t.Errorf("parseDSN(%q) err = %v, want ErrBadDSN", tt.dsn, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseDSN(%q): %v", tt.dsn, err)
			continue
		}
		if driver != tt.driver || dialect != tt.dialect || !strings.Contains(source, tt.sourceHas) {
			t.Errorf("parseDSN(%q) = %q, %q, %q; want %q, %q, containing %q", tt.dsn, driver, source, dialect, tt.driver, tt.dialect, tt.sourceHas)
		}
		if dialect == SQLite && (!strings.Contains(source, "foreign_keys(1)") || !strings.Contains(source, "busy_timeout")) {
			t.Errorf("parseDSN(%q) = %q lacks the SQLite pragmas", tt.dsn, source)
		}
	}
}

func FuzzParseDSN(f *testing.F) {
	for _, seed := range []string{"sqlite:///a.db", "postgres://h/db", ":memory:", "x.db", "a://b", "sqlite://?#", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, dsn string) {
		driver, source, dialect, err := parseDSN(dsn)
		if err != nil {
			if !errors.Is(err, ErrBadDSN) {
				t.Fatalf("parseDSN(%q) error %v is not ErrBadDSN", dsn, err)
			}
			return
		}
		if driver == "" || source == "" || (dialect != SQLite && dialect != Postgres) {
			t.Fatalf("parseDSN(%q) = %q, %q, %q with no error", dsn, driver, source, dialect)
		}
	})
}

func TestOpenMemoryIsolated(t *testing.T) {
	ctx := context.Background()
	a, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	mustAddFeed(t, a, "", "https://mem.example/rss")
	if feeds, err := b.Feeds(ctx, ""); err != nil || len(feeds) != 0 {
		t.Errorf("second in-memory store sees %d feeds (%v); want its own empty database", len(feeds), err)
	}
	// All connections of one in-memory store share its database.
	conns := make(chan struct{}, 4)
	for range 4 {
		go func() {
			defer func() { conns <- struct{}{} }()
			if feeds, err := a.Feeds(ctx, ""); err != nil || len(feeds) != 1 {
				t.Errorf("connection sees %d feeds (%v), want 1", len(feeds), err)
			}
		}()
	}
	for range 4 {
		<-conns
	}
	if a.Dialect() != SQLite {
		t.Errorf("dialect %q", a.Dialect())
	}
}

func TestOpenRelativeAndReopen(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ctx := context.Background()
	s, err := Open(ctx, "sqlite://sub.db")
	if err != nil {
		t.Fatal(err)
	}
	f := mustAddFeed(t, s, "", "https://keep.example/rss")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sub.db")); err != nil {
		t.Fatalf("database not at the relative path: %v", err)
	}
	s, err = Open(ctx, filepath.Join(dir, "sub.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.FeedByID(ctx, f.ID); err != nil {
		t.Errorf("reopened database lost the feed: %v", err)
	}
	var mode string
	if err := s.DB().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || !strings.EqualFold(mode, "wal") {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.DB().QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, "mysql://x"); !errors.Is(err, ErrBadDSN) {
		t.Errorf("Open(mysql) err = %v, want ErrBadDSN", err)
	}
	if _, err := Open(ctx, filepath.Join(t.TempDir(), "missing", "dir", "x.db")); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
}

func BenchmarkOpenMemory(b *testing.B) {
	for b.Loop() {
		s, err := Open(context.Background(), ":memory:")
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func FuzzCleanText(f *testing.F) {
	for _, seed := range []string{"plain", "nul\x00byte", "bad\xff\xfeutf8", "é\x00\xc3"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := cleanText(s)
		if !utf8.ValidString(got) || strings.ContainsRune(got, 0) {
			t.Fatalf("cleanText(%q) = %q: not storable", s, got)
		}
		if utf8.ValidString(s) && !strings.ContainsRune(s, 0) && got != s {
			t.Fatalf("cleanText changed clean text %q to %q", s, got)
		}
	})
}
