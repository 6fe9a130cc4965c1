package slack

import (
	"bytes"
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
	top, replies := topLevel(f.sent())
	if len(top) != 1 {
		t.Fatalf("%d top-level messages, want the digest alone", len(top))
	}
	checkLimits(t, top[0].Blocks)
	text := mrkdwnText(top[0].Blocks)
	for _, s := range want.Sections {
		if !strings.Contains(text, escape(s.Heading)) {
			t.Errorf("story %q is not in the digest", s.Heading)
		}
	}
	for _, bad := range []string{"<!channel>", "<http://evil"} {
		if strings.Contains(text, bad) {
			t.Errorf("posted mrkdwn contains %q", bad)
		}
	}
	if !strings.Contains(text, "&lt;!channel&gt;") {
		t.Errorf("escaped <!channel> headline missing:\n%s", text)
	}
	// The details: one thread reply under the digest with every article's
	// outlet and framing, and the chart uploaded into the same thread.
	var details []sentMessage
	shares := 0
	for _, r := range replies {
		if r.ThreadTS != top[0].TS {
			t.Errorf("reply with thread_ts %q, want the digest's %q", r.ThreadTS, top[0].TS)
		}
		if len(r.Files) > 0 {
			shares++
			continue
		}
		details = append(details, r)
	}
	if len(details) != 1 || shares != 1 {
		t.Fatalf("%d detail replies and %d file shares in the thread, want one of each", len(details), shares)
	}
	checkLimits(t, details[0].Blocks)
	dt := mrkdwnText(details[0].Blocks)
	for _, wantText := range []string{"Northgate Times (left)", "Southbank Herald (right)", "tone "} {
		if !strings.Contains(dt, wantText) {
			t.Errorf("details lack %q:\n%s", wantText, dt)
		}
	}
	if strings.Contains(dt, "<!channel>") {
		t.Errorf("details contain an unescaped <!channel>")
	}
	ups := f.uploads()
	if len(ups) != 1 || !bytes.HasPrefix(ups[0].Data, []byte("\x89PNG")) || ups[0].AltText == "" {
		t.Errorf("the chart was not uploaded with alt text: %d uploads", len(ups))
	}
}
