package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
)

// This file runs the real command handler, store and feed checker behind the
// Discord adapter: what a server member sees for /feeds add.

const testRSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title>
<link>https://harbour.example.com/</link><description>Local news</description>
<item><title>Tram line approved</title><link>https://harbour.example.com/a/1</link></item>
</channel></rss>`

// followUpText returns the visible text of a follow-up: content and embeds.
func followUpText(t *testing.T, raw []byte) string {
	t.Helper()
	var m struct {
		Content string `json:"content"`
		Embeds  []struct {
			Title       string `json:"title"`
			Description string `json:"description"`
		} `json:"embeds"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString(" " + e.Title + " " + e.Description)
	}
	return b.String()
}

func TestFeedsAddEndToEnd(t *testing.T) {
	ctx := t.Context()
	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, testRSS)
	}))
	defer feedSrv.Close()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))

	tests := []struct {
		name         string
		perms        string
		url          string
		allowPrivate bool // the test feed server listens on loopback
		wantText     string
		wantStored   int
	}{
		{"without Manage Server", "2048", feedSrv.URL + "/rss.xml", true, "Manage Server", 0},
		{"with Manage Server", "32", feedSrv.URL + "/rss.xml", true, "Harbour Herald", 1},
		{"private address", "32", "http://10.1.2.3/rss.xml", false, "private", 1},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := newFakeDiscord(t)
			p := feed.NewPoller(st, feed.Options{ChatAllowPrivateNetworks: tc.allowPrivate, Logger: quiet})
			h := &bot.Handler{Store: st, Fetcher: p.ForChat(false), AdminFetcher: p.ForChat(true), Log: quiet}
			b := newTestBot(t, fake, h)
			srv := httptest.NewServer(b.InteractionsHandler())
			defer srv.Close()
			token := "tok-e2e-" + string(rune('a'+i))
			opts := `[{"name":"add","type":1,"options":[{"name":"url","type":3,"value":"` + tc.url + `"},{"name":"lean","type":3,"value":"center"}]}]`
			postInteraction(t, srv, slashJSON("7100", token, tc.perms, "feeds", opts))
			posts := fake.waitFor(t, "/webhooks/"+testAppID+"/"+token, 1)
			checkLimits(t, posts[0].Body)
			text := followUpText(t, posts[0].Body)
			t.Logf("reply: %s", text)
			if !strings.Contains(text, tc.wantText) {
				t.Errorf("reply %q does not mention %q", text, tc.wantText)
			}
			feeds, err := st.Feeds(ctx, "discord:222")
			if err != nil {
				t.Fatal(err)
			}
			if len(feeds) != tc.wantStored {
				t.Errorf("guild 222 has %d feeds, want %d", len(feeds), tc.wantStored)
			}
			other, _ := st.Feeds(ctx, "discord:999")
			if len(other) != 0 {
				t.Errorf("another guild sees %d feeds", len(other))
			}
		})
	}
}

