package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeGateway speaks enough of Discord's gateway protocol for discordgo to
// connect (Hello, Identify, Ready), then delivers the given interactions.
func fakeGateway(t *testing.T, events ...[]byte) (url string, identified <-chan json.RawMessage) {
	t.Helper()
	ids := make(chan json.RawMessage, 1)
	up := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		c.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
		var identify struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := c.ReadJSON(&identify); err != nil || identify.Op != 2 {
			t.Errorf("gateway: want identify (op 2), got %d %v", identify.Op, err)
			return
		}
		ids <- identify.D
		c.WriteMessage(websocket.TextMessage, []byte(`{"op":0,"t":"READY","s":1,"d":{"v":10,"session_id":"fake","user":{"id":"1","username":"newsdigest","bot":true},"guilds":[]}}`))
		for i, ev := range events {
			c.WriteMessage(websocket.TextMessage, fmt.Appendf(nil, `{"op":0,"t":"INTERACTION_CREATE","s":%d,"d":%s}`, i+2, ev))
		}
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http"), ids
}

func TestRunGatewayHandlesInteractions(t *testing.T) {
	fake := newFakeDiscord(t)
	slash := slashJSON("9101", "tok-gw-slash", "0", "digest", `[]`)
	button := []byte(`{"id":"9102","application_id":"111111111111111111","type":3,"token":"tok-gw-btn","guild_id":"222","channel_id":"333",
"member":{"user":{"id":"444"},"permissions":"0"},"data":{"custom_id":"nd:sources:st_7","component_type":2}}`)
	var identified <-chan json.RawMessage
	fake.gatewayURL, identified = fakeGateway(t, slash, button)
	h := &fakeHandler{}
	b := newTestBot(t, fake, h)
	b.mode = ModeGateway

	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- b.RunGateway(ctx) }()

	select {
	case id := <-identified:
		if !strings.Contains(string(id), "Bot test-token") {
			t.Errorf("identify without the bot token: %s", id)
		}
	case err := <-done:
		t.Fatalf("RunGateway returned early: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no identify")
	}
	fake.waitFor(t, "/interactions/9101/tok-gw-slash/callback", 1)
	fake.waitFor(t, "/interactions/9102/tok-gw-btn/callback", 1)
	fake.waitFor(t, "/webhooks/"+testAppID+"/tok-gw-slash", 1)
	fake.waitFor(t, "/webhooks/"+testAppID+"/tok-gw-btn", 1)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunGateway: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("RunGateway did not stop")
	}
	names := map[string]string{}
	for _, c := range h.commands() {
		names[c.Name] = c.Args["story"]
	}
	if _, ok := names["digest"]; !ok || names["sources"] != "st_7" {
		t.Errorf("commands %v, want digest and sources(st_7)", names)
	}
}
