package discord

import (
	"context"
	"encoding/hex"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/testdb"
	"github.com/newsdigest/newsdigest/store"
)

// TestReplayRefusedAcrossInstancesAndRestarts sends one signed interaction
// to two instances sharing a database at once: it runs once. Sent again
// to an instance started afterwards (a restart), it is still refused.
func TestReplayRefusedAcrossInstancesAndRestarts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		fake := newFakeDiscord(t)
		body := slashJSON("7301", "tok-shared", "0", "digest", `[]`)
		sig, stamp := sign(body, time.Now())
		send := func(srv *httptest.Server) int {
			req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("X-Signature-Ed25519", sig)
			req.Header.Set("X-Signature-Timestamp", stamp)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		instance := func() (*Bot, *fakeHandler, *httptest.Server) {
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			h := &fakeHandler{}
			b, err := New(Options{ApplicationID: testAppID, PublicKey: hex.EncodeToString(testPub), Token: "test-token",
				APIBase: fake.srv.URL, Logger: slog.New(slog.DiscardHandler), Seen: st}, h)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			srv := httptest.NewServer(b.InteractionsHandler())
			t.Cleanup(srv.Close)
			return b, h, srv
		}
		b1, h1, srv1 := instance()
		b2, h2, srv2 := instance()

		var wg sync.WaitGroup
		codes := make([]int, 2)
		for i, srv := range []*httptest.Server{srv1, srv2} {
			wg.Go(func() { codes[i] = send(srv) })
		}
		wg.Wait()
		slices.Sort(codes)
		if codes[0] != http.StatusOK || codes[1] != http.StatusConflict {
			t.Errorf("answers %v, want one 200 and one 409", codes)
		}
		fake.waitFor(t, "/webhooks/"+testAppID+"/tok-shared", 1)
		b1.Close()
		b2.Close()
		if n := len(h1.commands()) + len(h2.commands()); n != 1 {
			t.Errorf("the command ran %d times on two instances, want once", n)
		}

		_, h3, srv3 := instance() // a restart: new process, new connections, empty memory
		if code := send(srv3); code != http.StatusConflict {
			t.Errorf("after a restart the replay got %d, want 409", code)
		}
		if n := len(h3.commands()); n != 0 {
			t.Errorf("the replay ran after a restart")
		}
	})
}
