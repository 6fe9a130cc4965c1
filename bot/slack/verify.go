package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors from request verification; the HTTP handlers answer 401 to each.
var (
	ErrBadSignature = errors.New("slack: request signature does not match")
	ErrStaleRequest = errors.New("slack: request timestamp is more than 5 minutes off")
	ErrReplay       = errors.New("slack: request signature was already seen")
	// ErrReplayCheck means the shared record of handled requests could
	// not be read; the request is refused (503) rather than risk running
	// it twice.
	ErrReplayCheck = errors.New("slack: cannot check for a replay")
)

// signatureWindow is how far a request's timestamp may be from now.
const signatureWindow = 5 * time.Minute

// replayCacheSize bounds the signatures remembered for replay detection.
const replayCacheSize = 50_000

// signature computes Slack's v0 signature of body sent at timestamp.
func signature(secret, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + timestamp + ":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// verify checks the request's X-Slack-Signature over its raw body, the
// timestamp's freshness and that the signature is not a replay.
func (b *Bot) verify(ctx context.Context, h http.Header, body []byte) error {
	ts := h.Get("X-Slack-Request-Timestamp")
	sig := h.Get("X-Slack-Signature")
	if ts == "" || sig == "" {
		return fmt.Errorf("%w: missing X-Slack-Signature or X-Slack-Request-Timestamp", ErrBadSignature)
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: timestamp %q is not a number", ErrStaleRequest, ts)
	}
	now := b.now()
	if d := time.Unix(sec, 0).Sub(now); sec <= 0 || d > signatureWindow || d < -signatureWindow {
		return fmt.Errorf("%w: timestamp %d, now %d", ErrStaleRequest, sec, now.Unix())
	}
	want := signature(b.opts.SigningSecret, ts, body)
	if !strings.HasPrefix(sig, "v0=") || !hmac.Equal([]byte(sig), []byte(want)) {
		return ErrBadSignature
	}
	// A captured request stays valid for the whole window, so a signature
	// seen once is refused until its timestamp has left the window.
	first, err := b.firstSight(ctx, b.replays, "slack-sig:", sig, time.Unix(sec, 0).Add(signatureWindow+time.Minute), now)
	if err != nil {
		return err
	}
	if !first {
		return ErrReplay
	}
	return nil
}

// firstSight reports whether key is new until expires, and records it: in
// the shared store when there is one (every instance, across restarts),
// else in cache. prefix namespaces the key in the shared store.
func (b *Bot) firstSight(ctx context.Context, cache *replayCache, prefix, key string, expires, now time.Time) (bool, error) {
	if b.opts.Seen == nil {
		return cache.add(key, expires, now), nil
	}
	first, err := b.opts.Seen.FirstSeen(ctx, prefix+key, expires, now)
	if err != nil {
		return false, fmt.Errorf("%w: %v", ErrReplayCheck, err)
	}
	return first, nil
}

// replayCache remembers signatures until they expire. It is bounded: when
// full it forgets the entry that expires first. Only correctly signed
// requests are added, so an outsider cannot flood it.
type replayCache struct {
	mu    sync.Mutex
	max   int
	seen  map[string]time.Time
	order []replayEntry // insertion order, roughly by expiry
}

type replayEntry struct {
	sig     string
	expires time.Time
}

func newReplayCache(max int) *replayCache {
	return &replayCache{max: max, seen: make(map[string]time.Time)}
}

// add records sig and reports whether it was new (or had expired).
func (c *replayCache) add(sig string, expires, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.evict(now)
	if exp, ok := c.seen[sig]; ok && now.Before(exp) {
		return false
	}
	for len(c.order) >= c.max {
		c.drop()
	}
	c.seen[sig] = expires
	c.order = append(c.order, replayEntry{sig, expires})
	return true
}

// evict drops expired entries from the front of the queue.
func (c *replayCache) evict(now time.Time) {
	for len(c.order) > 0 && !now.Before(c.order[0].expires) {
		c.drop()
	}
	// Compact now and then so the slice does not grow without bound.
	if cap(c.order) > 4*c.max && len(c.order) < c.max {
		c.order = append([]replayEntry(nil), c.order...)
	}
}

func (c *replayCache) drop() {
	e := c.order[0]
	c.order = c.order[1:]
	if exp, ok := c.seen[e.sig]; ok && exp.Equal(e.expires) {
		delete(c.seen, e.sig)
	}
}
