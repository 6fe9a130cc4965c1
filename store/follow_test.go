package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestFollows(t *testing.T) {
	c := Channel{ID: 1, Scope: "discord:g1", Tags: []string{"world"}, FeedIDs: []int64{5}}
	tests := []struct {
		name string
		feed Feed
		want bool
	}{
		{"config feed by tag", Feed{ID: 1, Tags: []string{"eu", "world"}}, true},
		{"config feed by id", Feed{ID: 5}, true},
		{"own scope by tag", Feed{ID: 2, Scope: "discord:g1", Tags: []string{"world"}}, true},
		{"other scope by tag", Feed{ID: 3, Scope: "discord:g2", Tags: []string{"world"}}, false},
		{"other scope by id", Feed{ID: 5, Scope: "slack:T"}, false},
		{"unrelated", Feed{ID: 4, Tags: []string{"sport"}}, false},
	}
	for _, tt := range tests {
		if got := c.Follows(tt.feed); got != tt.want {
			t.Errorf("%s: Follows = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestChannelFeedsAndFollowers(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		world, err := s.AddFeed(ctx, Feed{URL: "https://w.example/rss", Tags: []string{"world"}})
		if err != nil {
			t.Fatal(err)
		}
		sport, err := s.AddFeed(ctx, Feed{URL: "https://s.example/rss", Tags: []string{"sport"}})
		if err != nil {
			t.Fatal(err)
		}
		reader, err := s.UpsertChannel(ctx, Channel{Platform: "discord", Scope: "discord:g", ChannelID: "1", Tags: []string{"world"}})
		if err != nil {
			t.Fatal(err)
		}
		fan, err := s.UpsertChannel(ctx, Channel{Platform: "discord", Scope: "discord:g", ChannelID: "2", FeedIDs: []int64{sport.ID, world.ID}})
		if err != nil {
			t.Fatal(err)
		}
		feeds, err := s.ChannelFeeds(ctx, reader)
		if err != nil {
			t.Fatal(err)
		}
		if ids := feedIDs(feeds); !slices.Equal(ids, []int64{world.ID}) {
			t.Errorf("ChannelFeeds = %v, want [%d]", ids, world.ID)
		}
		followers, err := s.FeedFollowers(ctx, world)
		if err != nil {
			t.Fatal(err)
		}
		if len(followers) != 2 || followers[0].ID != reader.ID || followers[1].ID != fan.ID {
			t.Errorf("FeedFollowers = %+v", followers)
		}
	})
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := openSQLite(t)
	f := mustAddFeed(t, s, "", "https://backup.example/rss")
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, path); !errors.Is(err, os.ErrExist) {
		t.Errorf("second backup to the same file err = %v, want os.ErrExist", err)
	}
	copied, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	if _, err := copied.FeedByID(ctx, f.ID); err != nil {
		t.Errorf("backup lacks the feed: %v", err)
	}
	if pg := (&Store{dialect: Postgres}); !errors.Is(pg.Backup(ctx, path), ErrUnsupported) {
		t.Error("Backup on PostgreSQL did not report ErrUnsupported")
	}
}