// twoOutletFeeds serves two small feeds, written for this test, that report
// the same event in different words.
func twoOutletFeeds(t *testing.T) *httptest.Server {
	now := time.Now().UTC().Add(-2 * time.Hour).Format(time.RFC1123Z)
	feeds := map[string]string{
		"/herald.xml": `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Herald</title><link>https://harbour.example.com/</link><description>Local news</description>
<item><title>Council approves harbour tram line after long debate</title><link>https://harbour.example.com/a/tram</link><pubDate>` + now + `</pubDate>
<description>The city council voted on Tuesday to build a tram line from the harbour to the university. The line will cost 410 million and construction starts next spring, the mayor said. Supporters said the tram will cut traffic; critics warned about the cost.</description></item>
</channel></rss>`,
		"/ledger.xml": `<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Ledger</title><link>https://ledger.example.net/</link><description>Business</description>
<item><title>Harbour tram line wins council approval despite cost worries</title><link>https://ledger.example.net/tram-vote</link><pubDate>` + now + `</pubDate>
<description>After a long debate the council approved the harbour tram line to the university on Tuesday. The project will cost 410 million. Business owners worry about years of construction, while the mayor promised work starts next spring.</description></item>
</channel></rss>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := feeds[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDigestEndToEnd(t *testing.T) {
	ctx := t.Context()
	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	feedSrv := twoOutletFeeds(t)
	// The chat-added test feeds live on loopback.
	poller := feed.NewPoller(st, feed.Options{ChatAllowPrivateNetworks: true, Logger: quiet})
	var feeds []store.Feed
	for _, path := range []string{"/herald.xml", "/ledger.xml"} {
		f, err := st.AddFeed(ctx, store.Feed{Scope: "discord:222", URL: feedSrv.URL + path, Name: strings.TrimSuffix(path[1:], ".xml")})
		if err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, f)
	}
	poller.Poll(ctx, feeds)
	if _, err := pipeline.New(st, 72*time.Hour, quiet).Process(ctx); err != nil {
		t.Fatal(err)
	}

	fake := newFakeDiscord(t)
	b := newTestBot(t, fake, &bot.Handler{Store: st, Fetcher: poller.ForChat(false), Log: quiet})
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	ans, took := postInteraction(t, srv, slashJSON("7200", "tok-e2e-digest", "0", "digest", `[]`))
	if ans["type"] != float64(5) || took > 100*time.Millisecond {
		t.Errorf("answer %v after %s, want deferred within 100ms", ans, took)
	}
	fake.waitFor(t, "/webhooks/"+testAppID+"/tok-e2e-digest", 1)
	time.Sleep(50 * time.Millisecond) // a second message would have come by now
	posts := fake.requests("/webhooks/" + testAppID + "/tok-e2e-digest")
	if len(posts) != 1 {
		t.Fatalf("/digest answered with %d messages, want one", len(posts))
	}
	checkLimits(t, posts[0].Body)
	text := followUpText(t, posts[0].Body)
	if !strings.Contains(text, "tram") {
		t.Errorf("digest does not show the seeded story")
	}
	if len(posts[0].Files) != 1 || !bytes.HasPrefix(posts[0].Files[0].Data, []byte("\x89PNG")) {
		t.Fatalf("the coverage chart did not arrive with the digest")
	}
	var msg briefJSON
	if err := json.Unmarshal(posts[0].Body, &msg); err != nil {
		t.Fatal(err)
	}
	if len(msg.Components) == 0 || len(msg.Components[0].Components) == 0 {
		t.Fatalf("the digest has no Framing button: %s", posts[0].Body)
	}
	customID := msg.Components[0].Components[0].CustomID
	if !strings.HasPrefix(customID, "nd:compare:") {
		t.Fatalf("button custom_id %q does not carry a story id", customID)
	}

	// The button, pressed: a signed component interaction in, an ephemeral
	// answer with every article's framing and quotes out.
	press := fmt.Appendf(nil, `{"id":"7201","application_id":%q,"type":3,"token":"tok-e2e-press","guild_id":"222","channel_id":"333",
"member":{"user":{"id":"555"},"permissions":"0"},"data":{"custom_id":%q,"component_type":2}}`, testAppID, customID)
	ans, _ = postInteraction(t, srv, press)
	data, _ := ans["data"].(map[string]any)
	if ans["type"] != float64(5) || data == nil || data["flags"] != float64(64) {
		t.Fatalf("button answered %v, want an ephemeral deferred response", ans)
	}
	answers := fake.waitFor(t, "/webhooks/"+testAppID+"/tok-e2e-press", 1)
	var details strings.Builder
	for _, a := range answers {
		checkLimits(t, a.Body)
		var p struct{ Flags int }
		json.Unmarshal(a.Body, &p)
		if p.Flags != 64 {
			t.Errorf("details follow-up flags %d, want ephemeral (64)", p.Flags)
		}
		details.WriteString(followUpText(t, a.Body))
	}
	for _, want := range []string{"How each outlet frames it", "herald", "ledger", "Genre:", "Tone toward the event"} {
		if !strings.Contains(details.String(), want) {
			t.Errorf("the details lack %q:\n%s", want, details.String())
		}
	}
	if !strings.Contains(details.String(), "«") {
		t.Errorf("the details quote nothing:\n%s", details.String())
	}
}
