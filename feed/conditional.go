package feed

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// setConditional adds the validators of the previous fetch, so an unchanged
// feed costs the server a 304 and no body.
func setConditional(req *http.Request, etag, lastModified string) {
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
}

// maxAge returns the Cache-Control max-age (or s-maxage) of h, 0 if none.
func maxAge(h http.Header) time.Duration {
	var best time.Duration
	for _, v := range h.Values("Cache-Control") {
		for _, directive := range strings.Split(v, ",") {
			name, value, ok := strings.Cut(strings.TrimSpace(directive), "=")
			if !ok {
				continue
			}
			name = strings.ToLower(strings.TrimSpace(name))
			if name != "max-age" && name != "s-maxage" {
				continue
			}
			secs, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(value), `"`), 10, 64)
			if err != nil || secs <= 0 {
				continue
			}
			if d := time.Duration(min(secs, int64(365*24*3600))) * time.Second; d > best {
				best = d
			}
		}
	}
	return best
}

// retryAfter parses a Retry-After value, either delay seconds or an
// HTTP-date, into a wait from now. It returns 0 for an absent or bad value.
func retryAfter(value string, now time.Time) time.Duration {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, int64(365*24*3600))) * time.Second
	}
	if t, err := http.ParseTime(value); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
