package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/config"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/internal/golden"
	"github.com/newsdigest/newsdigest/store"
)

// sampleApp opens the built-in sample configuration in a temporary directory.
func sampleApp(t *testing.T) *app {
	t.Helper()
	dir := t.TempDir()
	cfg, err := config.Sample(dir)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), cfg.Database)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &app{cfg: cfg, sample: true, st: st, log: newLogger(io.Discard, "text", 0)}
}

var fixedUntil = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func TestSampleDigestGolden(t *testing.T) {
	a := sampleApp(t)
	d, err := a.pollAndDigest(context.Background(), time.Time{}, fixedUntil, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	d.GeneratedAt = fixedUntil
	for i := range d.Feeds {
		d.Feeds[i].URL = filepath.Base(d.Feeds[i].URL) // temp dirs differ per run
	}
	var got bytes.Buffer
	if err := writeDigest(&got, "text", d); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "sample_digest.golden"), got.Bytes())
}

func TestSampleDigestStories(t *testing.T) {
	a := sampleApp(t)
	d, err := a.pollAndDigest(context.Background(), time.Time{}, fixedUntil, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range d.Feeds {
		if f.Status != "ok" || f.NewArticles == 0 {
			t.Errorf("feed %s: status %q, %d new articles, error %q", f.URL, f.Status, f.NewArticles, f.Error)
		}
	}
	if len(d.Stories) < 4 {
		t.Fatalf("%d stories, want at least 4", len(d.Stories))
	}
	if n := len(d.Stories[0].Outlets); n != 3 {
		t.Errorf("most covered story has %d outlets (%v), want 3", n, d.Stories[0].Outlets)
	}
	// The story two outlets frame in different ways: an anti opinion piece
	// with name-calling, fear and questions, and a favourable report with
	// praise words (its own in the headline, its sources' in quotations) and
	// anonymous sources, which takes no side in its own voice.
	var opposite *digest.Story
	for i, s := range d.Stories {
		if len(s.Articles) == 2 {
			tones := s.Articles[0].Tone + "/" + s.Articles[1].Tone
			if tones == "anti/neutral" || tones == "neutral/anti" {
				opposite = &d.Stories[i]
			}
		}
	}
	if opposite == nil {
		t.Fatalf("no two-outlet story framed anti by one outlet and not by the other in %s", storyTitles(d))
	}
	for _, a := range opposite.Articles {
		types := map[string]bool{}
		for _, c := range append(append([]framing.Cue(nil), a.Cues...), a.QuotedCues...) {
			types[c.Type] = true
		}
		var want []string
		if a.Tone == "anti" {
			want = []string{"name_calling", "appeal_to_fear", "rhetorical_question"}
			if a.Genre != "opinion" {
				t.Errorf("%s: genre %q, want opinion", a.Source, a.Genre)
			}
		} else {
			want = []string{"glittering_generality", "anonymous_source"}
		}
		for _, w := range want {
			if !types[w] {
				t.Errorf("%s (%s): no %s cue among %v", a.Source, a.Tone, w, a.Cues)
			}
		}
		if !strings.Contains(a.Line, "«") {
			t.Errorf("%s: framing line %q quotes no evidence", a.Source, a.Line)
		}
	}
}

func storyTitles(d digest.Digest) string {
	var b strings.Builder
	for _, s := range d.Stories {
		fmt.Fprintf(&b, "\n  %q %v", s.Title, s.Outlets)
	}
	return b.String()
}

// TestSeedsFormOneStory puts the two founding articles in a feed next to the
// samples: they must form one story that no sample joins.
// TestSeedsFormOneStory puts both founding articles in a feed next to the
// samples, in either publication order: they must form one story that no
// sample article joins.
func TestSeedsFormOneStory(t *testing.T) {
	seeds := sharedSeeds(t)
	ids := slices.Sorted(maps.Keys(seeds))
	for _, order := range [][]string{ids, {ids[1], ids[0]}} {
		t.Run(strings.Join(order, "-then-"), func(t *testing.T) {
			a := sampleApp(t)
			path := filepath.Join(t.TempDir(), "seeds.xml")
			if err := os.WriteFile(path, seedFeed(t, seeds, order), 0o644); err != nil {
				t.Fatal(err)
			}
			a.cfg.Feeds = append(a.cfg.Feeds, config.Feed{URL: "file://" + filepath.ToSlash(path), Name: "Seed Wire"})
			d, err := a.pollAndDigest(context.Background(), time.Time{}, fixedUntil, "", 0)
			if err != nil {
				t.Fatal(err)
			}
			var story *digest.Story
			for i, s := range d.Stories {
				for _, art := range s.Articles {
					if art.Source == "Seed Wire" {
						if story != nil && story.ID != s.ID {
							t.Fatalf("the seeds are in two stories: %s", storyTitles(d))
						}
						story = &d.Stories[i]
					}
				}
			}
			if story == nil {
				t.Fatal("no story holds the seeds")
			}
			if len(story.Articles) != 2 {
				var titles []string
				for _, art := range story.Articles {
					titles = append(titles, art.Source+": "+art.Title)
				}
				t.Fatalf("the seeds' story has %d articles, want exactly the 2 seeds: %q", len(story.Articles), titles)
			}
		})
	}
}

// sharedSeeds reads the founding articles from ../shared/seeds, or skips.
func sharedSeeds(t *testing.T) map[string]string {
	t.Helper()
	dir := filepath.Join(sharedDir, "seeds")
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) < 2 {
		t.Skip("../shared/seeds is absent; skipping the seed check")
	}
	out := map[string]string{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(n), ".txt")] = string(b)
	}
	return out
}

