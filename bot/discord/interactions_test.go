package discord

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

const pingJSON = `{"id":"1","application_id":"111111111111111111","type":1,"token":"t","version":1}`

func TestInteractionSignature(t *testing.T) {
	b := newTestBot(t, newFakeDiscord(t), &fakeHandler{})
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	body := []byte(pingJSON)

	tests := []struct {
		name   string
		mutate func(r *http.Request)
		want   int
	}{
		{"valid ping", func(r *http.Request) {}, http.StatusOK},
		{"missing signature", func(r *http.Request) { r.Header.Del("X-Signature-Ed25519") }, http.StatusUnauthorized},
		{"missing timestamp", func(r *http.Request) { r.Header.Del("X-Signature-Timestamp") }, http.StatusUnauthorized},
		{"bad signature", func(r *http.Request) {
			sig := []byte(r.Header.Get("X-Signature-Ed25519"))
			sig[0] ^= 1
			r.Header.Set("X-Signature-Ed25519", string(sig))
		}, http.StatusUnauthorized},
		{"signature not hex", func(r *http.Request) { r.Header.Set("X-Signature-Ed25519", "zz") }, http.StatusUnauthorized},
		{"old timestamp", func(r *http.Request) {
			sig, ts := sign(body, time.Now().Add(-6*time.Minute))
			r.Header.Set("X-Signature-Ed25519", sig)
			r.Header.Set("X-Signature-Timestamp", ts)
		}, http.StatusUnauthorized},
		{"timestamp swapped after signing", func(r *http.Request) {
			_, ts := sign(body, time.Now().Add(-time.Second))
			r.Header.Set("X-Signature-Timestamp", ts)
		}, http.StatusUnauthorized},
		{"body changed after signing", func(r *http.Request) {
			r.Body = io.NopCloser(strings.NewReader(strings.Replace(pingJSON, `"id":"1"`, `"id":"2"`, 1)))
			r.ContentLength = -1
		}, http.StatusUnauthorized},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := signedRequest(t, srv.URL, body)
			tc.mutate(req)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.want {
				t.Fatalf("status %d (%s), want %d", resp.StatusCode, got, tc.want)
			}
			if tc.want == http.StatusOK && strings.TrimSpace(string(got)) != `{"type":1}` {
				t.Errorf("PING answered %s, want PONG {\"type\":1}", got)
			}
		})
	}
}

func TestInteractionOversized(t *testing.T) {
	b := newTestBot(t, newFakeDiscord(t), &fakeHandler{})
	b.maxBody = 1024
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	big := []byte(`{"type":1,"pad":"` + strings.Repeat("x", 2000) + `"}`)
	for _, chunked := range []bool{false, true} {
		req := signedRequest(t, srv.URL, big)
		if chunked {
			req.ContentLength = -1 // no Content-Length: the reader limit must catch it
			req.Body = io.NopCloser(strings.NewReader(string(big)))
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("chunked=%v: status %d, want 413", chunked, resp.StatusCode)
		}
	}
}

func TestInteractionMethod(t *testing.T) {
	b := newTestBot(t, nil, &fakeHandler{})
	rec := httptest.NewRecorder()
	b.InteractionsHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/discord/interactions", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d", rec.Code)
	}
}

// postInteraction sends a signed interaction and returns the decoded answer
// and how long the acknowledgement took.
func postInteraction(t testing.TB, srv *httptest.Server, body []byte) (map[string]any, time.Duration) {
	t.Helper()
	req := signedRequest(t, srv.URL, body)
	start := time.Now()
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	took := time.Since(start)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, raw)
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("answer %s: %v", raw, err)
	}
	return out, took
}

