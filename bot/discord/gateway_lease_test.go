package discord

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/lease"
	"github.com/newsdigest/newsdigest/internal/testdb"
	"github.com/newsdigest/newsdigest/store"
)

// TestGatewayOnOneInstance runs two instances in gateway mode on one
// database, as serve does: only the lease holder connects; when it stops,
// the other connects.
func TestGatewayOnOneInstance(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		fake := newFakeDiscord(t)
		var identified <-chan json.RawMessage
		fake.gatewayURL, identified = fakeGateway(t)
		opts := lease.Options{TTL: time.Second, Retry: 20 * time.Millisecond}
		type inst struct {
			cancel context.CancelFunc
			done   chan struct{}
		}
		start := func(owner string) inst {
			st, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			b := newTestBot(t, fake, &fakeHandler{})
			b.mode = ModeGateway
			ctx, cancel := context.WithCancel(context.Background())
			in := inst{cancel: cancel, done: make(chan struct{})}
			go func() {
				defer close(in.done)
				lease.Hold(ctx, st, store.LeaseDiscordGateway, owner, opts, b.RunGateway)
			}()
			t.Cleanup(func() { cancel(); <-in.done })
			return in
		}
		a := start("a")
		select {
		case <-identified:
		case <-time.After(5 * time.Second):
			t.Fatal("the first instance did not connect to the gateway")
		}
		start("b")
		select {
		case <-identified:
			t.Fatal("a second instance connected to the gateway")
		case <-time.After(2 * opts.TTL):
		}
		stopped := time.Now()
		a.cancel() // a graceful stop releases the lease
		<-a.done
		select {
		case <-identified:
			t.Logf("gateway handed over %v after the holder stopped", time.Since(stopped).Round(time.Millisecond))
		case <-time.After(5 * time.Second):
			t.Fatal("the other instance did not take the gateway over")
		}
	})
}
