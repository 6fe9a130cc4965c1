package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSetChannelStyle(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		c, err := s.UpsertChannel(ctx, Channel{Platform: "discord", Scope: "discord:1", ChannelID: "9"})
		if err != nil {
			t.Fatal(err)
		}
		if c.Style != (DigestStyle{}) {
			t.Errorf("new channel style %+v, want the defaults", c.Style)
		}
		for _, want := range []DigestStyle{{MaxStories: 3, Detail: "brief", NoImage: true}, {Detail: "full"}} {
			if err := s.SetChannelStyle(ctx, c.ID, want); err != nil {
				t.Fatal(err)
			}
			got, err := s.ChannelByID(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Style != want {
				t.Errorf("style %+v, want %+v", got.Style, want)
			}
		}
		if err := s.SetChannelStyle(ctx, c.ID+1000, DigestStyle{}); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown channel: %v, want ErrNotFound", err)
		}
	})
}

// TestMigrationAddsDigestStyle upgrades a database from the schema before
// migration 6 with a channel in it: the channel keeps its settings and gets
// the default style.
func TestMigrationAddsDigestStyle(t *testing.T) {
	dbs := map[string]func(t *testing.T) *Store{
		"sqlite": func(t *testing.T) *Store {
			driver, source, _, err := parseDSN(filepath.Join(t.TempDir(), "old.db"))
			if err != nil {
				t.Fatal(err)
			}
			db, err := sql.Open(driver, source)
			if err != nil {
				t.Fatal(err)
			}
			return &Store{db: db, dialect: SQLite}
		},
		"postgres": func(t *testing.T) *Store {
			base := os.Getenv(postgresEnv)
			if base == "" {
				t.Skip(postgresEnv + " is not set; skipping PostgreSQL")
			}
			dsn, drop := freshSchema(t, base)
			t.Cleanup(drop)
			db, err := sql.Open("pgx", dsn)
			if err != nil {
				t.Fatal(err)
			}
			return &Store{db: db, dialect: Postgres}
		},
	}
	for name, open := range dbs {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := open(t)
			t.Cleanup(func() { s.Close() })
			provider, err := s.migrator(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := provider.UpTo(ctx, 5); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.ExecContext(ctx, `INSERT INTO channels (platform, scope, channel_ref, live, nothing_new)
				VALUES ('slack', 'slack:T1', 'C1', TRUE, TRUE)`); err != nil {
				t.Fatal(err)
			}
			if err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			c, err := s.ChannelByRef(ctx, "slack", "C1")
			if err != nil {
				t.Fatal(err)
			}
			if !c.Live || !c.NothingNew || c.Style != (DigestStyle{}) {
				t.Errorf("after the upgrade: %+v", c)
			}
		})
	}
}
