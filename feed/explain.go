package feed

import (
	"context"
	"errors"
	"fmt"
)

// ExplainedError is a fetch error with a reason written for people: what a
// chat reply may say, while Error (which can name hosts and resolver
// addresses) goes only to the log.
type ExplainedError struct {
	Reason string
	Err    error
}

// Error is the whole error, for the log.
func (e *ExplainedError) Error() string { return e.Err.Error() }

// Unwrap returns the error that was explained.
func (e *ExplainedError) Unwrap() error { return e.Err }

// UserMessage returns the reason; bot shows it instead of the error.
func (e *ExplainedError) UserMessage() string { return e.Reason }

// Explain wraps a fetch error in an ExplainedError saying in a few words
// why the fetch failed. nil, a cancelled request and an error it cannot
// name come back unchanged.
func Explain(err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	reason := fetchReason(err)
	if reason == "" {
		return err
	}
	return &ExplainedError{Reason: reason, Err: err}
}

// fetchReason names a fetch failure for people, or "".
func fetchReason(err error) string {
	var status *HTTPStatusError
	switch kind := ErrorKind(err); {
	case errors.Is(err, ErrNotAFeed):
		return "that page is not an RSS or Atom feed and links to none"
	case errors.Is(err, ErrNoContent):
		return "the page has no article text I can read"
	case errors.Is(err, ErrPrivateAddress):
		return "that address is in a private network, which this bot does not fetch from"
	case kind == "refused_url":
		return "that is not an http(s) address this bot can fetch"
	case kind == "http_429":
		return "the site is limiting requests; try again later"
	case errors.As(err, &status):
		return fmt.Sprintf("the site answered with HTTP status %d", status.Code)
	case kind == "dns":
		return "the site's name could not be found"
	case kind == "timeout":
		return "the site took too long to answer"
	case kind == "connection":
		return "the site could not be reached"
	case kind == "too_large":
		return "the response is larger than this bot accepts"
	case kind == "redirects":
		return "the site redirects too many times"
	case kind == "parse":
		return "the feed is not well-formed"
	}
	return ""
}
