package eval

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
)

// replayPollInterval is the simulated poll round: every feed is polled
// whenever the clock passes a multiple of it (the poller's default interval),
// and the pipeline then processes what the round stored. A record
// published at 10:07 is therefore seen, analysed and clustered at 10:15.
const replayPollInterval = 15 * time.Minute

// replayer runs a stream of records through the live path: RSS files polled
// by feed.Poller into a SQLite store, pipeline.Pipeline over what was stored,
// all on a clock that follows the records' publication times.
type replayer struct {
	dir    string
	st     *store.Store
	poller *feed.Poller
	pipe   *pipeline.Pipeline
	clock  time.Time
	feeds  map[string]*replayFeed // by source
	order  []*replayFeed          // in order of first appearance

	// The daily digests read along the way (replay_live.go).
	recordsOf  map[string][]string // canonical URL → record IDs
	nextDigest time.Time
	digests    int
	flags      []liveFlag
}

// replayResult is what a replay produced: the stories over the whole
// stream, and the blindspots the daily digests showed along the way.
type replayResult struct {
	stories []replayStory
	flags   []liveFlag
	digests int
}

// replayStream replays recs in file order and returns the stories the digest
// builder forms over the whole stream, each with the record IDs it holds.
func replayStream(ctx context.Context, recs []replayRecord) (replayResult, error) {
	if len(recs) == 0 {
		return replayResult{}, nil
	}
	dir, err := os.MkdirTemp("", "newsdigest-replay-")
	if err != nil {
		return replayResult{}, fmt.Errorf("replay: %w", err)
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(ctx, "sqlite://"+filepath.Join(dir, "replay.db"))
	if err != nil {
		return replayResult{}, fmt.Errorf("replay: %w", err)
	}
	defer st.Close()
	rp := &replayer{dir: dir, st: st, feeds: map[string]*replayFeed{}, recordsOf: map[string][]string{}}
	for _, r := range recs {
		u := feed.CanonicalURL(r.URL)
		rp.recordsOf[u] = append(rp.recordsOf[u], r.ID)
	}
	now := func() time.Time { return rp.clock }
	// One worker: articles get their IDs (and stories their names) in the
	// same order on every run.
	rp.poller = feed.NewPoller(st, feed.Options{Workers: 1, Now: now})
	rp.pipe = pipeline.New(st, 0, nil)
	rp.pipe.SetClock(now)
	if err := rp.addFeeds(ctx, recs); err != nil {
		return replayResult{}, err
	}
	if err := rp.run(ctx, recs); err != nil {
		return replayResult{}, err
	}
	stories, err := rp.stories(ctx, recs)
	return replayResult{stories: stories, flags: rp.flags, digests: rp.digests}, err
}

// addFeeds stores one config feed per outlet (named by the record's source,
// with its lean) and polls each once while it is still empty, as a bot
// started before the news came would: what arrives later is news, not a
// first fetch's backlog.
func (rp *replayer) addFeeds(ctx context.Context, recs []replayRecord) error {
	var want []store.Feed
	for _, r := range recs {
		if _, ok := rp.feeds[r.Source]; ok {
			continue
		}
		f := &replayFeed{source: r.Source, lean: r.Lean,
			path: filepath.Join(rp.dir, "feed-"+strconv.Itoa(len(rp.order))+".xml")}
		rp.feeds[r.Source] = f
		rp.order = append(rp.order, f)
		want = append(want, store.Feed{URL: "file://" + f.path, Name: f.source, Lean: f.lean, FromConfig: true})
	}
	saved, err := rp.st.SyncConfigFeeds(ctx, want)
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	rp.clock = roundEnd(recs[0].Published).Add(-replayPollInterval)
	for i, f := range rp.order {
		f.id = saved[i].ID
		if err := f.write(rp.clock); err != nil {
			return fmt.Errorf("replay: %w", err)
		}
	}
	return rp.poll(ctx, rp.order)
}

// run plays the records round by round: each round publishes the records
// due by its end into their outlets' feeds, polls those feeds and runs the
// pipeline.
func (rp *replayer) run(ctx context.Context, recs []replayRecord) error {
	for i := 0; i < len(recs); {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := roundEnd(recs[i].Published)
		if end.Before(rp.clock) {
			end = rp.clock // out of order: seen in the current round
		}
		var changed []*replayFeed
		for ; i < len(recs) && !roundEnd(recs[i].Published).After(end); i++ {
			f := rp.feeds[recs[i].Source]
			if !slices.Contains(changed, f) {
				changed = append(changed, f)
			}
			f.publish(recs[i])
		}
		rp.clock = end
		for _, f := range changed {
			if err := f.write(end); err != nil {
				return fmt.Errorf("replay: %w", err)
			}
		}
		if err := rp.poll(ctx, changed); err != nil {
			return err
		}
		if _, err := rp.pipe.Process(ctx); err != nil {
			return fmt.Errorf("replay: at %s: %w", end.Format(time.RFC3339), err)
		}
		if err := rp.dailyDigests(ctx); err != nil {
			return err
		}
	}
	return nil
}

// roundEnd is the end of the poll round in which an article published at t
// is first seen.
func roundEnd(t time.Time) time.Time {
	end := t.Truncate(replayPollInterval)
	if end.Before(t) {
		end = end.Add(replayPollInterval)
	}
	return end
}

// poll polls the feeds with their stored state; a feed that cannot be read
// fails the replay rather than losing its articles.
func (rp *replayer) poll(ctx context.Context, feeds []*replayFeed) error {
	stored := make([]store.Feed, 0, len(feeds))
	for _, f := range feeds {
		sf, err := rp.st.FeedByID(ctx, f.id)
		if err != nil {
			return fmt.Errorf("replay: %w", err)
		}
		stored = append(stored, sf)
	}
	for _, rep := range rp.poller.Poll(ctx, stored) {
		if rep.Status == feed.StatusError {
			return fmt.Errorf("replay: %s", rep.Err)
		}
	}
	return nil
}

// stories builds the digest over every stored article, as of the end of the
// stream plus the blindspot settle time (so that every story is old enough
// to be judged), and names each story's records.
func (rp *replayer) stories(ctx context.Context, recs []replayRecord) ([]replayStory, error) {
	arts, err := rp.st.Articles(ctx, store.ArticleQuery{})
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	byGUID := make(map[string]store.Article, len(arts))
	byURL := make(map[string]store.Article, len(arts))
	for _, a := range arts {
		byGUID[a.GUID] = a
		byURL[a.CanonicalURL] = a
	}
	// The digest over the whole stream, read when its last story has
	// settled: every story is judged with all its coverage.
	d, err := compose.Build(ctx, rp.st, compose.Request{Now: rp.clock.Add(digest.DefaultBlindspotSettle)})
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	built := d.Stories
	// Where each record went: by its GUID, or by its URL when a later
	// record with the same link came in as an edit of the stored article.
	storyOf := map[int64]int{} // story ID → index into built
	for i, s := range built {
		storyOf[s.ID] = i
	}
	members := make([][]string, len(built))
	firstRec := make([]int, len(built))
	var out []replayStory
	for i, r := range recs {
		a, ok := byGUID[r.ID]
		if !ok {
			a, ok = byURL[feed.CanonicalURL(r.URL)]
		}
		k, clustered := storyOf[a.StoryID]
		if !ok || !clustered || a.StoryID == 0 {
			// Not stored or not clustered: the scorer counts it alone.
			out = append(out, replayStory{ID: "unclustered-" + r.ID, Articles: []string{r.ID},
				Summary: []string{}, Blindspot: []string{}, first: i})
			continue
		}
		if members[k] == nil {
			firstRec[k] = i
		}
		members[k] = append(members[k], r.ID)
	}
	for k, s := range built {
		if members[k] == nil {
			continue
		}
		out = append(out, replayStory{
			ID:        strconv.FormatInt(s.ID, 10),
			Title:     s.Title,
			Summary:   nonNil(s.Summary),
			Articles:  members[k],
			Blindspot: blindspotSides(s),
			first:     firstRec[k],
		})
	}
	// One line per story, in order of its first record in the stream.
	slices.SortStableFunc(out, func(a, b replayStory) int { return cmp.Compare(a.first, b.first) })
	return out, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
