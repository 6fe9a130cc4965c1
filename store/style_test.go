package store

import (
	"context"
	"errors"
	"testing"

	"github.com/newsdigest/newsdigest/internal/testdb"
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
	testdb.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := openAt(t, dsn, 5)
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
