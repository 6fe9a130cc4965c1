package discord

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

var testChannel = bot.Channel{Platform: "discord", Scope: "discord:222", ID: "333"}

func TestPostRateLimitedWaitsAndSendsOnce(t *testing.T) {
	fake := newFakeDiscord(t)
	fake.failNext("/channels/333/messages", http.StatusTooManyRequests, `{"message":"You are being rate limited.","retry_after":0.2,"global":false}`)
	b := newTestBot(t, fake, &fakeHandler{})
	start := time.Now()
	ids, err := b.Post(t.Context(), testChannel, "delivery-1", sampleMessage())
	if err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 200*time.Millisecond {
		t.Errorf("retried after %s, before retry_after (200ms)", waited)
	}
	reqs := fake.requests("/channels/333/messages")
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want the refused one and one retry", len(reqs))
	}
	if len(ids) != 1 {
		t.Errorf("ids %v, want one message", ids)
	}
	if string(reqs[0].Body) != string(reqs[1].Body) {
		t.Errorf("the retry changed the message")
	}
}

func TestPostSameDeliveryTwicePostsOnce(t *testing.T) {
	fake := newFakeDiscord(t)
	b := newTestBot(t, fake, &fakeHandler{})
	m, _ := bigMessage(12, 3, 200, 30)
	first, err := b.Post(t.Context(), testChannel, "delivery-2", m)
	if err != nil {
		t.Fatal(err)
	}
	again, err := b.Post(t.Context(), testChannel, "delivery-2", m)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) < 2 || strings.Join(first, ",") != strings.Join(again, ",") {
		t.Errorf("first %v, again %v: a repeated delivery must map to the same messages", first, again)
	}
	nonces := map[string]bool{}
	for _, r := range fake.requests("/channels/333/messages") {
		var p struct {
			Nonce        string `json:"nonce"`
			EnforceNonce bool   `json:"enforce_nonce"`
		}
		json.Unmarshal(r.Body, &p)
		if p.Nonce == "" || len(p.Nonce) > 25 || !p.EnforceNonce {
			t.Errorf("nonce %q enforce %v", p.Nonce, p.EnforceNonce)
		}
		nonces[p.Nonce] = true
		checkLimits(t, r.Body)
	}
	if len(nonces) != len(first) {
		t.Errorf("%d distinct nonces for %d parts", len(nonces), len(first))
	}
	other, _ := b.Post(t.Context(), testChannel, "delivery-3", m)
	if other[0] == first[0] {
		t.Errorf("a different delivery reused a message")
	}
}

func TestPostErrors(t *testing.T) {
	tests := []struct {
		name      string
		fail      []scripted
		wantErr   error
		wantCalls int
		permanent bool // the outbox must stop the schedule, not retry
	}{
		{"missing permissions", []scripted{{403, `{"code":50013,"message":"Missing Permissions"}`}}, ErrMissingPermission, 1, true},
		{"missing access", []scripted{{403, `{"code":50001,"message":"Missing Access"}`}}, ErrMissingPermission, 1, true},
		{"unknown channel", []scripted{{404, `{"code":10003,"message":"Unknown Channel"}`}}, bot.ErrPermanent, 1, true},
		{"server error then success", []scripted{{502, `bad gateway`}, {500, `{}`}}, nil, 3, false},
		{"bad request not retried", []scripted{{400, `{"code":50035,"message":"Invalid Form Body"}`}}, nil, 1, false},
		{"server errors until give up", []scripted{{503, ``}, {503, ``}, {503, ``}, {503, ``}, {503, ``}}, nil, 5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := newFakeDiscord(t)
			for _, f := range tc.fail {
				fake.failNext("/channels/333/messages", f.status, f.body)
			}
			b := newTestBot(t, fake, &fakeHandler{})
			_, err := b.Post(t.Context(), testChannel, "d", bot.Message{Text: "hello"})
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
			if got := errors.Is(err, bot.ErrPermanent); got != tc.permanent {
				t.Errorf("errors.Is(%v, bot.ErrPermanent) = %v, want %v", err, got, tc.permanent)
			}
			wantOK := tc.name == "server error then success"
			if wantOK != (err == nil) {
				t.Errorf("err = %v", err)
			}
			if n := len(fake.requests("/channels/333/messages")); n != tc.wantCalls {
				t.Errorf("%d calls, want %d", n, tc.wantCalls)
			}
			var ae *APIError
			if err != nil && !errors.As(err, &ae) {
				t.Errorf("error %v does not carry an *APIError", err)
			}
		})
	}
}

