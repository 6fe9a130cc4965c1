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

// seededHandler returns the real command handler over an in-memory store
// holding two stories from two feeds, one headline hostile.
func seededHandler(t *testing.T, now time.Time) *bot.Handler {
	t.Helper()
	st := testseed.Store(t, now, []store.Feed{
		{URL: "https://northgate.example/rss", Name: "Northgate Times", Lean: "left"},
		{URL: "https://southbank.example/rss", Name: "Southbank Herald", Lean: "right"},
	}, []testseed.Article{
		{Feed: 0, Title: "Tram line to the airport opens", Body: "The new tram line to the airport carried its first passengers on Friday. The ride from the central station takes twenty minutes. Tickets cost three marks."},
		{Feed: 1, Title: "Airport tram opens to passengers", Body: "Passengers rode the airport tram for the first time on Friday. The trip from the central station lasts twenty minutes and tickets cost three marks. Taxi drivers protested outside."},
		{Feed: 1, Title: "Library extends opening hours <!channel> <http://evil.example|click>", Body: "The city library will stay open until ten in the evening from next month. The council approved the extra staff on Wednesday."},
	})
	return &bot.Handler{Store: st, Now: func() time.Time { return now }}
}

// TestDigestCommandEndToEnd: /newsdigest digest 1d, signed, through the real
// handler and a seeded store, arrives in the channel as Block Kit within
// the limits, with every story and the hostile headlines escaped.
func TestDigestCommandEndToEnd(t *testing.T) {
	now := time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)
	h := seededHandler(t, now)
	want := h.Handle(t.Context(), bot.Command{Platform: "slack", Scope: "slack:T0001", Name: "digest", Args: map[string]string{"since": "1d"}})
	if len(want.Sections) < 2 {
		t.Fatalf("the seeded store gives %d stories: %+v", len(want.Sections), want)
	}

	f := newFakeSlack(t)
	sink := newResponseSink(t)
	b := newTestBot(t, f, h)
	w := httptest.NewRecorder()
	b.CommandsHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), commandForm("digest 1d", sink.srv.URL)))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	b.wait()
	posts := f.sent()
	if len(posts) == 0 {
		t.Fatal("no digest posted")
	}
	var text strings.Builder
	for _, p := range posts {
		checkLimits(t, p.Blocks)
		text.WriteString(mrkdwnText(p.Blocks))
	}
	for _, s := range want.Sections {
		if !strings.Contains(text.String(), escape(s.Heading)) {
			t.Errorf("story %q is not in the posts", s.Heading)
		}
	}
	for _, bad := range []string{"<!channel>", "<http://evil"} {
		if strings.Contains(text.String(), bad) {
			t.Errorf("posted mrkdwn contains %q", bad)
		}
	}
	if !strings.Contains(text.String(), "&lt;!channel&gt;") {
		t.Errorf("escaped <!channel> headline missing:\n%s", text.String())
	}
}
