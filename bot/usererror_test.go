package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/cron"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/store"
)

// brokenStore fails every read the way a database driver would, with
// details no chat user should see.
type brokenStore struct{ Store }

var errDriver = errors.New(`pgx: failed to connect to host=10.1.2.3 user=newsdigest database=prod: connection refused`)

func (brokenStore) Feeds(context.Context, string) ([]store.Feed, error) { return nil, errDriver }

// resolverFetcher fails like a DNS lookup through the local resolver.
type resolverFetcher struct{}

func (resolverFetcher) CheckFeed(ctx context.Context, rawURL string) (string, string, error) {
	dns := &net.DNSError{Err: "no such host", Name: "nosuch.example", Server: "127.0.0.53:53", IsNotFound: true}
	return "", "", feed.Explain(fmt.Errorf("check feed %s: %w", rawURL, dns))
}

func (resolverFetcher) ExtractArticle(ctx context.Context, rawURL string) (string, string, error) {
	return "", "", feed.Explain(fmt.Errorf("fetch article %s: %w", rawURL, feed.ErrPrivateAddress))
}

func TestErrorsInChat(t *testing.T) {
	refPattern := regexp.MustCompile(`reference ([0-9a-f]{8})\.`)
	tests := []struct {
		name     string
		h        *Handler
		cmd      Command
		want     string // in the reply
		internal bool   // an apology with a reference
	}{
		{"database down", &Handler{Store: brokenStore{}}, Command{Name: "digest", Scope: "g1"},
			"something went wrong on our side", true},
		{"bad period", &Handler{Store: brokenStore{}}, Command{Name: "digest", Args: map[string]string{"since": "fortnight"}},
			`Sorry: "fortnight" is not a period like 6h, 2d or 1w`, false},
		{"not allowed", &Handler{Store: brokenStore{}}, Command{Name: "feeds", Sub: "add", Args: map[string]string{"url": "https://a.example/feed"}},
			"needs the Manage Server permission", false},
		{"unknown host", &Handler{Store: brokenStore{}, Fetcher: resolverFetcher{}}, Command{Name: "feeds", Sub: "add", CanManage: true, Args: map[string]string{"url": "https://nosuch.example/feed"}},
			"Sorry: I could not add https://nosuch.example/feed: the site's name could not be found", false},
		{"bad cron", &Handler{Store: brokenStore{}, Schedules: parsingSchedules{}}, Command{Name: "schedule", Sub: "set", CanManage: true, Args: map[string]string{"cron": "61 8 * * *"}},
			"minute 61 is out of range 0-59", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logged bytes.Buffer
			tt.h.Log = slog.New(slog.NewTextHandler(&logged, nil))
			m := tt.h.Handle(context.Background(), tt.cmd)
			if !strings.Contains(m.Text, tt.want) || !m.Ephemeral {
				t.Fatalf("reply %q (ephemeral %v), want one containing %q", m.Text, m.Ephemeral, tt.want)
			}
			for _, secret := range []string{"10.1.2.3", "127.0.0.53", "pgx", "host="} {
				if strings.Contains(m.Text, secret) {
					t.Errorf("reply %q leaks %q", m.Text, secret)
				}
			}
			ref := refPattern.FindStringSubmatch(m.Text)
			if tt.internal != (ref != nil) {
				t.Fatalf("reply %q: reference present %v, want %v", m.Text, ref != nil, tt.internal)
			}
			if tt.internal && (!strings.Contains(logged.String(), "ref="+ref[1]) || !strings.Contains(logged.String(), "10.1.2.3")) {
				t.Errorf("log %q lacks the reference %s or the full error", logged.String(), ref[1])
			}
		})
	}
}

// parsingSchedules parses the expression like the real scheduler and stores nothing.
type parsingSchedules struct{ Schedules }

func (parsingSchedules) SetChannelSchedule(ctx context.Context, ch Channel, expr, tz string) (next time.Time, err error) {
	c, err := cron.Parse(expr, tz)
	if err != nil {
		return time.Time{}, err
	}
	return c.Next(time.Now())
}
