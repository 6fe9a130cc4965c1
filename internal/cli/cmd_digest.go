package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
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
	format := fs.String("format", "text", "output format: text, markdown or json")
	maxStories := fs.Int("max", 20, "at most this many stories (0: all)")
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
	if *format != "text" && *format != "markdown" && *format != "json" {
		return usageErrorf("digest: -format must be text, markdown or json, not %q", *format)
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
	if err := writeDigest(stdout, *format, d); err != nil {
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
	reports := feed.NewPoller(a.st, feedOptions(a.cfg, a.log)).Poll(ctx, feeds)
	if _, err := pipeline.New(a.st, a.cfg.Window, a.log).Process(ctx); err != nil {
		return digest.Digest{}, err
	}
	d, err := compose.Build(ctx, a.st, compose.Request{Since: since.UTC(), Until: until.UTC(), Now: time.Now().UTC(), Topic: topic, MaxStories: maxStories})
	if err != nil {
		return digest.Digest{}, err
	}
	d.Feeds = feedReports(feeds, reports)
	return d, nil
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

func feedReports(feeds []store.Feed, reports []feed.Report) []digest.FeedReport {
	out := make([]digest.FeedReport, 0, len(reports))
	for i, r := range reports {
		fr := digest.FeedReport{URL: r.URL, Status: r.Status, Error: r.Err, NewArticles: r.NewArticles + r.Backlog}
		if i < len(feeds) {
			fr.Name = feeds[i].Name
		}
		out = append(out, fr)
	}
	return out
}

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

// writeFeedProblems lists the feeds that could not be read under a text digest.
func writeFeedProblems(w io.Writer, reports []digest.FeedReport) error {
	for _, r := range reports {
		if r.Status == "error" {
			if _, err := fmt.Fprintf(w, "\n! feed %s could not be read: %s\n", r.URL, r.Error); err != nil {
				return err
			}
		}
	}
	return nil
}
