package slack

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/bot/delivery"
	"github.com/newsdigest/newsdigest/store"
)

// TestScheduleSetRefusesLocalTimeZone is finding 10 of issue 14 through a
// signed slash command: "Local" names the server's zone, not one the
// channel chose, and the config refuses it; chat must too.
func TestScheduleSetRefusesLocalTimeZone(t *testing.T) {
	st, err := store.Open(t.Context(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := newFakeSlack(t)
	f.admins["U0001"] = true
	sink := newResponseSink(t)
	sched, err := delivery.NewScheduler(delivery.Stores{Schedules: st, Settings: st, Channels: st, Digests: st,
		Outbox: st, Claims: st, Live: st, Notices: st}, nil, delivery.SchedulerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	h := &bot.Handler{Store: st, Schedules: sched}
	b := newTestBot(t, f, h)
	for _, tz := range []string{"Local", "Europe/Berlin"} {
		w := httptest.NewRecorder()
		b.CommandsHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), commandForm("schedule set 0 8 * * * "+tz, sink.srv.URL)))
		b.wait()
		cron, zone, _, err := h.Schedules.ChannelSchedule(t.Context(), bot.Channel{Platform: "slack", Scope: "slack:T0001", ID: "C0001"})
		switch {
		case tz == "Local" && (err == nil && cron != ""):
			t.Errorf("schedule set with time zone Local was stored: %q in %q", cron, zone)
		case tz != "Local" && (err != nil || zone != tz):
			t.Errorf("schedule set in %s: %q, %q, %v", tz, cron, zone, err)
		}
	}
	var answers strings.Builder
	for _, m := range sink.wait(t, 1) {
		answers.WriteString(fmt.Sprint(m["text"], m["blocks"]))
	}
	if !strings.Contains(answers.String(), "Local") {
		t.Errorf("the refusal does not explain itself: %s", answers.String())
	}
}