func TestDigestDeferredThenFollowUp(t *testing.T) {
	fake := newFakeDiscord(t)
	release := make(chan struct{})
	h := &fakeHandler{reply: func(c bot.Command) bot.Message {
		<-release // the command is slow; the ack must not wait for it
		m, _ := bigMessage(12, 4, 300, 60)
		return m
	}}
	b := newTestBot(t, fake, h)
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()

	ans, took := postInteraction(t, srv, slashJSON("5001", "tok-digest", "0", "digest",
		`[{"name":"since","type":3,"value":"24h"},{"name":"topic","type":3,"value":" transit "}]`))
	close(release)
	if ans["type"] != float64(5) {
		t.Fatalf("answer %v, want deferred type 5", ans)
	}
	if data, _ := ans["data"].(map[string]any); data != nil && data["flags"] != nil {
		t.Errorf("/digest is for the channel, got flags %v", data["flags"])
	}
	if took > 100*time.Millisecond {
		t.Errorf("deferred answer took %s, want < 100ms", took)
	}
	posts := fake.waitFor(t, "/webhooks/"+testAppID+"/tok-digest", 2)
	for _, p := range posts {
		if p.Method != http.MethodPost {
			t.Errorf("follow-up method %s", p.Method)
		}
		checkLimits(t, p.Body)
	}
	var first struct {
		Embeds []struct{ Title string } `json:"embeds"`
	}
	json.Unmarshal(posts[0].Body, &first)
	if len(first.Embeds) == 0 || first.Embeds[0].Title != "Large digest" {
		t.Errorf("first follow-up does not start with the digest: %s", posts[0].Body[:min(200, len(posts[0].Body))])
	}
	cmds := h.commands()
	if len(cmds) != 1 {
		t.Fatalf("handler ran %d times", len(cmds))
	}
	want := bot.Command{Platform: "discord", Scope: "discord:222", ChannelID: "333", UserID: "444", Name: "digest",
		Args: map[string]string{"since": "24h", "topic": "transit"}}
	if got := cmds[0]; got.Platform != want.Platform || got.Scope != want.Scope || got.ChannelID != want.ChannelID ||
		got.UserID != want.UserID || got.Name != want.Name || got.CanManage || got.Args["since"] != "24h" || got.Args["topic"] != "transit" {
		t.Errorf("command %+v, want %+v", got, want)
	}
}

func TestFeedsAddPermission(t *testing.T) {
	const manageGuild = "32"
	tests := []struct {
		name, perms string
		wantManage  bool
	}{
		{"member without Manage Server", "2048", false},
		{"member with Manage Server", manageGuild, true},
		{"administrator", "8", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := newFakeDiscord(t)
			h := &fakeHandler{}
			b := newTestBot(t, fake, h)
			srv := httptest.NewServer(b.InteractionsHandler())
			defer srv.Close()
			ans, _ := postInteraction(t, srv, slashJSON("6001", "tok-feeds", tc.perms, "feeds",
				`[{"name":"add","type":1,"options":[{"name":"url","type":3,"value":"https://example.org/feed.xml"},{"name":"lean","type":3,"value":"center"}]}]`))
			data, _ := ans["data"].(map[string]any)
			if ans["type"] != float64(5) || data == nil || data["flags"] != float64(64) {
				t.Fatalf("answer %v, want an ephemeral deferred response", ans)
			}
			posts := fake.waitFor(t, "/webhooks/", 1)
			cmd := h.commands()[0]
			if cmd.Name != "feeds" || cmd.Sub != "add" || cmd.Args["url"] != "https://example.org/feed.xml" || cmd.Args["lean"] != "center" {
				t.Errorf("command %+v", cmd)
			}
			if cmd.CanManage != tc.wantManage {
				t.Errorf("CanManage = %v, want %v", cmd.CanManage, tc.wantManage)
			}
			refused := strings.Contains(string(posts[0].Body), "Manage Server permission")
			if refused == tc.wantManage {
				t.Errorf("refusal shown = %v for CanManage %v: %s", refused, tc.wantManage, posts[0].Body)
			}
			var p struct{ Flags int }
			json.Unmarshal(posts[0].Body, &p)
			if p.Flags != 64 {
				t.Errorf("follow-up flags %d, want ephemeral", p.Flags)
			}
		})
	}
}