// seedFeed writes the seeds as an RSS 2.0 feed, one item each, an hour apart.
// seedFeed renders the seeds as an RSS feed, published an hour apart in
// the given order of their ids.
func seedFeed(t *testing.T, seeds map[string]string, order []string) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Seed Wire</title><link>https://seeds.example/</link>`)
	published := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for i, id := range order {
		title, body := splitHeadline(seeds[id])
		var paras strings.Builder
		for _, p := range strings.Split(body, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras.WriteString("<p>" + html.EscapeString(p) + "</p>")
			}
		}
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://seeds.example/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			html.EscapeString(title), id, id, published.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z), html.EscapeString(paras.String()))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

func TestDigestReportsBrokenFeeds(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.xml")
	if err := os.WriteFile(broken, []byte("<rss><channel><item><title>unterminated"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.xml")
	write := func(name string, feeds ...string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "database = %q\n", "sqlite://"+filepath.ToSlash(filepath.Join(dir, name+".db")))
		for _, f := range feeds {
			fmt.Fprintf(&b, "[[feeds]]\nurl = %q\n", "file://"+filepath.ToSlash(f))
		}
		p := filepath.Join(dir, name+".toml")
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sample, err := config.Sample(filepath.Join(dir, "sample"))
	if err != nil {
		t.Fatal(err)
	}
	good := strings.TrimPrefix(sample.Feeds[0].URL, "file://")

	t.Run("one good feed: exit 0, errors reported", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"digest", "-config", write("mixed", broken, missing, good), "-format", "json", "-since", "30d"}, &stdout, &stderr)
		if err != nil {
			t.Fatalf("digest failed: %v\n%s", err, stderr.String())
		}
		var d struct {
			Feeds []struct {
				URL, Status, Error string
				NewArticles        int `json:"new_articles"`
			}
			Stories []json.RawMessage
		}
		if err := json.Unmarshal(stdout.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if len(d.Feeds) != 3 || d.Feeds[0].Status != "error" || d.Feeds[1].Status != "error" || d.Feeds[2].Status != "ok" {
			t.Fatalf("feeds = %+v", d.Feeds)
		}
		if d.Feeds[0].Error == "" || d.Feeds[1].Error == "" {
			t.Errorf("failed feeds carry no error: %+v", d.Feeds)
		}
		if len(d.Stories) == 0 {
			t.Error("no stories from the good feed")
		}
	})
	t.Run("every feed fails: non-zero exit", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"digest", "-config", write("bad", broken, missing)}, &stdout, &stderr)
		if code := exitCode(err, io.Discard); code != 1 {
			t.Fatalf("exit code %d, want 1 (err %v)", code, err)
		}
	})
}

// TestDigestHonoursRetryAfterAndNextPoll: a feed that answered 429 with
// Retry-After, and one fetched a moment ago, are not fetched again by the
// next one-shot digest; it reports them as skipped with their next fetch.
func TestDigestHonoursRetryAfterAndNextPoll(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/busy.xml" {
			w.Header().Set("Retry-After", "7200")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Street Bulletin</title>
<item><title>Market hall reopens</title><link>https://quay.example/market</link><description>The market hall reopened on Saturday after a year of building work.</description></item></channel></rss>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "newsdigest.toml")
	cfg := fmt.Sprintf("database = %q\nallow_private_networks = true\n\n[[feeds]]\nurl = %q\n\n[[feeds]]\nurl = %q\n",
		"sqlite://"+filepath.ToSlash(filepath.Join(dir, "nd.db")), srv.URL+"/quay.xml", srv.URL+"/busy.xml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	digestJSON := func() digest.Digest {
		t.Helper()
		var stdout bytes.Buffer
		if err := run(context.Background(), []string{"digest", "-config", cfgPath, "-format", "json", "-since", "30d"}, &stdout, io.Discard); err != nil {
			t.Fatal(err)
		}
		var d digest.Digest
		if err := json.Unmarshal(stdout.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	first := digestJSON()
	if len(first.Feeds) != 2 || first.Feeds[0].Status != "ok" || first.Feeds[1].Status != "error" || hits.Load() != 2 {
		t.Fatalf("first digest: %+v after %d requests", first.Feeds, hits.Load())
	}
	start := time.Now()
	second := digestJSON()
	if hits.Load() != 2 {
		t.Errorf("the second digest fetched again (%d requests)", hits.Load())
	}
	for i, wantAfter := range []time.Duration{5 * time.Minute, 2 * time.Hour} {
		r := second.Feeds[i]
		if r.Status != "skipped" || r.NextFetch.Before(start.Add(wantAfter-time.Minute)) {
			t.Errorf("feed %s: %s, next fetch %v; want skipped until about %v from now", r.URL, r.Status, r.NextFetch, wantAfter)
		}
	}
	if len(second.Stories) != 1 {
		t.Errorf("the skipped feed's stored story is gone: %d stories", len(second.Stories))
	}
}
