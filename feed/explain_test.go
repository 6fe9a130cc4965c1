package feed

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

func TestExplain(t *testing.T) {
	dns := &net.DNSError{Err: "no such host", Name: "x.example", Server: "127.0.0.53:53", IsNotFound: true}
	for _, tt := range []struct {
		err    error
		reason string // "" means left unchanged
	}{
		{fmt.Errorf("check feed: %w", dns), "name could not be found"},
		{fmt.Errorf("check feed: %w", ErrPrivateAddress), "private network"},
		{fmt.Errorf("check feed: %w", &HTTPStatusError{Code: 404}), "HTTP status 404"},
		{fmt.Errorf("check feed: %w", &HTTPStatusError{Code: 429}), "limiting requests"},
		{fmt.Errorf("check feed: %w", ErrNotAFeed), "not an RSS or Atom feed"},
		{fmt.Errorf("fetch: %w", context.DeadlineExceeded), "too long"},
		{fmt.Errorf("fetch: %w", context.Canceled), ""},
		{errors.New("something unnamed"), ""},
	} {
		got := Explain(tt.err)
		var ex *ExplainedError
		if tt.reason == "" {
			if got != tt.err {
				t.Errorf("Explain(%v) = %v, want it unchanged", tt.err, got)
			}
			continue
		}
		if !errors.As(got, &ex) || !strings.Contains(ex.UserMessage(), tt.reason) || !errors.Is(got, tt.err) {
			t.Errorf("Explain(%v) = %#v, want a reason with %q that wraps the error", tt.err, got, tt.reason)
		}
		if strings.Contains(ex.UserMessage(), "127.0.0.53") {
			t.Errorf("reason %q names the resolver", ex.UserMessage())
		}
	}
}

// TestStoredReasonLeaksNothing: the last error kept with a feed, which chat
// shows, says what happened without the resolver or the inner error.
func TestStoredReasonLeaksNothing(t *testing.T) {
	dns := &net.DNSError{Err: "no such host", Name: "x.example", Server: "127.0.0.53:53", IsNotFound: true}
	r := failureResult(Options{}.withDefaults(), store.Feed{ID: 1}, time.Now(), fmt.Errorf("poll https://x.example/feed: %w", dns))
	if r.Err != "the site's name could not be found" {
		t.Errorf("stored %q", r.Err)
	}
	r = failureResult(Options{}.withDefaults(), store.Feed{ID: 1}, time.Now(), errors.New("pgx: 10.1.2.3: conn closed"))
	if strings.Contains(r.Err, "10.1.2.3") || r.Err == "" {
		t.Errorf("stored %q", r.Err)
	}
}
