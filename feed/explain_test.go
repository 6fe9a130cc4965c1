package feed

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
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
