package slack

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

var testChannel = bot.Channel{Platform: "slack", Scope: "slack:T0001", ID: "C0001"}

func TestPostDigestWithinLimits(t *testing.T) {
	f := newFakeSlack(t)
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	m := sampleMessage()
	ids, err := b.Post(t.Context(), testChannel, "d-1", m)
	if err != nil {
		t.Fatal(err)
	}
	posts := f.sent()
	if len(ids) != 1 || len(posts) != 1 || ids[0] != posts[0].TS {
		t.Fatalf("ids %v, posts %d", ids, len(posts))
	}
	checkLimits(t, posts[0].Blocks)
	text := allText(posts[0].Blocks)
	for _, s := range m.Sections {
		if !strings.Contains(text, escape(s.Heading)) {
			t.Errorf("story %q missing from the post", s.Heading)
		}
	}
	md := posts[0].Metadata
	payload, _ := md["event_payload"].(map[string]any)
	if md["event_type"] != deliveryEventType || payload["delivery_id"] != "d-1" {
		t.Errorf("metadata = %v", md)
	}
}

func TestPostSplitsLargeDigestIntoThread(t *testing.T) {
	f := newFakeSlack(t)
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	m := bigMessage(10)
	ids, err := b.Post(t.Context(), testChannel, "d-big", m)
	if err != nil {
		t.Fatal(err)
	}
	posts := f.sent()
	if len(posts) < 3 || len(ids) != len(posts) {
		t.Fatalf("%d posts, %d ids; want the digest split", len(posts), len(ids))
	}
	if posts[0].ThreadTS != "" {
		t.Errorf("first post is a reply")
	}
	var text strings.Builder
	for i, p := range posts {
		checkLimits(t, p.Blocks)
		if i > 0 && p.ThreadTS != posts[0].TS {
			t.Errorf("post %d: thread_ts %q, want %q", i, p.ThreadTS, posts[0].TS)
		}
		text.WriteString(allText(p.Blocks))
	}
	for _, s := range m.Sections {
		if strings.Count(text.String(), s.Heading) < 2 {
			t.Errorf("story %q should be in the overview and in the thread", s.Heading)
		}
	}
}

func TestPostEscapesHeadlines(t *testing.T) {
	f := newFakeSlack(t)
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	m := bot.Message{Sections: []bot.Section{{
		Heading: "Minister <!channel> resigns <http://evil.example|x>",
		Text:    "Read more at <http://evil.example|the source> & <!here>",
	}}}
	if _, err := b.Post(t.Context(), testChannel, "", m); err != nil {
		t.Fatal(err)
	}
	p := f.sent()[0]
	got := mrkdwnText(p.Blocks) + p.Text
	for _, bad := range []string{"<!channel>", "<!here>", "<http://evil"} {
		if strings.Contains(got, bad) {
			t.Errorf("post contains %q: %s", bad, got)
		}
	}
	if !strings.Contains(got, "Minister &lt;!channel&gt; resigns &lt;http://evil.example|x&gt;") {
		t.Errorf("headline not escaped as expected: %s", got)
	}
}

