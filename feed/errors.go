package feed

import (
	"errors"
	"strconv"
)

// Sentinel errors of package feed, matched with errors.Is.
var (
	// ErrNotModified means the server answered 304 (or a file's modification
	// time did not change): the feed is unchanged since the last fetch.
	ErrNotModified = errors.New("feed: not modified")
	// ErrTooLarge means a body, compressed or decompressed, exceeded the limit.
	ErrTooLarge = errors.New("feed: response too large")
	// ErrPrivateAddress means a host resolved to a loopback, private,
	// link-local, multicast or unspecified address and private networks are
	// not allowed.
	ErrPrivateAddress = errors.New("feed: refusing to connect to a private network address")
	// ErrTooManyRedirects means the redirect chain was longer than allowed
	// (or looped).
	ErrTooManyRedirects = errors.New("feed: too many redirects")
	// ErrUnsupportedScheme means a URL is not http(s), or is file:// where
	// only the config file may use it.
	ErrUnsupportedScheme = errors.New("feed: unsupported URL scheme")
	// ErrInvalidURL means a URL could not be parsed or has no host.
	ErrInvalidURL = errors.New("feed: invalid URL")
	// ErrHTTPStatus means the server answered with an unexpected status code.
	ErrHTTPStatus = errors.New("feed: unexpected HTTP status")
	// ErrNotAFeed means the document is neither a feed nor an HTML page that
	// links to one.
	ErrNotAFeed = errors.New("feed: not a feed")
	// ErrNoContent means article extraction found no readable text.
	ErrNoContent = errors.New("feed: no readable content")
)

// HTTPStatusError is the error for a non-success HTTP status. It matches
// ErrHTTPStatus with errors.Is and carries the server's Retry-After, if any.
type HTTPStatusError struct {
	Code       int
	RetryAfter string // raw Retry-After header on 429/503
}

func (e *HTTPStatusError) Error() string {
	return "feed: unexpected HTTP status " + strconv.Itoa(e.Code)
}

// Is reports whether target is ErrHTTPStatus.
func (e *HTTPStatusError) Is(target error) bool { return target == ErrHTTPStatus }
