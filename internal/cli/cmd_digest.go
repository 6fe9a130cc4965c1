package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/bot/console"
	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
)

func runDigest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("digest", "", stderr)
	configPath := fs.String("config", "", "configuration `file` (default ./newsdigest.toml, else the built-in sample)")
	sinceFlag := fs.String("since", "24h", "look back this far: a duration like 6h, or 2d, 1w")
	topic := fs.String("topic", "", "only stories about these words")
	format := fs.String("format", "text", "output format: text, markdown, json or png (the coverage chart)")
	out := fs.String("out", "", "write to this `file` instead of standard output (needed for png; markdown gets the chart as a PNG beside it)")
	maxStories := fs.Int("max", 20, "at most this many stories (0: all); a png shows 6 unless -max is given")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf("digest takes no arguments, got %q", fs.Arg(0))
	}
	span, err := bot.ParseSince(*sinceFlag)
	if err != nil {
		return usageErrorf("digest: -since: %v", err)
	}
	if *format != "text" && *format != "markdown" && *format != "json" && *format != "png" {
		return usageErrorf("digest: -format must be text, markdown, json or png, not %q", *format)
	}
	if *format == "png" && *out == "" {
		return usageErrorf("digest: -format png needs -out FILE.png")
	}
	if *maxStories < 0 {
		return usageErrorf("digest: -max must not be negative")
	}

	a, err := openApp(ctx, *configPath, stderr, true)
	if err != nil {
		return err
	}
	defer a.Close()
	until := time.Now()
	since := until.Add(-span)
	if a.sample && !flagSet(fs, "since") {
		// The sample articles carry fixed dates; show all of them.
		since = time.Time{}
	}
	d, err := a.pollAndDigest(ctx, since, until, *topic, *maxStories)
	if err != nil {
		return err
	}
	chartStories := bot.DefaultMaxStories
	if flagSet(fs, "max") && *maxStories > 0 {
		chartStories = *maxStories
	}
	if err := writeDigestOut(stdout, *format, *out, d, chartStories); err != nil {
		return err
	}
	return allFeedsFailed(d.Feeds)
}

// pollAndDigest polls the configured feeds once, analyses what is new, and
// builds the digest of the period.
func (a *app) pollAndDigest(ctx context.Context, since, until time.Time, topic string, maxStories int) (digest.Digest, error) {
	feeds, err := a.st.SyncConfigFeeds(ctx, configFeeds(a.cfg))
	if err != nil {
		return digest.Digest{}, fmt.Errorf("sync feeds: %w", err)
	}
	cli, err := a.st.Feeds(ctx, "")
	if err != nil {
		return digest.Digest{}, fmt.Errorf("list feeds: %w", err)
	}
	feeds = mergeFeeds(feeds, cli)
	due, _ := splitDue(feeds, time.Now())
	reports := feed.NewPoller(a.st, feedOptions(a.cfg, a.log)).Poll(ctx, due)
	if err := a.process(ctx); err != nil {
		return digest.Digest{}, err
	}
	d, err := compose.Build(ctx, a.st, compose.Request{Since: since.UTC(), Until: until.UTC(), Now: time.Now().UTC(), Topic: topic, MaxStories: maxStories,
		WholeStories: true, BlindspotSettle: a.cfg.BlindspotSettle}) // coverage is the whole story's
	if err != nil {
		return digest.Digest{}, err
	}
	d.Feeds = feedReports(feeds, reports)
	return d, nil
}

// process analyses and clusters what the poll stored, then lets the
// pipeline lease go, so that a serve instance on the same database can
// carry on at once. When such an instance is clustering right now, the
// digest shows what it has processed so far.
func (a *app) process(ctx context.Context) error {
	pipe := pipeline.New(a.st, a.cfg.Window, a.log)
	_, err := pipe.Process(ctx)
	if rerr := pipe.Release(context.WithoutCancel(ctx)); rerr != nil {
		a.log.Warn("releasing the pipeline lease", slog.String("error", rerr.Error()))
	}
	if pipeline.Busy(err) {
		a.log.Warn("another instance is clustering new articles; this digest shows what it has done so far",
			slog.String("reason", err.Error()))
		return nil
	}
	return err
}

// mergeFeeds adds the operator feeds added with `feeds add` to the config feeds.
func mergeFeeds(cfgFeeds, all []store.Feed) []store.Feed {
	seen := map[int64]bool{}
	for _, f := range cfgFeeds {
		seen[f.ID] = true
	}
	for _, f := range all {
		if !seen[f.ID] && !f.FromConfig {
			cfgFeeds = append(cfgFeeds, f)
		}
	}
	return cfgFeeds
}

// splitDue separates the feeds whose next fetch has come from those that
// asked to be left alone until later: a server's Retry-After or
// Cache-Control, a feed's <ttl>, or a fetch a moment ago (by serve or an
// earlier digest) set their next-check time. The one-shot digest honours
// it like the poller does.
func splitDue(feeds []store.Feed, now time.Time) (due, later []store.Feed) {
	for _, f := range feeds {
		if f.NextCheckAt.After(now) {
			later = append(later, f)
		} else {
			due = append(due, f)
		}
	}
	return due, later
}

// feedReports says how every feed fared, in order: a polled feed by its
// poll, a feed not yet due as skipped with its next fetch.
func feedReports(feeds []store.Feed, reports []feed.Report) []digest.FeedReport {
	byID := make(map[int64]feed.Report, len(reports))
	for _, r := range reports {
		byID[r.FeedID] = r
	}
	out := make([]digest.FeedReport, 0, len(feeds))
	for _, f := range feeds {
		r, polled := byID[f.ID]
		if !polled {
			out = append(out, digest.FeedReport{URL: f.URL, Name: f.Name, Status: statusSkipped, NextFetch: f.NextCheckAt.UTC()})
			continue
		}
		out = append(out, digest.FeedReport{URL: r.URL, Name: f.Name, Status: r.Status, Error: r.Err, NewArticles: r.NewArticles + r.Backlog})
	}
	return out
}

// statusSkipped is the report status of a feed that was not due.
const statusSkipped = "skipped"

// allFeedsFailed is an error when there were feeds and none could be read.
func allFeedsFailed(reports []digest.FeedReport) error {
	if len(reports) == 0 {
		return nil
	}
	for _, r := range reports {
		if r.Status != "error" {
			return nil
		}
	}
	return fmt.Errorf("every feed failed (%d feeds; first error: %s)", len(reports), reports[0].Error)
}

func writeDigest(w io.Writer, format string, d digest.Digest) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	case "markdown":
		return console.Render(w, console.Markdown, bot.DigestMessage("News digest", d))
	default:
		if err := console.Render(w, console.Text, bot.DigestMessage("News digest", d)); err != nil {
			return err
		}
		return writeFeedProblems(w, d.Feeds)
	}
}

// writeFeedProblems lists, under a text digest, the feeds that could not be
// read and those left for later.
func writeFeedProblems(w io.Writer, reports []digest.FeedReport) error {
	for _, r := range reports {
		var err error
		switch r.Status {
		case "error":
			_, err = fmt.Fprintf(w, "\n! feed %s could not be read: %s\n", r.URL, r.Error)
		case statusSkipped:
			_, err = fmt.Fprintf(w, "\n- feed %s skipped: not due until %s\n", r.URL, r.NextFetch.Format(time.RFC3339))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
