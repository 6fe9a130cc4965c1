package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/newsdigest/newsdigest/config"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/store"
)

func runFeeds(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("feeds", "list [-all] | add URL | remove ID | import FILE.opml | export", stderr)
	configPath := fs.String("config", "", "configuration `file` (default ./newsdigest.toml, else the built-in sample)")
	name := fs.String("name", "", "feeds add: the outlet's name (default: the feed's title)")
	lean := fs.String("lean", "", "feeds add: your label for the outlet's lean (left, center-left, center, center-right, right)")
	genre := fs.String("genre", "", "feeds add: what the feed carries, when you know it (reporting, opinion, analysis); overrides what each article's URL, categories and text suggest")
	noCheck := fs.Bool("no-check", false, "feeds add/import: store without fetching the feed once first")
	all := fs.Bool("all", false, "feeds list: every server's and workspace's feeds too, with their scope")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErrorf("feeds: say list, add URL, remove ID, import FILE.opml or export")
	}
	sub, operands := rest[0], rest[1:]
	want := map[string]int{"list": 0, "export": 0, "add": 1, "remove": 1, "import": 1}
	n, ok := want[sub]
	if !ok {
		return usageErrorf("feeds: unknown subcommand %q (list, add, remove, import, export)", sub)
	}
	if len(operands) != n {
		return usageErrorf("feeds %s takes %d argument(s), got %d", sub, n, len(operands))
	}

	a, err := openApp(ctx, *configPath, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if _, err := a.st.SyncConfigFeeds(ctx, configFeeds(a.cfg)); err != nil {
		return fmt.Errorf("sync feeds: %w", err)
	}
	switch sub {
	case "list":
		return a.listFeeds(ctx, stdout, *all)
	case "export":
		return a.exportFeeds(ctx, stdout)
	case "add":
		g, err := feedGenre(*genre)
		if err != nil {
			return err
		}
		return a.addFeed(ctx, stdout, store.Feed{URL: operands[0], Name: *name, Lean: *lean, Genre: g}, !*noCheck)
	case "remove":
		id, err := strconv.ParseInt(operands[0], 10, 64)
		if err != nil {
			return usageErrorf("feeds remove: %q is not a feed id (see feeds list)", operands[0])
		}
		if err := a.st.DeleteFeed(ctx, "", id); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("feeds remove: no feed %d", id)
			}
			return err
		}
		fmt.Fprintf(stdout, "removed feed %d\n", id)
		return nil
	default: // import
		return a.importFeeds(ctx, stdout, operands[0], !*noCheck)
	}
}

// listFeeds prints the operator's feeds or, with all, every scope's: the
// SCOPE column then says whose ("-" for the operator's, else the Discord
// server or Slack workspace that added it in chat).
func (a *app) listFeeds(ctx context.Context, w io.Writer, all bool) error {
	var (
		feeds []store.Feed
		err   error
	)
	if all {
		feeds, err = a.st.AllFeeds(ctx)
	} else {
		feeds, err = a.st.Feeds(ctx, "")
	}
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if all {
		fmt.Fprint(tw, "SCOPE\t")
	}
	fmt.Fprintln(tw, "ID\tNAME\tLEAN\tGENRE\tSOURCE\tSTATUS\tURL")
	for _, f := range feeds {
		source := "added"
		if f.FromConfig {
			source = "config"
		}
		status := "ok"
		switch {
		case f.Unhealthy:
			status = "unhealthy: " + f.LastError
		case f.ErrorCount > 0:
			status = fmt.Sprintf("%d failures: %s", f.ErrorCount, f.LastError)
		case f.LastCheckAt.IsZero():
			status = "not fetched yet"
		}
		if all {
			fmt.Fprintf(tw, "%s\t", dash(f.Scope))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", f.ID, f.Name, dash(f.Lean), dash(f.Genre), source, status, f.URL)
	}
	return tw.Flush()
}

// feedGenre checks a -genre value: "" or one of config.Genres, any case.
func feedGenre(g string) (string, error) {
	g = strings.ToLower(strings.TrimSpace(g))
	if g != "" && !slices.Contains(config.Genres, g) {
		return "", usageErrorf("feeds add: -genre %q is not one of %s (or leave it out)", g, strings.Join(config.Genres, ", "))
	}
	return g, nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// addFeed stores an http(s) feed after, unless check is false, fetching it
// once through the SSRF-guarded fetcher.
func (a *app) addFeed(ctx context.Context, w io.Writer, f store.Feed, check bool) error {
	u, err := feed.ValidateURL(f.URL, false)
	if err != nil {
		return fmt.Errorf("feeds add: %w", err)
	}
	f.URL = u.String()
	if check {
		title, found, err := feed.NewPoller(nil, feedOptions(a.cfg, a.log)).CheckFeed(ctx, f.URL)
		switch {
		case errors.Is(err, feed.ErrPrivateAddress):
			// Storing it would not help: every poll is refused the same way.
			return fmt.Errorf("feeds add: %w (set allow_private_networks = true in the config for a self-hosted feed)", err)
		case err != nil:
			return fmt.Errorf("feeds add: %w (use -no-check to store it anyway)", err)
		}
		f.URL = found
		if f.Name == "" {
			f.Name = title
		}
	}
	if f.Name == "" {
		f.Name = u.Host
	}
	saved, err := a.st.AddFeed(ctx, f)
	if errors.Is(err, store.ErrDuplicate) {
		return fmt.Errorf("feeds add: %s is already followed", f.URL)
	}
	if err != nil {
		return fmt.Errorf("feeds add: %w", err)
	}
	fmt.Fprintf(w, "added feed %d %s (%s)\n", saved.ID, saved.Name, saved.URL)
	return nil
}

func (a *app) importFeeds(ctx context.Context, w io.Writer, path string, check bool) error {
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("feeds import: %w", err)
	}
	defer file.Close()
	outlines, err := feed.ReadOPML(file)
	if err != nil {
		return fmt.Errorf("feeds import: %s: %w", path, err)
	}
	added, failed := 0, 0
	for _, o := range outlines {
		if err := a.addFeed(ctx, w, store.Feed{URL: o.URL, Name: o.Title, Tags: tagsOf(o.Category)}, check); err != nil {
			fmt.Fprintf(w, "skipped %s: %v\n", o.URL, err)
			failed++
			continue
		}
		added++
	}
	fmt.Fprintf(w, "imported %d feeds, skipped %d\n", added, failed)
	return nil
}

func tagsOf(category string) []string {
	if category == "" {
		return nil
	}
	return []string{category}
}

func (a *app) exportFeeds(ctx context.Context, w io.Writer) error {
	feeds, err := a.st.Feeds(ctx, "")
	if err != nil {
		return err
	}
	out := make([]feed.OPMLFeed, 0, len(feeds))
	for _, f := range feeds {
		cat := ""
		if len(f.Tags) > 0 {
			cat = f.Tags[0]
		}
		out = append(out, feed.OPMLFeed{Title: f.Name, URL: f.URL, Category: cat})
	}
	return feed.WriteOPML(w, "newsdigest feeds", out)
}
