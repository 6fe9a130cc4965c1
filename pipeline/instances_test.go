package pipeline_test

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/internal/testdb"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
)

// streamArticle is one line of testdata/stream.jsonl: 62 reports on 20
// invented events by six invented outlets over 36 hours, written by the
// team for these tests. Event is what a careful reader would call the
// story; the pipeline never sees it.
type streamArticle struct {
	Event  string `json:"event"`
	Outlet string `json:"outlet"`
	At     int    `json:"at_minutes"` // publication, in minutes after the stream starts
	Title  string `json:"title"`
	Text   string `json:"text"`
	Lag    int    `json:"-"` // minutes its feed takes to show it, on top of feedLag
}

func loadStream(t testing.TB) []streamArticle {
	t.Helper()
	f, err := os.Open("testdata/stream.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []streamArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a streamArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("stream line %d: %v", len(out)+1, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// pollMinutes is how much of the stream one poll round takes in: every
// instance stores what its feeds published in that time, then every
// instance tries to process.
const pollMinutes = 120

// feedLag is how long two outlets' feeds take to show what they published:
// their articles arrive rounds after newer ones of other outlets, so the
// order of clustering is not the order of publication.
var feedLag = map[string]int{"Meridian Daily": 300, "Coastline Post": 150}

// arrives is the minute of the stream at which a's feed shows it.
func (a streamArticle) arrives() int { return a.At + feedLag[a.Outlet] + a.Lag }

// streamStart is when the stream began: recent enough that the whole
// stream is inside the clustering window.
var streamStart = time.Now().UTC().Add(-40 * time.Hour).Truncate(time.Minute)

// instance is one newsdigest process: its own connections, pipeline and
// feeds (the outlets the poller's feed leases gave it).
type instance struct {
	name      string
	st        *store.Store
	p         *pipeline.Pipeline
	feeds     map[string]int64 // outlet → feed id
	outlets   []string         // outlets this instance polls
	ctx       context.Context
	kill      context.CancelFunc
	processed atomic.Int64
}

// startInstances opens n instances on dsn; instance i polls every n-th outlet.
func startInstances(t *testing.T, dsn string, n int, ttl time.Duration, stream []streamArticle) []*instance {
	t.Helper()
	var outlets []string
	for _, a := range stream {
		if !slices.Contains(outlets, a.Outlet) {
			outlets = append(outlets, a.Outlet)
		}
	}
	slices.Sort(outlets)
	var feeds []store.Feed
	for _, o := range outlets {
		slug := strings.ToLower(strings.ReplaceAll(o, " ", "-"))
		feeds = append(feeds, store.Feed{URL: "https://" + slug + ".example/feed", Name: o, FromConfig: true})
	}
	insts := make([]*instance, n)
	for i := range insts {
		st, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		saved, err := st.SyncConfigFeeds(context.Background(), feeds)
		if err != nil {
			t.Fatal(err)
		}
		ctx, kill := context.WithCancel(context.Background())
		t.Cleanup(kill)
		in := &instance{name: fmt.Sprintf("instance-%d", i), st: st, feeds: map[string]int64{}, ctx: ctx, kill: kill}
		for _, f := range saved {
			in.feeds[f.Name] = f.ID
		}
		for k, o := range outlets {
			if k%n == i {
				in.outlets = append(in.outlets, o)
			}
		}
		in.p = pipeline.New(st, 0, nil)
		in.p.Owner = in.name
		in.p.LeaseTTL = ttl
		insts[i] = in
	}
	return insts
}

// ingest stores the articles of its outlets among arts, as its poller would.
func (in *instance) ingest(arts []streamArticle) error {
	for _, a := range arts {
		if !slices.Contains(in.outlets, a.Outlet) {
			continue
		}
		u := "https://" + strings.ToLower(strings.ReplaceAll(a.Outlet, " ", "-")) + ".example/" + slug(a.Title)
		published := streamStart.Add(time.Duration(a.At) * time.Minute)
		art := &store.Article{FeedID: in.feeds[a.Outlet], CanonicalURL: u, FirstSeenAt: published.Add(5 * time.Minute),
			Article: digest.Article{GUID: u, URL: u, Title: a.Title, Text: a.Text, Source: a.Outlet, Published: published}}
		if _, err := in.st.SaveArticle(in.ctx, art); err != nil {
			return fmt.Errorf("%s: save %q: %w", in.name, a.Title, err)
		}
	}
	return nil
}

func slug(s string) string {
	return strings.Trim(strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return '-'
	}, s), "-")
}

