package feed

import (
	"errors"
	"strconv"
)

// FetchError is the error of a fetch made for a chat user. Error gives the
// whole chain for the log (addresses, resolver messages); UserReason gives
// a short reason that reveals nothing of the network behind the bot.
type FetchError struct {
	URL string
	Err error
}

func (e *FetchError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FetchError) Unwrap() error { return e.Err }

// UserReason says in a few words why the fetch failed, for a chat user.
func (e *FetchError) UserReason() string {
	var status *HTTPStatusError
	switch kind := ErrorKind(e.Err); kind {
	case "refused_url":
		if errors.Is(e.Err, ErrPrivateAddress) {
			return "that address is on a private network, which chat commands may not reach"
		}
		return "that is not an http(s) link I may fetch"
	case "timeout":
		return "the site took too long to answer"
	case "dns":
		return "the site's name does not resolve"
	case "connection":
		return "the site could not be reached"
	case "too_large":
		return "the page is too large"
	case "redirects":
		return "the link redirects too many times"
	case "parse":
		return "that is not a feed I can read"
	case "http_429", "http_4xx", "http_5xx":
		if errors.As(e.Err, &status) {
			return "the site answered with HTTP status " + strconv.Itoa(status.Code)
		}
	}
	if errors.Is(e.Err, ErrNoContent) {
		return "the page has no article text I can read"
	}
	return "the page could not be fetched"
}
