package slack

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/testseed"
	"github.com/newsdigest/newsdigest/store"
)

// TestStoryOfAHugeHeadlineIsPrivateAndShort is finding 3 of issue 14
// through a signed slash command: a story whose headline runs to 300 KB
// (stored before ingestion capped fields, or any text that long) is
// answered to its asker only, in at most maxPosts posts, the last saying
// how many more there were.
func TestStoryOfAHugeHeadlineIsPrivateAndShort(t *testing.T) {
	now := time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)
	huge := "Flooding headline " + strings.Repeat("again and again ", 300_000/16)
	st := testseed.Store(t, now, []store.Feed{{URL: "https://flood.example/rss", Name: "Flood"}},
		[]testseed.Article{{Feed: 0, Title: huge, Body: "The river rose on Tuesday. Streets near the quay were closed."}})
	h := &bot.Handler{Store: st, Now: func() time.Time { return now }}

	f := newFakeSlack(t)
	sink := newResponseSink(t)
	b := newTestBot(t, f, h)
	w := httptest.NewRecorder()
	b.CommandsHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), commandForm("story flooding headline", sink.srv.URL)))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	b.wait()
	if public := f.sent(); len(public) != 0 {
		t.Fatalf("/story posted %d public messages, want it private", len(public))
	}
	sink.mu.Lock()
	viaURL := append([]map[string]any(nil), sink.msgs...)
	sink.mu.Unlock()
	f.mu.Lock()
	ephemeral := append([]sentMessage(nil), f.ephemeral...)
	f.mu.Unlock()
	for _, m := range viaURL {
		if m["response_type"] != "ephemeral" {
			t.Errorf("response_url post with response_type %v", m["response_type"])
		}
	}
	total := len(viaURL) + len(ephemeral)
	if total != maxPosts {
		t.Fatalf("/story became %d posts, want the ceiling, %d", total, maxPosts)
	}
	if last := ephemeral[len(ephemeral)-1].Text; !strings.Contains(last, "more posts not shown") {
		t.Errorf("last post %q does not say more were cut", last)
	}
}

func TestCeilingKeepsShortAnswers(t *testing.T) {
	short := render(bot.Message{Text: "one line"})
	if got := ceiling(short); len(got) != len(short) {
		t.Errorf("ceiling changed a %d-post answer to %d posts", len(short), len(got))
	}
	long := render(bot.Message{Title: "Long", Sections: []bot.Section{{Heading: "H", Text: strings.Repeat("word ", 200_000)}}})
	if len(long) > maxPosts || !strings.Contains(long[len(long)-1].Text, "more posts not shown") {
		t.Errorf("a 1 MB answer renders as %d posts", len(long))
	}
	for _, blocks := range blocksJSON(t, long) {
		checkLimits(t, blocks)
	}
}