func TestPostRateLimitedUntilGiveUpTellsTheWait(t *testing.T) {
	fake := newFakeDiscord(t)
	for range 5 {
		fake.failNext("/channels/333/messages", http.StatusTooManyRequests, `{"message":"You are being rate limited.","retry_after":0.01,"global":false}`)
	}
	b := newTestBot(t, fake, &fakeHandler{})
	var limits atomic.Int32
	b.onLimit = func() { limits.Add(1) }
	_, err := b.Post(t.Context(), testChannel, "delivery-429", bot.Message{Text: "hello"})
	if n := limits.Load(); n != 5 {
		t.Errorf("OnRateLimited called %d times for 5 answers of 429", n)
	}
	if err == nil {
		t.Fatal("posted although every attempt was refused")
	}
	var r interface{ RetryAfter() time.Duration }
	if !errors.As(err, &r) || r.RetryAfter() != 10*time.Millisecond {
		t.Errorf("error %v does not tell the outbox to wait 10ms", err)
	}
	if errors.Is(err, bot.ErrPermanent) {
		t.Errorf("a rate limit is not permanent: %v", err)
	}
}

func TestPostRejectsBadChannel(t *testing.T) {
	b := newTestBot(t, newFakeDiscord(t), &fakeHandler{})
	for _, ch := range []bot.Channel{{Platform: "slack", ID: "C1"}, {Platform: "discord", ID: ""}, {Platform: "discord", ID: "../x"}} {
		if _, err := b.Post(t.Context(), ch, "d", sampleMessage()); err == nil {
			t.Errorf("Post to %+v succeeded", ch)
		}
	}
}

