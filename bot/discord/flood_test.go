package discord

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/testseed"
	"github.com/newsdigest/newsdigest/store"
)

// TestStoryOfAHugeHeadlineIsShort is finding 3 of issue 14 through a signed
// interaction: a story whose headline runs to 300 KB is answered in at most
// maxParts follow-ups (once, 1,800), the last saying how many more there
// were.
func TestStoryOfAHugeHeadlineIsShort(t *testing.T) {
	now := time.Now().UTC()
	huge := "Flooding headline " + strings.Repeat("again and again ", 300_000/16)
	st := testseed.Store(t, now, []store.Feed{{URL: "https://flood.example/rss", Name: "Flood"}},
		[]testseed.Article{{Feed: 0, Title: huge, Body: "The river rose on Tuesday. Streets near the quay were closed."}})
	fake := newFakeDiscord(t)
	b := newTestBot(t, fake, &bot.Handler{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	postInteraction(t, srv, slashJSON("7300", "tok-flood", "0", "story", `[{"name":"query","type":3,"value":"flooding headline"}]`))
	fake.waitFor(t, "/webhooks/"+testAppID+"/tok-flood", maxParts)
	time.Sleep(200 * time.Millisecond) // anything past the ceiling would arrive now
	posts := fake.requests("/webhooks/" + testAppID + "/tok-flood")
	if len(posts) != maxParts {
		t.Fatalf("/story became %d follow-ups, want the ceiling, %d", len(posts), maxParts)
	}
	for _, p := range posts {
		checkLimits(t, p.Body)
	}
	if last := followUpText(t, posts[len(posts)-1].Body); !strings.Contains(last, "more messages not shown") {
		t.Errorf("last follow-up %q does not say more were cut", last)
	}
}
