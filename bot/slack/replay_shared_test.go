package slack

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/testdb"
	"github.com/newsdigest/newsdigest/store"
)

// TestReplayRefusedAcrossInstancesAndRestarts sends one signed slash
// command to two instances sharing a database at once: it runs once. Sent
// again to an instance started afterwards (a restart), it is refused. The
// same holds for a Socket Mode envelope delivered twice.
func TestReplayRefusedAcrossInstancesAndRestarts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		f := newFakeSlack(t)
		sink := newResponseSink(t)
		signed := signedRequest(testSecret, time.Now(), commandForm("help", sink.srv.URL))
		body := commandForm("help", sink.srv.URL).Encode()
		send := func(b *Bot) int {
			req := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
			req.Header = signed.Header.Clone()
			w := httptest.NewRecorder()
			b.CommandsHandler().ServeHTTP(w, req)
			return w.Code
		}
		instance := func() (*Bot, *fakeHandler) {
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			h := newFakeHandler(bot.Message{Text: "ok", Ephemeral: true})
			b, err := New(Options{BotToken: "xoxb-test", SigningSecret: testSecret, APIURL: f.url(), Seen: st}, h)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(b.Close)
			return b, h
		}
		b1, h1 := instance()
		b2, h2 := instance()
		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i, b := range []*Bot{b1, b2} {
			wg.Go(func() { codes[i] = send(b) })
		}
		wg.Wait()
		slices.Sort(codes)
		if codes[0] != http.StatusOK || codes[1] != http.StatusUnauthorized {
			t.Errorf("answers %v, want one 200 and one 401", codes)
		}
		sink.wait(t, 1)
		b1.Close()
		b2.Close()
		if n := len(h1.cmds) + len(h2.cmds); n != 1 {
			t.Errorf("the command ran %d times on two instances, want once", n)
		}

		b3, h3 := instance() // a restart
		if code := send(b3); code != http.StatusUnauthorized {
			t.Errorf("after a restart the replay got %d, want 401", code)
		}
		b3.Close()
		if len(h3.cmds) != 0 {
			t.Error("the replay ran after a restart")
		}

		now := time.Now()
		for i, b := range []*Bot{b1, b2, b3} {
			first, err := b.firstSight(context.Background(), b.seenEnv, "slack-env:", "envelope-1", now.Add(time.Hour), now)
			if err != nil || first != (i == 0) {
				t.Errorf("instance %d: envelope first seen = %v, %v", i, first, err)
			}
		}
	})
}
