package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// operatorSetup writes a config over a fresh SQLite file and returns a
// function that runs the command line against it.
func operatorSetup(t *testing.T) (dsn string, run1 func(args ...string) (string, error)) {
	t.Helper()
	dir := t.TempDir()
	dsn = "sqlite://" + filepath.ToSlash(filepath.Join(dir, "nd.db"))
	cfgPath := filepath.Join(dir, "newsdigest.toml")
	if err := os.WriteFile(cfgPath, []byte(fmt.Sprintf("database = %q\n", dsn)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dsn, func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append(args[:1:1], append([]string{"-config", cfgPath}, args[1:]...)...), &stdout, &stderr)
		return stdout.String(), err
	}
}

func TestChannelsListAndEnable(t *testing.T) {
	ctx := context.Background()
	dsn, nd := operatorSetup(t)
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	room, err := st.UpsertChannel(ctx, store.Channel{Platform: "discord", Scope: "g1", ChannelID: "555"})
	if err == nil {
		_, err = st.SetSchedule(ctx, store.Schedule{ChannelID: room.ID, Cron: "@daily", Timezone: "Europe/Berlin", NextRunAt: time.Now().Add(time.Hour)})
	}
	var d store.Delivery
	if err == nil {
		d, _, err = st.CreateDelivery(ctx, store.Delivery{ChannelID: room.ID, PeriodKey: "p", Kind: store.KindDigest})
	}
	if err == nil {
		// What the outbox records after a permanent platform error.
		err = st.MarkDeliveryFailed(ctx, d.ID, "the bot was removed from the server", time.Time{}, store.StopChannel)
	}
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	out, err := nd("channels", "list")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "@daily Europe/Berlin") || !strings.Contains(out, "stopped: the bot was removed from the server") {
		t.Fatalf("channels list:\n%s", out)
	}
	if _, err := nd("channels", "enable", "999"); err == nil || !strings.Contains(err.Error(), "no channel 999") {
		t.Errorf("enabling a missing channel: %v", err)
	}
	if out, err = nd("channels", "enable", fmt.Sprint(room.ID)); err != nil || !strings.Contains(out, "next digest is at") {
		t.Fatalf("channels enable: %q %v", out, err)
	}
	if out, err = nd("channels", "list"); err != nil || strings.Contains(out, "stopped") || !strings.Contains(out, " ok") {
		t.Errorf("after enable: %v\n%s", err, out)
	}
	st, err = store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if sc, err := st.ScheduleFor(ctx, room.ID); err != nil || !sc.Enabled {
		t.Errorf("schedule after enable: %+v %v", sc, err)
	}
}

func TestFeedsListAll(t *testing.T) {
	ctx := context.Background()
	dsn, nd := operatorSetup(t)
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []store.Feed{
		{URL: "https://wire.example/feed", Name: "Wire"},
		{URL: "https://guild.example/feed", Name: "Guild Gazette", Scope: "discord:77"},
		{URL: "https://team.example/feed", Name: "Team Times", Scope: "slack:T9"},
	} {
		if _, err := st.AddFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	out, err := nd("feeds", "list")
	if err != nil || !strings.Contains(out, "Wire") || strings.Contains(out, "Guild Gazette") {
		t.Errorf("feeds list (the operator's only): %v\n%s", err, out)
	}
	out, err = nd("feeds", "list", "-all")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SCOPE", "discord:77", "Guild Gazette", "slack:T9", "Team Times", "Wire"} {
		if !strings.Contains(out, want) {
			t.Errorf("feeds list -all lacks %q:\n%s", want, out)
		}
	}
}