func TestButtonPress(t *testing.T) {
	fake := newFakeDiscord(t)
	h := &fakeHandler{}
	b := newTestBot(t, fake, h)
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	body := `{"id":"7001","application_id":"111111111111111111","type":3,"token":"tok-btn","guild_id":"222","channel_id":"333",
"member":{"user":{"id":"444"},"permissions":"0"},"data":{"custom_id":"nd:compare:st_101","component_type":2}}`
	ans, _ := postInteraction(t, srv, []byte(body))
	if ans["type"] != float64(5) {
		t.Fatalf("answer %v", ans)
	}
	fake.waitFor(t, "/webhooks/"+testAppID+"/tok-btn", 1)
	cmd := h.commands()[0]
	if cmd.Name != "compare" || cmd.Args["story"] != "st_101" || cmd.Scope != "discord:222" {
		t.Errorf("command %+v", cmd)
	}
}

func TestInteractionRefusals(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"direct message", `{"id":"1","type":2,"token":"t","channel_id":"3","user":{"id":"4"},"data":{"name":"digest","type":1}}`, "inside a server"},
		{"unknown command", string(slashJSON("1", "t", "0", "rm", "[]")), "unknown command"},
		{"unknown subcommand", string(slashJSON("1", "t", "0", "feeds", `[{"name":"nuke","type":1}]`)), "unknown command"},
		{"bad button", `{"id":"1","type":3,"token":"t","guild_id":"2","channel_id":"3","member":{"user":{"id":"4"},"permissions":"0"},"data":{"custom_id":"other:x"}}`, "unrecognised button"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := &fakeHandler{}
			b := newTestBot(t, newFakeDiscord(t), h)
			srv := httptest.NewServer(b.InteractionsHandler())
			defer srv.Close()
			ans, _ := postInteraction(t, srv, []byte(tc.body))
			data, _ := ans["data"].(map[string]any)
			if ans["type"] != float64(4) || data == nil || data["flags"] != float64(64) {
				t.Fatalf("answer %v, want an ephemeral message", ans)
			}
			if content, _ := data["content"].(string); !strings.Contains(content, tc.want) {
				t.Errorf("content %q does not say %q", content, tc.want)
			}
			if len(h.commands()) != 0 {
				t.Errorf("handler ran for a refused interaction")
			}
		})
	}
}

func TestAutocompleteTimezone(t *testing.T) {
	b := newTestBot(t, newFakeDiscord(t), &fakeHandler{})
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	body := `{"id":"1","type":4,"token":"t","guild_id":"2","channel_id":"3","member":{"user":{"id":"4"},"permissions":"0"},
"data":{"name":"schedule","type":1,"options":[{"name":"set","type":1,"options":[{"name":"cron","type":3,"value":"0 8 * * *"},{"name":"timezone","type":3,"value":"berl","focused":true}]}]}}`
	ans, _ := postInteraction(t, srv, []byte(body))
	data, _ := ans["data"].(map[string]any)
	choices, _ := data["choices"].([]any)
	if ans["type"] != float64(8) || len(choices) != 1 || choices[0].(map[string]any)["value"] != "Europe/Berlin" {
		t.Errorf("answer %v, want one choice Europe/Berlin", ans)
	}
}

func TestLateResultPostedWithBotToken(t *testing.T) {
	fake := newFakeDiscord(t)
	b := newTestBot(t, fake, &fakeHandler{})
	start := time.Now()
	b.now = func() time.Time { return start.Add(16 * time.Minute) }
	o := origin{appID: testAppID, token: "expired", interactionID: "8001", guildID: "222", channelID: "333", userID: "444", received: start, command: "digest"}
	b.deliver(t.Context(), o, sampleMessage())
	if got := fake.requests("/webhooks/"); len(got) != 0 {
		t.Errorf("used the expired token %d times", len(got))
	}
	posts := fake.requests("/channels/333/messages")
	if len(posts) != 1 || posts[0].Auth != "Bot test-token" {
		t.Fatalf("channel posts %d (auth %q), want 1 with the bot token", len(posts), posts)
	}
	checkLimits(t, posts[0].Body)
	if !strings.Contains(string(posts[0].Body), `"content":"Answer to /digest from \u003c@444\u003e`) {
		t.Errorf("late answer does not say whom it is for: %.200s", posts[0].Body)
	}
}

