package slack

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

// TestSocketModeSlashCommand runs the Socket Mode loop against slacktest's
// websocket: a slash_commands envelope must be acknowledged with its
// envelope_id and then answered through response_url by the real handler.
func TestSocketModeSlashCommand(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	b, err := New(Options{Mode: ModeSocket, BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: f.url()}, &bot.Handler{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- b.RunSocketMode(ctx) }()

	envelope, _ := json.Marshal(map[string]any{
		"type":                     "slash_commands",
		"envelope_id":              "1d3c2b6a-envelope",
		"accepts_response_payload": true,
		"payload": map[string]any{
			"team_id": "T0001", "channel_id": "C0001", "user_id": "U0001", "command": "/newsdigest",
			"text": "help", "response_url": sink.srv.URL, "trigger_id": "trig-1",
		},
	})
	f.srv.SendToWebsocket(string(envelope))

	select {
	case raw := <-f.srv.SeenFeed:
		var ack struct {
			EnvelopeID string  `json:"envelope_id"`
			Payload    ackBody `json:"payload"`
		}
		if err := json.Unmarshal([]byte(raw), &ack); err != nil {
			t.Fatalf("ack %s: %v", raw, err)
		}
		if ack.EnvelopeID != "1d3c2b6a-envelope" || ack.Payload.Text != workingText {
			t.Errorf("ack = %s", raw)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no acknowledgement")
	}
	msgs := sink.wait(t, 1)
	raw, _ := json.Marshal(msgs[0])
	if msgs[0]["response_type"] != "ephemeral" || !strings.Contains(string(raw), "digest") {
		t.Errorf("answer = %s", raw)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunSocketMode: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("RunSocketMode did not return after cancel")
	}
}

func TestNewChecksOptions(t *testing.T) {
	h := newFakeHandler(bot.Message{})
	for name, o := range map[string]Options{
		"no token":       {SigningSecret: "s"},
		"http no secret": {BotToken: "x"},
		"socket no app":  {BotToken: "x", Mode: ModeSocket},
		"bad mode":       {BotToken: "x", SigningSecret: "s", Mode: "carrier-pigeon"},
		"bad api url":    {BotToken: "x", SigningSecret: "s", APIURL: "ftp://x"},
	} {
		if _, err := New(o, h); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := New(Options{BotToken: "x", SigningSecret: "s"}, nil); err == nil {
		t.Error("nil handler accepted")
	}
}

// TestSocketModeButton: an interactive envelope (a button press) is
// acknowledged with its envelope_id and becomes the button's command.
func TestSocketModeButton(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	h := newFakeHandler(bot.Message{Text: "sources", Ephemeral: true})
	b, err := New(Options{Mode: ModeSocket, BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: f.url()}, h)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go func() { _ = b.RunSocketMode(ctx) }()

	envelope, _ := json.Marshal(map[string]any{
		"type":        "interactive",
		"envelope_id": "env-button",
		"payload": map[string]any{
			"type": "block_actions", "team": map[string]any{"id": "T0001"}, "user": map[string]any{"id": "U0001"},
			"channel": map[string]any{"id": "C0001"}, "response_url": sink.srv.URL, "trigger_id": "trig-2",
			"actions": []map[string]any{{"type": "button", "action_id": actionID("sources", 0, 1), "value": "77", "block_id": "b1"}},
		},
	})
	f.srv.SendToWebsocket(string(envelope))
	select {
	case raw := <-f.srv.SeenFeed:
		if !strings.Contains(raw, `"envelope_id":"env-button"`) {
			t.Errorf("ack = %s", raw)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no acknowledgement")
	}
	if c := h.next(t); c.Name != "sources" || c.Args["story"] != "77" || c.Scope != "slack:T0001" {
		t.Errorf("command = %+v", c)
	}
	sink.wait(t, 1)

	// Slack resends an envelope whose ack it missed: ack it again, run it once.
	f.srv.SendToWebsocket(string(envelope))
	select {
	case raw := <-f.srv.SeenFeed:
		if !strings.Contains(raw, `"envelope_id":"env-button"`) {
			t.Errorf("second ack = %s", raw)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the repeated envelope was not acknowledged")
	}
	select {
	case c := <-h.cmds:
		t.Errorf("a repeated envelope ran again: %+v", c)
	case <-time.After(100 * time.Millisecond):
	}
}
