package discord

import (
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

// inGuild rewrites a slashJSON interaction to come from another guild.
func inGuild(body []byte, guild string) []byte {
	return []byte(strings.Replace(string(body), `"guild_id":"222"`, `"guild_id":"`+guild+`"`, 1))
}

// TestPoisonedMirrorStaysInItsServer is finding 2 of issue 14 end to end:
// server 111 mirrors an outlet's feed with words the outlet never wrote,
// and polls before the operator does. Server 222 and the operator must
// still see the outlet's words; nobody outside server 111 may look up its
// private articles; server 111's own digest shows the URL once.
func TestPoisonedMirrorStaysInItsServer(t *testing.T) {
	ctx := t.Context()
	pub := time.Now().UTC().Add(-2 * time.Hour).Format(time.RFC1123Z)
	const story = "https://outlet.example.com/2026/tram-vote"
	item := func(title, text, link string) string {
		return `<item><title>` + title + `</title><link>` + link + `</link><pubDate>` + pub + `</pubDate><description>` + text + `</description></item>`
	}
	docs := map[string]string{
		"/outlet.xml": `<rss version="2.0"><channel><title>Outlet</title>` +
			item("Council approves harbour tram line", "The city council voted on Tuesday to build a tram line from the harbour to the university. The line will cost 410 million.", story) +
			`</channel></rss>`,
		"/mirror.xml": `<rss version="2.0"><channel><title>Mirror</title>` +
			item("Council caves to tram cartel in rigged vote", "Corrupt councillors rigged the tram vote on Tuesday for their cronies, a scandal of 410 million.", story) +
			item("Members-only memo on the tram campaign", "Our private plan for the tram campaign: leaflets on Friday and a rally on Sunday.", "https://private.example.org/memo") +
			`</channel></rss>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, docs[r.URL.Path])
	}))
	defer srv.Close()

	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	// The test feeds live on loopback: allow it for both kinds of feed.
	poller := feed.NewPoller(st, feed.Options{AllowPrivateNetworks: true, ChatAllowPrivateNetworks: true, Logger: quiet})
	mirror, err := st.AddFeed(ctx, store.Feed{Scope: "discord:111", URL: srv.URL + "/mirror.xml", Name: "Mirror"})
	if err != nil {
		t.Fatal(err)
	}
	operator, err := st.SyncConfigFeeds(ctx, []store.Feed{{URL: srv.URL + "/outlet.xml", Name: "Outlet", FromConfig: true}})
	if err != nil {
		t.Fatal(err)
	}
	poller.Poll(ctx, []store.Feed{mirror}) // the mirror is first to see the URL
	poller.Poll(ctx, operator)
	if _, err := pipeline.New(st, 72*time.Hour, quiet).Process(ctx); err != nil {
		t.Fatal(err)
	}

	fake := newFakeDiscord(t)
	b := newTestBot(t, fake, &bot.Handler{Store: st, Fetcher: poller.ForChat(false), Log: quiet})
	api := httptest.NewServer(b.InteractionsHandler())
	defer api.Close()
	ask := func(guild, token, name, options string) string {
		t.Helper()
		postInteraction(t, api, inGuild(slashJSON("i-"+token, token, "0", name, options), guild))
		var all strings.Builder
		for _, p := range fake.waitFor(t, "/webhooks/"+testAppID+"/"+token, 1) {
			all.WriteString(followUpText(t, p.Body))
		}
		return all.String()
	}
	urlOpt := func(u string) string { return `[{"name":"url","type":3,"value":"` + u + `"}]` }
	const poison, real = "cartel", "Council approves harbour tram line"

	if got := ask("222", "t-framing", "framing", urlOpt(story)); strings.Contains(got, poison) || !strings.Contains(got, real) {
		t.Errorf("server 222's /framing of the outlet's URL: %s", got)
	}
	if got := ask("222", "t-digest", "digest", `[]`); strings.Contains(got, poison) || !strings.Contains(got, "tram") {
		t.Errorf("server 222's /digest: %s", got)
	}
	if got := ask("222", "t-why", "why", urlOpt("https://private.example.org/memo")); !strings.Contains(got, "have not seen") || strings.Contains(got, "Members-only") {
		t.Errorf("server 222's /why of server 111's private article: %s", got)
	}
	if got := ask("111", "t-own", "why", urlOpt("https://private.example.org/memo")); !strings.Contains(got, "Members-only") {
		t.Errorf("server 111 cannot look up its own article: %s", got)
	}
	got := ask("111", "t-111", "digest", `[]`)
	if n := strings.Count(got, real); n != 1 || strings.Contains(got, poison) {
		t.Errorf("server 111's digest shows the outlet's headline %d times (want once, the operator's copy):\n%s", n, got)
	}
}
