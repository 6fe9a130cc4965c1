package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

func TestCommandsSignedRequests(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	now := time.Now()
	valid := func() *http.Request {
		return signedRequest(testSecret, now, commandForm("story ukraine", sink.srv.URL))
	}
	tests := []struct {
		name string
		req  func() *http.Request
		want int
	}{
		{"tampered body", func() *http.Request {
			r := valid()
			body := strings.Replace(commandForm("story ukraine", sink.srv.URL).Encode(), "ukraine", "ukrainf", 1)
			r2 := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
			r2.Header = r.Header
			return r2
		}, http.StatusUnauthorized},
		{"wrong secret", func() *http.Request {
			return signedRequest("not-the-secret", now, commandForm("help", sink.srv.URL))
		}, http.StatusUnauthorized},
		{"stale timestamp", func() *http.Request {
			return signedRequest(testSecret, now.Add(-6*time.Minute), commandForm("help", sink.srv.URL))
		}, http.StatusUnauthorized},
		{"future timestamp", func() *http.Request {
			return signedRequest(testSecret, now.Add(6*time.Minute), commandForm("help", sink.srv.URL))
		}, http.StatusUnauthorized},
		{"no signature", func() *http.Request {
			r := valid()
			r.Header.Del("X-Slack-Signature")
			return r
		}, http.StatusUnauthorized},
		{"oversized body", func() *http.Request {
			form := commandForm(strings.Repeat("x", maxCommandBody), sink.srv.URL)
			return signedRequest(testSecret, now, form)
		}, http.StatusRequestEntityTooLarge},
		{"ssl_check probe", func() *http.Request {
			return httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader("ssl_check=1&token=x"))
		}, http.StatusOK},
		{"ssl_check with a command", func() *http.Request {
			return httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader("ssl_check=1&command=%2Fnewsdigest&text=help"))
		}, http.StatusUnauthorized},
		{"GET", func() *http.Request { return httptest.NewRequest(http.MethodGet, "/slack/commands", nil) }, http.StatusMethodNotAllowed},
	}
	h := newFakeHandler(bot.Message{Text: "ok", Ephemeral: true})
	b := newTestBot(t, f, h)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			b.CommandsHandler().ServeHTTP(w, tc.req())
			if w.Code != tc.want {
				t.Fatalf("status %d, want %d (%s)", w.Code, tc.want, w.Body)
			}
		})
	}
	select {
	case c := <-h.cmds:
		t.Fatalf("a refused request reached the handler: %+v", c)
	default:
	}
}

func TestCommandAcknowledgedAtOnceAndAnswered(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	h := newFakeHandler(bot.Message{Text: "three stories about <!channel>", Ephemeral: true})
	h.delay = 300 * time.Millisecond // slower than the acknowledgement may be
	b := newTestBot(t, f, h)

	req := signedRequest(testSecret, time.Now(), commandForm("digest 6h <https://example.com/a|example.com/a> talks", sink.srv.URL))
	w := httptest.NewRecorder()
	start := time.Now()
	b.CommandsHandler().ServeHTTP(w, req)
	if took := time.Since(start); took > 100*time.Millisecond {
		t.Errorf("acknowledged after %v, want < 100ms", took)
	}
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var ack ackBody
	if err := json.Unmarshal(w.Body.Bytes(), &ack); err != nil || ack.ResponseType != "ephemeral" || ack.Text != workingText {
		t.Fatalf("ack = %s (%v)", w.Body, err)
	}
	c := h.next(t)
	want := bot.Command{Platform: "slack", Scope: "slack:T0001", ChannelID: "C0001", UserID: "U0001", Name: "digest",
		Args: map[string]string{"since": "6h", "topic": "https://example.com/a talks"}}
	if c.Platform != want.Platform || c.Scope != want.Scope || c.ChannelID != want.ChannelID || c.UserID != want.UserID ||
		c.Name != want.Name || c.Args["since"] != "6h" || c.Args["topic"] != want.Args["topic"] {
		t.Errorf("command = %+v, want %+v", c, want)
	}
	msgs := sink.wait(t, 1)
	if msgs[0]["response_type"] != "ephemeral" {
		t.Errorf("response_type = %v", msgs[0]["response_type"])
	}
	var blocks []map[string]any
	for _, b := range msgs[0]["blocks"].([]any) {
		blocks = append(blocks, b.(map[string]any))
	}
	if got := mrkdwnText(blocks); strings.Contains(got, "<!channel>") || !strings.Contains(got, "&lt;!channel&gt;") {
		t.Errorf("answer not escaped: %s", got)
	}

	// The same signed request again is a replay.
	body := commandForm("digest 6h <https://example.com/a|example.com/a> talks", sink.srv.URL).Encode()
	replay := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
	replay.Header = req.Header.Clone()
	w = httptest.NewRecorder()
	b.CommandsHandler().ServeHTTP(w, replay)
	if w.Code != http.StatusUnauthorized {
		t.Fatalf("replayed signature: status %d, want 401", w.Code)
	}
}

