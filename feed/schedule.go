package feed

import (
	"errors"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// maxBackoffShift bounds the exponent of the failure back-off.
const maxBackoffShift = 16

// scheduleSuccess returns the next check after a successful (or 304) fetch:
// the largest of the configured interval, the feed's <ttl>, the server's
// Cache-Control max-age, clamped to [MinInterval, MaxInterval].
func scheduleSuccess(opts Options, now time.Time, ttl, maxAge time.Duration) time.Time {
	wait := max(opts.DefaultInterval, ttl, maxAge)
	return now.Add(clamp(wait, opts.MinInterval, opts.MaxInterval))
}

// scheduleFailure returns the next check and health after a failed fetch.
// The wait doubles with each consecutive failure; a Retry-After from a 429
// or 503 is honoured when it asks for longer. After MaxFailures consecutive
// failures the feed is unhealthy (it is still polled, at the longest
// interval, so it recovers by itself).
func scheduleFailure(opts Options, now time.Time, errorCount int, err error) (next time.Time, unhealthy bool) {
	shift := min(max(errorCount-1, 0), maxBackoffShift)
	wait := opts.DefaultInterval << shift
	if wait <= 0 || wait > opts.MaxInterval { // overflow or past the ceiling
		wait = opts.MaxInterval
	}
	var se *HTTPStatusError
	if errors.As(err, &se) {
		if ra := retryAfter(se.RetryAfter, now); ra > wait {
			wait = ra
		}
	}
	unhealthy = errorCount >= opts.MaxFailures
	if unhealthy {
		wait = opts.MaxInterval
	}
	return now.Add(clamp(wait, opts.MinInterval, opts.MaxInterval)), unhealthy
}

func clamp(d, lo, hi time.Duration) time.Duration {
	return min(max(d, lo), hi)
}

// failureResult is the FetchResult of a failed poll of f.
func failureResult(opts Options, f store.Feed, now time.Time, err error) store.FetchResult {
	count := f.ErrorCount + 1
	next, unhealthy := scheduleFailure(opts, now, count, err)
	return store.FetchResult{
		FeedID:       f.ID,
		ETag:         f.ETag,
		LastModified: f.LastModified,
		CheckedAt:    now,
		NextCheckAt:  next,
		Err:          storedReason(err),
		ErrorCount:   count,
		Unhealthy:    unhealthy,
	}
}

// storedReason is what a feed's last error keeps: the failure in words
// (see Explain), which chat shows to channel members in feed lists and
// health notices. The full error, which can name hosts and resolver
// addresses, is in the poller's "feed polled" log line.
func storedReason(err error) string {
	if r := fetchReason(err); r != "" {
		return r
	}
	return "the feed could not be read (the bot's log has the details)"
}