// streamRun says how to run the stream through the instances.
type streamRun struct {
	// handBack makes the instance that processed a round release the lease,
	// as on a graceful restart, so the next round goes to whichever
	// instance is first and must rebuild its index from the database.
	handBack bool
	// killRound > 0 kills the processing instance in that round, after it
	// has processed killAfter articles, without releasing anything.
	killRound, killAfter int
}

// streamResult is what a run produced.
type streamResult struct {
	stories    [][]string // each story's article URLs, sorted; stories sorted
	titles     map[string]string
	events     map[string]string // URL → event
	handovers  int               // rounds processed by another instance than the round before
	handoverIn time.Duration     // after a kill: until a survivor had processed the rest
}

// runStream feeds the stream to the instances round by round: all of them
// store their share concurrently, then all of them process concurrently.
func runStream(t *testing.T, insts []*instance, stream []streamArticle, run streamRun) streamResult {
	t.Helper()
	res := streamResult{titles: map[string]string{}, events: map[string]string{}}
	var armed atomic.Int64
	var killedAt atomic.Int64
	for _, in := range insts {
		in.p.Analysed = func(time.Duration) {
			if armed.Load() > 0 && armed.Add(-1) == 0 {
				killedAt.Store(time.Now().UnixNano())
				in.kill() // dies mid-article: nothing released, no heartbeat
			}
		}
	}
	live := slices.Clone(insts)
	last := ""
	total := 0
	for round := 0; total < len(stream); round++ {
		if round > 10_000 {
			t.Fatal("the stream never ends")
		}
		var arts []streamArticle
		for _, a := range stream {
			if at := a.arrives(); at >= round*pollMinutes && at < (round+1)*pollMinutes {
				arts = append(arts, a)
			}
		}
		total += len(arts)
		parallel(t, live, func(in *instance) error { return in.ingest(arts) })
		if round+1 == run.killRound {
			armed.Store(int64(run.killAfter))
		}
		var mu sync.Mutex
		var processors []string
		parallel(t, live, func(in *instance) error {
			if run.handBack && in.name == last {
				// Let another instance win the lease this round.
				time.Sleep(30 * time.Millisecond)
			}
			n, err := in.p.Process(in.ctx)
			in.processed.Add(int64(n))
			if err == nil && n > 0 {
				mu.Lock()
				processors = append(processors, in.name)
				mu.Unlock()
			}
			if in.ctx.Err() != nil || pipeline.Busy(err) {
				return nil
			}
			return err
		})
		if killedAt.Load() != 0 && res.handoverIn == 0 {
			var orphaned []string
			live = slices.DeleteFunc(live, func(in *instance) bool {
				if in.ctx.Err() != nil {
					orphaned = append(orphaned, in.outlets...)
					return true
				}
				return false
			})
			// The dead instance's feeds go to the survivors once their
			// leases lapse, as its pipeline lease does.
			for i, o := range orphaned {
				live[i%len(live)].outlets = append(live[i%len(live)].outlets, o)
			}
			res.handoverIn = carryOn(t, live, time.Unix(0, killedAt.Load()))
			processors = append(processors, "survivor")
		}
		if len(processors) > 1 {
			t.Fatalf("round %d processed by %v at once", round, processors)
		}
		if len(processors) == 1 && processors[0] != last {
			if last != "" {
				res.handovers++
			}
			last = processors[0]
		}
		if left, err := live[0].st.Unanalyzed(context.Background(), 100); err != nil || len(left) > 0 {
			t.Fatalf("round %d: %d articles left unprocessed (%v)", round, len(left), err)
		}
		if run.handBack {
			for _, in := range live {
				if err := in.p.Release(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var processed int64
	for _, in := range insts {
		processed += in.processed.Load()
	}
	if processed != int64(len(stream)) {
		t.Errorf("%d articles processed in all, want each of the %d once", processed, len(stream))
	}
	arts, err := live[0].st.Articles(context.Background(), store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	byStory := map[int64][]string{}
	for _, a := range arts {
		byStory[a.StoryID] = append(byStory[a.StoryID], a.URL)
		res.titles[a.URL] = a.Title
	}
	for _, a := range stream {
		res.events["https://"+strings.ToLower(strings.ReplaceAll(a.Outlet, " ", "-"))+".example/"+slug(a.Title)] = a.Event
	}
	for _, urls := range byStory {
		slices.Sort(urls)
		res.stories = append(res.stories, urls)
	}
	slices.SortFunc(res.stories, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return res
}

// carryOn lets the surviving instances try to process every 20ms, as
// serve's loop does (every 10s), until one has taken the lease over and
// processed what the dead one left. It returns how long that took.
func carryOn(t *testing.T, live []*instance, killed time.Time) time.Duration {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		for _, in := range live {
			n, err := in.p.Process(in.ctx)
			in.processed.Add(int64(n))
			if err != nil && !pipeline.Busy(err) {
				t.Fatalf("%s after the kill: %v", in.name, err)
			}
			if err == nil {
				return time.Since(killed)
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("no instance took the pipeline over within a minute of the kill")
	return 0
}

// parallel runs fn for every instance at once and fails on the first error.
func parallel(t *testing.T, insts []*instance, fn func(in *instance) error) {
	t.Helper()
	errs := make(chan error, len(insts))
	var wg sync.WaitGroup
	for _, in := range insts {
		wg.Go(func() { errs <- fn(in) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// describe logs the stories of a run and how they match the events.
func describe(t *testing.T, label string, r streamResult) {
	t.Helper()
	storiesOf := map[string]map[int]bool{}
	var b strings.Builder
	for i, urls := range r.stories {
		var events []string
		for _, u := range urls {
			ev := r.events[u]
			if storiesOf[ev] == nil {
				storiesOf[ev] = map[int]bool{}
			}
			storiesOf[ev][i] = true
			if !slices.Contains(events, ev) {
				events = append(events, ev)
			}
		}
		fmt.Fprintf(&b, "\n  story %2d: %d articles, events %v: %q", i+1, len(urls), events, r.titles[urls[0]])
	}
	split, mixed := 0, 0
	for _, s := range storiesOf {
		if len(s) > 1 {
			split++
		}
	}
	for _, urls := range r.stories {
		seen := map[string]bool{}
		for _, u := range urls {
			seen[r.events[u]] = true
		}
		if len(seen) > 1 {
			mixed++
		}
	}
	t.Logf("%s: %d stories for %d events; %d events split, %d stories mix events; %d handovers%s",
		label, len(r.stories), len(storiesOf), split, mixed, r.handovers, b.String())
}

// TestInstancesFormTheStoriesOfOne runs one stream through one instance
// and through three sharing the database, with the lease handed back after
// every round (so rounds go to different instances, each rebuilding its
// index from the database) and with the processing instance killed
// mid-round: all must form exactly the same stories.
func TestInstancesFormTheStoriesOfOne(t *testing.T) {
	stream := loadStream(t)
	testdb.Each(t, func(t *testing.T, dsn1 string) {
		reopen := testdb.SQLite
		if strings.HasPrefix(dsn1, "postgres") {
			reopen = testdb.Postgres
		}
		one := runStream(t, startInstances(t, dsn1, 1, 0, stream), stream, streamRun{})
		describe(t, "1 instance", one)

		t.Run("3 instances, lease handed on every round", func(t *testing.T) {
			three := runStream(t, startInstances(t, reopen(t), 3, 0, stream), stream, streamRun{handBack: true})
			describe(t, "3 instances", three)
			if three.handovers == 0 {
				t.Error("the lease never changed hands; the test proves nothing")
			}
			sameStories(t, one, three)
		})
		t.Run("3 instances, processing instance killed", func(t *testing.T) {
			const ttl = time.Second
			three := runStream(t, startInstances(t, reopen(t), 3, ttl, stream), stream,
				streamRun{killRound: 8, killAfter: 2})
			describe(t, "3 instances, one killed", three)
			t.Logf("handover after the kill: %v (lease TTL %v)", three.handoverIn.Round(time.Millisecond), ttl)
			if three.handoverIn == 0 {
				t.Fatal("nobody was killed")
			}
			// The holder renews every third of the TTL, so its lease runs
			// out between 2/3 TTL and one TTL after its death.
			if three.handoverIn < ttl/2 {
				t.Errorf("taken over after %v, before the dead holder's lease (%v) ran out", three.handoverIn, ttl)
			}
			sameStories(t, one, three)
		})
	})
}

func sameStories(t *testing.T, want, got streamResult) {
	t.Helper()
	if slices.EqualFunc(want.stories, got.stories, slices.Equal) {
		return
	}
	only := func(a, b [][]string) (out []string) {
		for _, s := range a {
			if !slices.ContainsFunc(b, func(o []string) bool { return slices.Equal(s, o) }) {
				var titles []string
				for _, u := range s {
					titles = append(titles, cmp.Or(want.titles[u], got.titles[u]))
				}
				out = append(out, strings.Join(titles, " | "))
			}
		}
		return out
	}
	t.Errorf("stories differ from one instance's:\n only one instance formed:\n  %s\n only several formed:\n  %s",
		strings.Join(only(want.stories, got.stories), "\n  "), strings.Join(only(got.stories, want.stories), "\n  "))
}

// TestHandoverOnAHarderStream is the same check on a harder stream: 120
// synthetic reports on 24 topics whose vocabularies overlap (one instance
// merges some neighbours), arriving up to six hours late, so that
// clustering order differs from publication order, and rounds go to
// another instance (fifteen times on this stream).
func TestHandoverOnAHarderStream(t *testing.T) {
	stream := syntheticStream(120, 24)
	testdb.Each(t, func(t *testing.T, dsn string) {
		reopen := testdb.SQLite
		if strings.HasPrefix(dsn, "postgres") {
			reopen = testdb.Postgres
		}
		one := runStream(t, startInstances(t, dsn, 1, 0, stream), stream, streamRun{})
		describe(t, "1 instance", one)
		three := runStream(t, startInstances(t, reopen(t), 3, 0, stream), stream, streamRun{handBack: true})
		describe(t, "3 instances", three)
		if three.handovers == 0 {
			t.Error("the lease never changed hands; the test proves nothing")
		}
		sameStories(t, one, three)
	})
}

// syntheticStream makes n reports on topics topics over 36 hours, from a
// fixed seed. Each topic has its own made-up words and shares some with its
// neighbour, and every report mixes in common words.
func syntheticStream(n, topics int) []streamArticle {
	rng := rand.New(rand.NewPCG(13, 7))
	syllables := []string{"ka", "lo", "mir", "sen", "tu", "va", "bre", "dol", "fen", "gar", "hul", "jor", "nes", "pim", "rok", "sil"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		return b.String()
	}
	vocab := make([][]string, topics)
	for i := range vocab {
		for range 10 {
			vocab[i] = append(vocab[i], word())
		}
	}
	common := []string{"council", "report", "said", "week", "people", "plan", "town", "local", "new", "officials"}
	outlets := []string{"Civic Wire", "Coastline Post", "Harbour Gazette", "Meridian Daily", "Northern Ledger", "Valley Courier"}
	out := make([]streamArticle, 0, n)
	for i := range n {
		topic := rng.IntN(topics)
		near := vocab[(topic+1)%topics]
		sentence := func() string {
			var words []string
			for range 9 {
				switch r := rng.IntN(10); {
				case r < 6:
					words = append(words, vocab[topic][rng.IntN(len(vocab[topic]))])
				case r < 7:
					words = append(words, near[rng.IntN(len(near))])
				default:
					words = append(words, common[rng.IntN(len(common))])
				}
			}
			return strings.Join(words, " ") + ". "
		}
		var text strings.Builder
		for range 4 {
			text.WriteString(sentence())
		}
		out = append(out, streamArticle{
			Event:  fmt.Sprint("topic-", topic),
			Outlet: outlets[rng.IntN(len(outlets))],
			At:     topic*50 + rng.IntN(240),
			Title:  fmt.Sprintf("%s %d", strings.TrimSuffix(sentence(), ". "), i),
			Text:   text.String(),
			Lag:    rng.IntN(360),
		})
	}
	return out
}