func TestPostWaitsOutRateLimit(t *testing.T) {
	f := newFakeSlack(t)
	f.failPost = func(attempt int, _ sentMessage) (int, http.Header, string, bool) {
		if attempt == 1 {
			return http.StatusTooManyRequests, http.Header{"Retry-After": {"1"}}, `{"ok":false,"error":"ratelimited"}`, true
		}
		return 0, nil, "", false
	}
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	start := time.Now()
	ids, err := b.Post(t.Context(), testChannel, "d-429", sampleMessage())
	if err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	attempts, at := f.attempts, append([]time.Time(nil), f.attemptAt...)
	f.mu.Unlock()
	if attempts != 2 || len(f.sent()) != 1 || len(ids) != 1 {
		t.Fatalf("attempts %d, posts %d, ids %v; want one 429 then one post", attempts, len(f.sent()), ids)
	}
	if gap := at[1].Sub(at[0]); gap < time.Second {
		t.Errorf("retried after %v, want at least Retry-After (1s)", gap)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
}

func TestPostRateLimitedUntilGiveUpTellsTheWait(t *testing.T) {
	f := newFakeSlack(t)
	f.failPost = func(int, sentMessage) (int, http.Header, string, bool) {
		return http.StatusTooManyRequests, http.Header{"Retry-After": {"1"}}, `{"ok":false,"error":"ratelimited"}`, true
	}
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	b.maxAttempts = 2
	var limits atomic.Int32
	b.opts.OnRateLimited = func() { limits.Add(1) }
	_, err := b.Post(t.Context(), testChannel, "d-429-always", sampleMessage())
	if n := limits.Load(); n != 2 {
		t.Errorf("OnRateLimited called %d times for 2 answers of 429", n)
	}
	if !errors.Is(err, ErrRateLimited) {
		t.Fatalf("err = %v, want ErrRateLimited", err)
	}
	var r interface{ RetryAfter() time.Duration }
	if !errors.As(err, &r) || r.RetryAfter() != time.Second {
		t.Errorf("error %v does not tell the outbox to wait 1s", err)
	}
	if errors.Is(err, bot.ErrPermanent) || len(f.sent()) != 0 {
		t.Errorf("a rate limit is neither permanent nor a post: err %v, %d posts", err, len(f.sent()))
	}
}

func TestPostRetriesTransientErrors(t *testing.T) {
	f := newFakeSlack(t)
	f.failPost = func(attempt int, _ sentMessage) (int, http.Header, string, bool) {
		if attempt <= 2 {
			return http.StatusServiceUnavailable, nil, "busy", true
		}
		return 0, nil, "", false
	}
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	if _, err := b.Post(t.Context(), testChannel, "d-503", sampleMessage()); err != nil {
		t.Fatal(err)
	}
	if n := len(f.sent()); n != 1 {
		t.Fatalf("%d posts, want 1", n)
	}
}

// TestPostAfterCrashDoesNotRepeat simulates a process that posted a
// delivery and died before recording it: a new process (a new Bot, with
// nothing in memory) is asked to post the same delivery again.
func TestPostAfterCrashDoesNotRepeat(t *testing.T) {
	f := newFakeSlack(t)
	first := newTestBot(t, f, newFakeHandler(bot.Message{}))
	ids1, err := first.Post(t.Context(), testChannel, "sched-42", sampleMessage())
	if err != nil {
		t.Fatal(err)
	}
	restarted := newTestBot(t, f, newFakeHandler(bot.Message{}))
	ids2, err := restarted.Post(t.Context(), testChannel, "sched-42", sampleMessage())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.sent()); n != 1 {
		t.Fatalf("%d posts after the retry, want 1", n)
	}
	if fmt.Sprint(ids1) != fmt.Sprint(ids2) {
		t.Errorf("ids %v then %v", ids1, ids2)
	}
	// Another delivery to the same channel is posted.
	if _, err := restarted.Post(t.Context(), testChannel, "sched-43", sampleMessage()); err != nil {
		t.Fatal(err)
	}
	if n := len(f.sent()); n != 2 {
		t.Fatalf("%d posts, want 2", n)
	}
}