func TestCommandUsageErrorAnsweredInAck(t *testing.T) {
	f := newFakeSlack(t)
	h := newFakeHandler(bot.Message{Text: "unused"})
	b := newTestBot(t, f, h)
	w := httptest.NewRecorder()
	b.CommandsHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), commandForm("schedule set 0 8 *", "https://hooks.example/x")))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	var ack ackBody
	_ = json.Unmarshal(w.Body.Bytes(), &ack)
	if !strings.Contains(ack.Text, "five cron fields") || !strings.Contains(ack.Text, "/newsdigest help") {
		t.Errorf("ack = %q", ack.Text)
	}
	select {
	case c := <-h.cmds:
		t.Fatalf("a malformed command reached the handler: %+v", c)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestPublicAnswerPostedToChannel(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	h := newFakeHandler(sampleMessage())
	b := newTestBot(t, f, h)
	w := httptest.NewRecorder()
	b.CommandsHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), commandForm("digest", sink.srv.URL)))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	h.next(t)
	b.wait()
	posts := f.sent()
	if len(posts) != 1 || posts[0].Channel != "C0001" {
		t.Fatalf("posts = %+v", posts)
	}
	if posts[0].Metadata["event_type"] != deliveryEventType {
		t.Errorf("metadata = %v", posts[0].Metadata)
	}
}

func TestPublicAnswerFallsBackToResponseURL(t *testing.T) {
	f := newFakeSlack(t)
	f.failPost = func(int, sentMessage) (int, http.Header, string, bool) {
		return http.StatusOK, nil, `{"ok":false,"error":"not_in_channel"}`, true
	}
	sink := newResponseSink(t)
	h := newFakeHandler(sampleMessage())
	b := newTestBot(t, f, h)
	w := httptest.NewRecorder()
	b.CommandsHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), commandForm("digest", sink.srv.URL)))
	msgs := sink.wait(t, 1)
	if msgs[0]["response_type"] != "in_channel" {
		t.Errorf("response_type = %v", msgs[0]["response_type"])
	}
}

func TestInteractivityButton(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	h := newFakeHandler(bot.Message{Text: "framings", Ephemeral: true})
	b := newTestBot(t, f, h)
	payload := map[string]any{
		"type":         "block_actions",
		"team":         map[string]any{"id": "T0002"},
		"user":         map[string]any{"id": "U0009"},
		"channel":      map[string]any{"id": "C0003"},
		"response_url": sink.srv.URL,
		"trigger_id":   "t-1",
		"actions": []map[string]any{{
			"type": "button", "action_id": actionID("compare", 2, 0), "value": "4711", "block_id": "b",
		}},
	}
	raw, _ := json.Marshal(payload)
	req := signedRequest(testSecret, time.Now(), url.Values{"payload": {string(raw)}})
	w := httptest.NewRecorder()
	b.InteractivityHandler().ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	c := h.next(t)
	if c.Name != "compare" || c.Args["story"] != "4711" || c.Scope != "slack:T0002" || c.ChannelID != "C0003" || c.UserID != "U0009" {
		t.Errorf("command = %+v", c)
	}
	sink.wait(t, 1)
}

func TestCanManage(t *testing.T) {
	f := newFakeSlack(t)
	f.admins["UADMIN"] = true
	f.members = []string{"UGROUP"}
	h := newFakeHandler(bot.Message{Text: "ok", Ephemeral: true})
	b, err := New(Options{BotToken: "xoxb", SigningSecret: testSecret, APIURL: f.url(), AdminGroup: "S0ADMINS"}, h)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, tc := range []struct {
		user string
		want bool
	}{{"UADMIN", true}, {"UGROUP", true}, {"UOTHER", false}} {
		if got := b.canManage(t.Context(), "T1", tc.user); got != tc.want {
			t.Errorf("canManage(%s) = %v, want %v", tc.user, got, tc.want)
		}
	}
	// The answers are cached: asking again costs no API call.
	f.mu.Lock()
	calls := f.userInfo
	f.mu.Unlock()
	b.canManage(t.Context(), "T1", "UOTHER")
	f.mu.Lock()
	if f.userInfo != calls {
		t.Errorf("users.info asked again within the cache's lifetime")
	}
	f.mu.Unlock()
	// Feeds commands carry the answer to the handler.
	sink := newResponseSink(t)
	form := commandForm("feeds add https://x.example/feed.xml X lean=left", sink.srv.URL)
	form.Set("user_id", "UADMIN")
	b.CommandsHandler().ServeHTTP(httptest.NewRecorder(), signedRequest(testSecret, time.Now(), form))
	if c := h.next(t); !c.CanManage || c.Sub != "add" || c.Args["lean"] != "left" {
		t.Errorf("command = %+v", c)
	}
}

