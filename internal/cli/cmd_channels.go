package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// runChannels lists the channels the bot posts to, with why a stopped one
// stopped, and enables one again once its cause is fixed (the bot was
// re-invited, the channel restored).
func runChannels(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("channels", "list | enable ID", stderr)
	configPath := fs.String("config", "", "configuration `file` (default ./newsdigest.toml, else the built-in sample)")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErrorf("channels: say list or enable ID")
	}
	sub, operands := rest[0], rest[1:]
	want := map[string]int{"list": 0, "enable": 1}
	n, ok := want[sub]
	if !ok {
		return usageErrorf("channels: unknown subcommand %q (list, enable)", sub)
	}
	if len(operands) != n {
		return usageErrorf("channels %s takes %d argument(s), got %d", sub, n, len(operands))
	}
	var id int64
	if sub == "enable" {
		if id, err = strconv.ParseInt(operands[0], 10, 64); err != nil || id <= 0 {
			return usageErrorf("channels enable: %q is not a channel id (see channels list)", operands[0])
		}
	}
	a, err := openApp(ctx, *configPath, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if sub == "list" {
		return a.listChannels(ctx, stdout)
	}
	return a.enableChannel(ctx, stdout, id)
}

func (a *app) listChannels(ctx context.Context, w io.Writer) error {
	chans, err := a.st.AllChannels(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPLATFORM\tSCOPE\tCHANNEL\tSCHEDULE\tLIVE\tSTATUS")
	for _, c := range chans {
		schedule, status, err := a.channelStatus(ctx, c)
		if err != nil {
			return err
		}
		live := "-"
		if c.Live {
			live = "yes"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Platform, dash(c.Scope), c.ChannelID, schedule, live, status)
	}
	return tw.Flush()
}

// channelStatus describes c's schedule and whether posting to it works.
func (a *app) channelStatus(ctx context.Context, c store.Channel) (schedule, status string, err error) {
	schedule, status = "-", "ok"
	sc, err := a.st.ScheduleFor(ctx, c.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return "", "", err
	default:
		schedule = sc.Cron + " " + sc.Timezone
		if !sc.Enabled {
			status = "schedule off: " + sc.StopReason
		}
	}
	if c.StopReason != "" {
		status = "stopped: " + c.StopReason
	}
	return schedule, status, nil
}

func (a *app) enableChannel(ctx context.Context, w io.Writer, id int64) error {
	sched, err := a.newScheduler(nil, nil)
	if err != nil {
		return err
	}
	next, err := sched.EnableChannel(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("channels enable: no channel %d (see channels list)", id)
	}
	if err != nil {
		return fmt.Errorf("channels enable: %w", err)
	}
	if next.IsZero() {
		fmt.Fprintf(w, "enabled channel %d\n", id)
	} else {
		fmt.Fprintf(w, "enabled channel %d; its next digest is at %s\n", id, next.Format(time.RFC1123))
	}
	return nil
}