// TestPostResumesPartialDelivery: the process died after some parts of a
// split digest; the retry posts only the missing ones, in the same thread.
func TestPostResumesPartialDelivery(t *testing.T) {
	f := newFakeSlack(t)
	f.failPost = func(attempt int, _ sentMessage) (int, http.Header, string, bool) {
		if attempt == 3 {
			return http.StatusOK, nil, `{"ok":false,"error":"invalid_auth"}`, true
		}
		return 0, nil, "", false
	}
	first := newTestBot(t, f, newFakeHandler(bot.Message{}))
	m := bigMessage(10)
	if _, err := first.Post(t.Context(), testChannel, "sched-7", m); err == nil {
		t.Fatal("want the failure of part 3")
	}
	if n := len(f.sent()); n != 2 {
		t.Fatalf("%d parts posted before the failure, want 2", n)
	}
	restarted := newTestBot(t, f, newFakeHandler(bot.Message{}))
	ids, err := restarted.Post(t.Context(), testChannel, "sched-7", m)
	if err != nil {
		t.Fatal(err)
	}
	posts := f.sent()
	want := len(render(m))
	if len(posts) != want || len(ids) != want {
		t.Fatalf("%d posts, %d ids, want %d", len(posts), len(ids), want)
	}
	seen := map[float64]bool{}
	for i, p := range posts {
		part := p.Metadata["event_payload"].(map[string]any)["part"].(float64)
		if seen[part] {
			t.Errorf("part %v posted twice", part)
		}
		seen[part] = true
		if i > 0 && p.ThreadTS != posts[0].TS {
			t.Errorf("post %d not in the thread", i)
		}
	}
}

func TestPostErrors(t *testing.T) {
	for _, tc := range []struct {
		code      string
		want      error
		permanent bool // stops the channel's schedule: only this channel is affected
	}{
		{"not_in_channel", ErrNotInChannel, true},
		{"channel_not_found", ErrChannelNotFound, true},
		{"is_archived", ErrArchived, true},
		{"missing_scope", ErrMissingScope, false},
	} {
		t.Run(tc.code, func(t *testing.T) {
			f := newFakeSlack(t)
			f.failPost = func(int, sentMessage) (int, http.Header, string, bool) {
				return http.StatusOK, nil, `{"ok":false,"error":"` + tc.code + `","needed":"chat:write.public"}`, true
			}
			b := newTestBot(t, f, newFakeHandler(bot.Message{}))
			_, err := b.Post(t.Context(), testChannel, "", sampleMessage())
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if got := errors.Is(err, bot.ErrPermanent); got != tc.permanent {
				t.Errorf("errors.Is(%v, bot.ErrPermanent) = %v, want %v", err, got, tc.permanent)
			}
			if tc.want == ErrMissingScope && !strings.Contains(err.Error(), "chat:write.public") {
				t.Errorf("missing_scope error does not name the scope: %v", err)
			}
			f.mu.Lock()
			attempts := f.attempts
			f.mu.Unlock()
			if attempts != 1 {
				t.Errorf("%d attempts; a permanent error must not be retried", attempts)
			}
		})
	}
	f := newFakeSlack(t)
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	if _, err := b.Post(t.Context(), bot.Channel{Platform: "discord", ID: "1"}, "", sampleMessage()); err == nil {
		t.Error("posting to a discord channel should fail")
	}
}

func TestPostPacesPerChannel(t *testing.T) {
	f := newFakeSlack(t)
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	b.pacer = newPacer(150 * time.Millisecond)
	start := time.Now()
	for i := range 3 {
		if _, err := b.Post(t.Context(), testChannel, "", bot.Message{Text: fmt.Sprint("post ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	// The fake server's arrival times jitter with the machine's load; the
	// pacer's slots do not: the third post cannot start before two
	// intervals have passed. TestPacerSlots checks the slots exactly.
	if took := time.Since(start); took < 300*time.Millisecond {
		t.Errorf("three posts to one channel took %v, want ≥ 300ms", took)
	}
}

func TestPacerSlots(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPacer(150 * time.Millisecond)
		start := time.Now()
		var got []time.Duration
		for range 3 {
			if err := p.wait(t.Context(), "C1"); err != nil {
				t.Fatal(err)
			}
			got = append(got, time.Since(start))
		}
		want := []time.Duration{0, 150 * time.Millisecond, 300 * time.Millisecond}
		if !slices.Equal(got, want) {
			t.Errorf("posts to one channel at %v, want %v", got, want)
		}
		before := time.Now()
		if err := p.wait(t.Context(), "C2"); err != nil {
			t.Fatal(err)
		}
		if waited := time.Since(before); waited != 0 {
			t.Errorf("another channel waited %v, want 0", waited)
		}
	})
}