func TestPostWithoutToken(t *testing.T) {
	b, err := New(Options{ApplicationID: "1", PublicKey: strings.Repeat("ab", 32)}, &fakeHandler{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Post(t.Context(), testChannel, "d", sampleMessage()); !errors.Is(err, ErrNoToken) {
		t.Errorf("err = %v, want ErrNoToken", err)
	}
}

func TestAPIBaseWithPath(t *testing.T) {
	fake := newFakeDiscord(t)
	b := newTestBot(t, fake, &fakeHandler{})
	b2, err := New(Options{ApplicationID: testAppID, PublicKey: strings.Repeat("ab", 32), Token: "x", APIBase: fake.srv.URL + "/proxy/api/v10/"}, &fakeHandler{})
	if err != nil {
		t.Fatal(err)
	}
	b2.Post(t.Context(), testChannel, "d", bot.Message{Text: "via proxy"})
	b.Post(t.Context(), testChannel, "d", bot.Message{Text: "direct"})
	if n := len(fake.requests("/proxy/api/v10/channels/333/messages")); n != 1 {
		t.Errorf("%d requests through the proxy path, want 1", n)
	}
	if n := len(fake.requests("/channels/333/messages")); n != 1 {
		t.Errorf("%d direct requests, want 1 (each Bot keeps its own api_base)", n)
	}
}

func TestNewValidates(t *testing.T) {
	key := strings.Repeat("ab", 32)
	tests := []struct {
		name string
		opts Options
	}{
		{"no application id", Options{PublicKey: key}},
		{"http without key", Options{ApplicationID: "1"}},
		{"short key", Options{ApplicationID: "1", PublicKey: "abcd"}},
		{"unknown mode", Options{ApplicationID: "1", PublicKey: key, Mode: "carrier-pigeon"}},
		{"gateway without token", Options{ApplicationID: "1", Mode: "gateway"}},
		{"api base not http", Options{ApplicationID: "1", PublicKey: key, APIBase: "ftp://x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := New(tc.opts, &fakeHandler{}); err == nil {
				t.Errorf("New(%+v) succeeded", tc.opts)
			}
		})
	}
	if _, err := New(Options{ApplicationID: "1", PublicKey: key}, nil); err == nil {
		t.Errorf("New with nil handler succeeded")
	}
}

func TestRegisterCommands(t *testing.T) {
	fake := newFakeDiscord(t)
	b := newTestBot(t, fake, &fakeHandler{})
	b.guildID = "222"
	if err := b.RegisterCommands(t.Context()); err != nil {
		t.Fatal(err)
	}
	reqs := fake.requests("/applications/" + testAppID + "/guilds/222/commands")
	if len(reqs) != 1 || reqs[0].Method != http.MethodPut {
		t.Fatalf("requests %v", reqs)
	}
	var cmds []struct {
		Name        string `json:"name"`
		Description string `json:"description"`
		Options     []struct {
			Type         int    `json:"type"`
			Name         string `json:"name"`
			Description  string `json:"description"`
			Autocomplete bool   `json:"autocomplete"`
			Options      []struct {
				Name         string `json:"name"`
				Description  string `json:"description"`
				Autocomplete bool   `json:"autocomplete"`
				Choices      []any  `json:"choices"`
			} `json:"options"`
		} `json:"options"`
	}
	if err := json.Unmarshal(reqs[0].Body, &cmds); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	autocomplete := 0
	for _, c := range cmds {
		names[c.Name] = true
		checkCommandText(t, c.Name, c.Description)
		for _, o := range c.Options {
			checkCommandText(t, o.Name, o.Description)
			if o.Autocomplete {
				autocomplete++
			}
			for _, so := range o.Options {
				checkCommandText(t, so.Name, so.Description)
				if so.Autocomplete {
					autocomplete++
					if len(so.Choices) > 0 {
						t.Errorf("%s: autocomplete and choices are exclusive", so.Name)
					}
				}
			}
		}
	}
	for _, want := range []string{"digest", "story", "framing", "feeds", "schedule", "why"} {
		if !names[want] {
			t.Errorf("/%s not registered", want)
		}
	}
	if autocomplete < 3 {
		t.Errorf("%d autocompleted options, want since, feed and timezone", autocomplete)
	}

	b.guildID = ""
	if err := b.RegisterCommands(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.requests("/applications/" + testAppID + "/commands")); n != 1 {
		t.Errorf("global registration: %d requests", n)
	}
}

func checkCommandText(t *testing.T, name, desc string) {
	t.Helper()
	if name == "" || len(name) > 32 || strings.ToLower(name) != name || strings.ContainsAny(name, " .") {
		t.Errorf("bad command or option name %q", name)
	}
	if desc == "" || runeLen(desc) > 100 {
		t.Errorf("%s: description of %d characters (1–100)", name, runeLen(desc))
	}
}

func TestGatewayInteraction(t *testing.T) {
	fake := newFakeDiscord(t)
	h := &fakeHandler{}
	b := newTestBot(t, fake, h)
	in, err := parseInteraction(slashJSON("9001", "tok-gw", "0", "story", `[{"name":"query","type":3,"value":"tram line"}]`))
	if err != nil {
		t.Fatal(err)
	}
	b.onGatewayInteraction(in)
	cb := fake.waitFor(t, "/interactions/9001/tok-gw/callback", 1)
	var resp struct{ Type int }
	json.Unmarshal(cb[0].Body, &resp)
	if resp.Type != 5 {
		t.Errorf("callback type %d, want deferred 5", resp.Type)
	}
	fake.waitFor(t, "/webhooks/"+testAppID+"/tok-gw", 1)
	if c := h.commands(); len(c) != 1 || c[0].Name != "story" || c[0].Args["query"] != "tram line" {
		t.Errorf("commands %+v", c)
	}
}

func TestRewriteURL(t *testing.T) {
	tests := []struct{ in, base, want string }{
		{"https://discord.com/api/v9/channels/1/messages", "http://127.0.0.1:9", "http://127.0.0.1:9/channels/1/messages"},
		{"https://discord.com/api/v10/webhooks/1/t?wait=true", "https://proxy.internal/api/v10", "https://proxy.internal/api/v10/webhooks/1/t?wait=true"},
		{"https://discord.com/api/gateway", "http://x", "http://x/gateway"},
	}
	for _, tc := range tests {
		got, ok := rewriteURL(tc.in, tc.base)
		if !ok || got != tc.want {
			t.Errorf("rewriteURL(%q) = %q %v, want %q", tc.in, got, ok, tc.want)
		}
	}
	if _, ok := rewriteURL("https://cdn.discordapp.com/x.png", "http://x"); ok {
		t.Errorf("rewrote a non-API URL")
	}
}