func TestFollowUpTokenRejectedFallsBack(t *testing.T) {
	fake := newFakeDiscord(t)
	fake.failNext("/webhooks/", http.StatusUnauthorized, `{"code":50027,"message":"Invalid Webhook Token"}`)
	b := newTestBot(t, fake, &fakeHandler{})
	o := origin{appID: testAppID, token: "tok", interactionID: "8002", guildID: "222", channelID: "333", received: time.Now(), command: "digest"}
	b.deliver(t.Context(), o, sampleMessage())
	if n := len(fake.requests("/channels/333/messages")); n != 1 {
		t.Errorf("%d channel posts after the token was refused, want 1", n)
	}
}

func TestFollowUpMissingPermissionTellsAuthor(t *testing.T) {
	fake := newFakeDiscord(t)
	fake.failNext("/webhooks/", http.StatusForbidden, `{"code":50013,"message":"Missing Permissions"}`)
	b := newTestBot(t, fake, &fakeHandler{})
	o := origin{appID: testAppID, token: "tok", interactionID: "8003", guildID: "222", channelID: "333", received: time.Now(), command: "digest"}
	b.deliver(t.Context(), o, sampleMessage())
	posts := fake.requests("/webhooks/")
	if len(posts) != 2 || !strings.Contains(string(posts[1].Body), "missing a permission") {
		t.Fatalf("want the failed post then a note to the author, got %d requests", len(posts))
	}
	var note struct{ Flags int }
	json.Unmarshal(posts[1].Body, &note)
	if note.Flags != 64 {
		t.Errorf("note to the author is not ephemeral")
	}
}

func TestPrivateAnswerToPublicCommand(t *testing.T) {
	fake := newFakeDiscord(t)
	h := &fakeHandler{reply: func(bot.Command) bot.Message {
		return bot.Message{Text: "Sorry: since must be a duration such as 24h.", Ephemeral: true}
	}}
	b := newTestBot(t, fake, h)
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	postInteraction(t, srv, slashJSON("5101", "tok-priv", "0", "digest", `[{"name":"since","type":3,"value":"soon"}]`))
	posts := fake.waitFor(t, "/webhooks/"+testAppID+"/tok-priv", 2)
	if posts[0].Method != http.MethodDelete || !strings.HasSuffix(posts[0].Path, "/messages/@original") {
		t.Errorf("first request %s %s, want DELETE of the public placeholder", posts[0].Method, posts[0].Path)
	}
	var p struct{ Flags int }
	json.Unmarshal(posts[1].Body, &p)
	if posts[1].Method != http.MethodPost || p.Flags != 64 {
		t.Errorf("answer %s flags %d, want an ephemeral follow-up", posts[1].Method, p.Flags)
	}
}

func TestReplayedInteractionRunsOnce(t *testing.T) {
	fake := newFakeDiscord(t)
	h := &fakeHandler{}
	b := newTestBot(t, fake, h)
	srv := httptest.NewServer(b.InteractionsHandler())
	defer srv.Close()
	body := slashJSON("5201", "tok-replay", "0", "digest", `[]`)
	postInteraction(t, srv, body)
	resp, err := srv.Client().Do(signedRequest(t, srv.URL, body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("replay answered %d, want 409", resp.StatusCode)
	}
	fake.waitFor(t, "/webhooks/"+testAppID+"/tok-replay", 1)
	b.Close()
	if n := len(h.commands()); n != 1 {
		t.Errorf("command ran %d times", n)
	}
}

func TestCommandsYieldToAcknowledgements(t *testing.T) {
	b := newTestBot(t, nil, &fakeHandler{})
	start := time.Now()
	b.yieldToAcks(t.Context())
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("waited %s with no acknowledgement in flight", d)
	}
	b.acking.Add(1)
	go func() {
		time.Sleep(30 * time.Millisecond)
		b.acking.Add(-1)
	}()
	start = time.Now()
	b.yieldToAcks(t.Context())
	if d := time.Since(start); d < 25*time.Millisecond || d >= ackPriority+400*time.Millisecond {
		t.Errorf("waited %s, want until the acknowledgement finished (~30ms)", d)
	}
	b.acking.Add(1)
	defer b.acking.Add(-1)
	start = time.Now()
	b.yieldToAcks(t.Context())
	if d := time.Since(start); d < ackPriority || d > ackPriority+400*time.Millisecond {
		t.Errorf("waited %s, want at most about %s", d, ackPriority)
	}
}
