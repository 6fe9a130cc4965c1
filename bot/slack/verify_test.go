package slack

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestVerifyErrors(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	b := &Bot{opts: Options{SigningSecret: "secret"}, now: func() time.Time { return now }, replays: newReplayCache(10)}
	body := []byte("text=help")
	header := func(ts int64, sig string) http.Header {
		h := http.Header{}
		h.Set("X-Slack-Request-Timestamp", strconv.FormatInt(ts, 10))
		h.Set("X-Slack-Signature", sig)
		return h
	}
	good := signature("secret", "1700000000", body)
	for _, tc := range []struct {
		name string
		h    http.Header
		want error
	}{
		{"stale", header(now.Unix()-301, signature("secret", strconv.FormatInt(now.Unix()-301, 10), body)), ErrStaleRequest},
		{"future", header(now.Unix()+301, signature("secret", strconv.FormatInt(now.Unix()+301, 10), body)), ErrStaleRequest},
		{"huge timestamp", header(1<<62, good), ErrStaleRequest},
		{"negative timestamp", header(-1<<62, good), ErrStaleRequest},
		{"v1 signature", header(now.Unix(), "v1="+good[3:]), ErrBadSignature},
		{"truncated", header(now.Unix(), good[:20]), ErrBadSignature},
		{"valid", header(now.Unix(), good), nil},
		{"replay", header(now.Unix(), good), ErrReplay},
	} {
		if err := b.verify(t.Context(), tc.h, body); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	// After the window, the same signature is refused as stale, not kept.
	now = now.Add(10 * time.Minute)
	if err := b.verify(t.Context(), header(1_700_000_000, good), body); !errors.Is(err, ErrStaleRequest) {
		t.Errorf("old replay: %v", err)
	}
}

func TestReplayCacheBounded(t *testing.T) {
	c := newReplayCache(3)
	now := time.Unix(1000, 0)
	for i := range 5 {
		if !c.add(fmt.Sprint(i), now.Add(time.Minute), now) {
			t.Fatalf("%d refused", i)
		}
	}
	if len(c.seen) != 3 || len(c.order) != 3 {
		t.Fatalf("cache holds %d/%d, want 3", len(c.seen), len(c.order))
	}
	if c.add("4", now.Add(time.Minute), now) {
		t.Error("a recent signature was accepted twice")
	}
	if !c.add("4", now.Add(3*time.Minute), now.Add(2*time.Minute)) {
		t.Error("an expired signature is still refused")
	}
}
