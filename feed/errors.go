package feed

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"strconv"

	"github.com/newsdigest/newsdigest/internal/urlrule"
)

// Sentinel errors of package feed, matched with errors.Is.
var (
	// ErrNotModified means the server answered 304 (or a file's modification
	// time did not change): the feed is unchanged since the last fetch.
	ErrNotModified = errors.New("feed: not modified")
	// ErrTooLarge means a body, compressed or decompressed, exceeded the limit.
	ErrTooLarge = errors.New("feed: response too large")
	// ErrPrivateAddress means a host resolved to a loopback, private,
	// link-local, multicast, reserved or unspecified address (or an IPv6
	// form of one) and private networks are not allowed; it is
	// urlrule.ErrPrivateAddress.
	ErrPrivateAddress = urlrule.ErrPrivateAddress
	// ErrTooManyRedirects means the redirect chain was longer than allowed
	// (or looped).
	ErrTooManyRedirects = errors.New("feed: too many redirects")
	// ErrUnsupportedScheme means a URL is not http(s), or is file:// where
	// only the config file may use it; it is urlrule.ErrUnsupportedScheme.
	ErrUnsupportedScheme = urlrule.ErrUnsupportedScheme
	// ErrInvalidURL means a URL could not be parsed or has no host; it is
	// urlrule.ErrInvalidURL.
	ErrInvalidURL = urlrule.ErrInvalidURL
	// ErrHTTPStatus means the server answered with an unexpected status code.
	ErrHTTPStatus = errors.New("feed: unexpected HTTP status")
	// ErrNotAFeed means the document is neither a feed nor an HTML page that
	// links to one.
	ErrNotAFeed = errors.New("feed: not a feed")
	// ErrNoContent means article extraction found no readable text.
	ErrNoContent = errors.New("feed: no readable content")
)

// errParse starts the error of a document the feed parser rejected.
var errParse = errors.New("parse feed")

// ErrorKind names the kind of a fetch or parse error with a short, fixed
// label for metrics and logs: timeout, dns, connection, http_429,
// http_4xx, http_5xx, too_large, refused_url, redirects, parse, file or
// other. It returns "" for nil.
func ErrorKind(err error) string {
	var (
		status *HTTPStatusError
		dns    *net.DNSError
		netErr net.Error
		opErr  *net.OpError
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &status):
		switch {
		case status.Code == 429:
			return "http_429"
		case status.Code >= 500:
			return "http_5xx"
		}
		return "http_4xx"
	case errors.As(err, &dns):
		return "dns"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrPrivateAddress), errors.Is(err, ErrInvalidURL), errors.Is(err, ErrUnsupportedScheme):
		return "refused_url"
	case errors.Is(err, ErrTooManyRedirects):
		return "redirects"
	case errors.Is(err, ErrNotAFeed), errors.Is(err, errParse):
		return "parse"
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return "file"
	case errors.As(err, &opErr):
		return "connection"
	}
	return "other"
}

// HTTPStatusError is the error for a non-success HTTP status. It matches
// ErrHTTPStatus with errors.Is and carries the server's Retry-After, if any.
type HTTPStatusError struct {
	Code       int
	RetryAfter string // raw Retry-After header on 429/503
}

// Error names the unexpected status.
func (e *HTTPStatusError) Error() string {
	return "feed: unexpected HTTP status " + strconv.Itoa(e.Code)
}

// Is reports whether target is ErrHTTPStatus.
func (e *HTTPStatusError) Is(target error) bool { return target == ErrHTTPStatus }