// TestEphemeralAnswerBeyondResponseURL: response_url takes five posts; the
// rest of a long private answer goes through chat.postEphemeral.
func TestEphemeralAnswerBeyondResponseURL(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	m := bigMessage(40)
	m.Ephemeral = true
	posts := len(render(m))
	if posts <= responseURLUses {
		t.Fatalf("test message renders to %d posts; want more than %d", posts, responseURLUses)
	}
	b := newTestBot(t, f, newFakeHandler(m))
	b.CommandsHandler().ServeHTTP(httptest.NewRecorder(), signedRequest(testSecret, time.Now(), commandForm("story harbour", sink.srv.URL)))
	sink.wait(t, responseURLUses)
	b.wait()
	f.mu.Lock()
	eph := len(f.ephemeral)
	f.mu.Unlock()
	if eph != posts-responseURLUses {
		t.Errorf("%d ephemeral posts, want %d", eph, posts-responseURLUses)
	}
	if n := len(f.sent()); n != 0 {
		t.Errorf("%d public posts of a private answer", n)
	}
}

type panicHandler struct{}

func (panicHandler) Handle(context.Context, bot.Command) bot.Message { panic("boom") }

func TestHandlerPanicAnswersWithApology(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	b := newTestBot(t, f, panicHandler{})
	b.CommandsHandler().ServeHTTP(httptest.NewRecorder(), signedRequest(testSecret, time.Now(), commandForm("story x", sink.srv.URL)))
	msgs := sink.wait(t, 1)
	if !strings.Contains(fmt.Sprint(msgs[0]), "went wrong") {
		t.Errorf("answer = %v", msgs[0])
	}
}

func TestResponderUsesAndLifetime(t *testing.T) {
	sink := newResponseSink(t)
	now := time.Unix(1_700_000_000, 0)
	b := &Bot{now: func() time.Time { return now }, client: http.DefaultClient}
	r := b.newResponder(sink.srv.URL)
	if !r.usable(now.Add(29*time.Minute)) || r.usable(now.Add(30*time.Minute)) {
		t.Error("response_url should last 30 minutes")
	}
	for i := range responseURLUses {
		if !r.usable(now) {
			t.Fatalf("unusable after %d uses", i)
		}
		if err := r.send(t.Context(), post{Text: "x"}, "ephemeral"); err != nil {
			t.Fatal(err)
		}
	}
	if r.usable(now) || r.send(t.Context(), post{Text: "x"}, "ephemeral") == nil {
		t.Error("a sixth use was allowed")
	}
	if b.newResponder("javascript:alert(1)").usable(now) {
		t.Error("a non-http response_url is usable")
	}
}

func TestAdminGroupByHandle(t *testing.T) {
	f := newFakeSlack(t)
	f.members = []string{"UGROUP"}
	for _, group := range []string{"newsdigest-admins", "@newsdigest-admins", "S0ADMINS"} {
		b, err := New(Options{BotToken: "xoxb", SigningSecret: testSecret, APIURL: f.url(), AdminGroup: group}, newFakeHandler(bot.Message{}))
		if err != nil {
			t.Fatal(err)
		}
		if !b.canManage(t.Context(), "T1", "UGROUP") {
			t.Errorf("admin_group %q: member refused", group)
		}
		b.Close()
	}
	b, _ := New(Options{BotToken: "xoxb", SigningSecret: testSecret, APIURL: f.url(), AdminGroup: "nosuchgroup"}, newFakeHandler(bot.Message{}))
	defer b.Close()
	if _, err := b.askCanManage(t.Context(), "UGROUP"); err == nil || !strings.Contains(err.Error(), "no such user group") {
		t.Errorf("unknown group: %v", err)
	}
}
