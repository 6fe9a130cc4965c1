package feed

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
)

// TestExplainShowsNoInternals: what a chat user reads about a failed fetch
// names no address, resolver or dial (issue 14 item 8).
func TestExplainShowsNoInternals(t *testing.T) {
	dnsErr := &net.DNSError{Err: "no such host", Name: "intranet.corp", Server: "10.0.0.2:53", IsNotFound: true}
	dial := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 1, 2, 3), Port: 80}, Err: fmt.Errorf("connection refused")}
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("fetch: %w: 10.0.0.5 is private", ErrPrivateAddress), "private network"},
		{fmt.Errorf("fetch: %w", dnsErr), "could not be found"},
		{fmt.Errorf("fetch: %w", dial), "could not be reached"},
		{fmt.Errorf("fetch: %w", context.DeadlineExceeded), "too long"},
		{&HTTPStatusError{Code: 403}, "HTTP status 403"},
		{fmt.Errorf("read body: %w: more than 10 bytes", ErrTooLarge), "larger than"},
		{fmt.Errorf("extract: %w", ErrNoContent), "no article text"},
		{fmt.Errorf("%w: ftp", ErrUnsupportedScheme), "not an http(s) address"},
	}
	for _, tt := range tests {
		var ex *ExplainedError
		if !errors.As(Explain(tt.err), &ex) {
			t.Errorf("Explain(%v) gives no reason", tt.err)
			continue
		}
		got := ex.UserMessage()
		if !strings.Contains(got, tt.want) {
			t.Errorf("UserReason(%v) = %q, want it to say %q", tt.err, got, tt.want)
		}
		for _, internal := range []string{"10.", ":53", "intranet.corp", "dial", "lookup"} {
			if strings.Contains(got, internal) {
				t.Errorf("UserReason(%v) = %q shows %q", tt.err, got, internal)
			}
		}
	}
}
