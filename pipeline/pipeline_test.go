package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/pipeline"
	"github.com/newsdigest/newsdigest/store"
)

// base is when the test articles were published.
var base = time.Now().UTC().Add(-6 * time.Hour).Truncate(time.Minute)

// testArticle is one article written for these tests.
type testArticle struct {
	story string // which story a careful reader puts it in
	feed  int
	title string
	body  string
}

var articles = []testArticle{
	{"ferry", 0, "Ferry crews walk out over rosters at Saltmarsh port",
		"Ferry crews at Saltmarsh port stopped work on Tuesday morning in a dispute over rosters. " +
			"The union representing deckhands said the new rosters leave crews without rest between crossings. " +
			"Passengers bound for the islands were turned away at the terminal, and freight lorries queued along the harbour road. " +
			"The ferry operator said talks with the union would resume on Wednesday."},
	{"ferry", 1, "Saltmarsh ferry strike strands island passengers",
		"Island passengers were stranded at Saltmarsh port after ferry crews walked out over new rosters. " +
			"The deckhands' union says the rosters cut rest time between crossings to unsafe levels. " +
			"Freight lorries waited on the harbour road while the terminal stayed closed. " +
			"Managers at the ferry operator promised further talks with the union."},
	{"orchard", 1, "Frost wipes out apple blossom in the Calder valley orchards",
		"A late frost has destroyed most of the apple blossom in the Calder valley, growers said. " +
			"Orchard owners lit braziers between the rows overnight but temperatures fell to minus four. " +
			"The growers' cooperative expects the apple harvest to be less than half of last year's. " +
			"Cider makers in the valley are already looking for fruit elsewhere."},
	{"orchard", 2, "Calder valley growers count the cost of a late frost",
		"Apple growers in the Calder valley are counting the cost after a late frost killed the blossom. " +
			"Braziers burned through the night in the orchards, but the cold was too deep. " +
			"The cooperative now forecasts an apple harvest below half of last season's, and cider makers fear shortages."},
	{"library", 2, "Town library to open on Sundays from March",
		"The town council voted to open the central library on Sundays from March. " +
			"Councillors said the reading rooms are full on Saturdays and students had asked for more hours. " +
			"The extra day will be paid for from the arts budget."},
}

// follow-up coverage of the ferry story, saved after a restart.
var followUp = testArticle{"ferry", 2, "Ferry union and operator agree to new talks as Saltmarsh strike continues",
	"The ferry strike at Saltmarsh port entered its second day as the deckhands' union and the operator agreed to new talks. " +
		"Crews say the rosters leave no rest between crossings; the operator says it needs the timetable to run. " +
		"Island passengers were again turned away at the terminal."}

func openStore(t testing.TB) (*store.Store, []store.Feed) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite://"+filepath.ToSlash(filepath.Join(t.TempDir(), "nd.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	feeds, err := st.SyncConfigFeeds(ctx, []store.Feed{
		{URL: "https://one.example/feed", Name: "One", FromConfig: true},
		{URL: "https://two.example/feed", Name: "Two", FromConfig: true},
		{URL: "https://three.example/feed", Name: "Three", FromConfig: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, feeds
}

func save(t testing.TB, st *store.Store, feeds []store.Feed, i int, a testArticle) int64 {
	t.Helper()
	u := fmt.Sprintf("https://%d.example/article/%d", a.feed, i)
	art := &store.Article{FeedID: feeds[a.feed].ID, CanonicalURL: u, ContentHash: fmt.Sprint("hash-", i),
		FirstSeenAt: base.Add(time.Duration(i) * time.Minute),
		Article: digest.Article{GUID: u, URL: u, Title: a.title, Text: a.body, Source: feeds[a.feed].Name,
			Published: base.Add(time.Duration(i) * time.Minute)}}
	if _, err := st.SaveArticle(context.Background(), art); err != nil {
		t.Fatal(err)
	}
	return art.ID
}

func storyIDs(t *testing.T, st *store.Store) map[int64]int64 {
	t.Helper()
	arts, err := st.Articles(context.Background(), store.ArticleQuery{Since: base.Add(-time.Hour), Until: base.Add(24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]int64{}
	for _, a := range arts {
		out[a.ID] = a.StoryID
	}
	return out
}

func TestProcessAnalysesAndClustersAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	st, feeds := openStore(t)
	ids := make([]int64, len(articles))
	for i, a := range articles {
		ids[i] = save(t, st, feeds, i, a)
	}
	var timed atomic.Int32
	p := pipeline.New(st, 0, nil)
	p.Owner = "host-a"
	p.Analysed = func(time.Duration) { timed.Add(1) }
	n, err := p.Process(ctx)
	if err != nil || n != len(articles) {
		t.Fatalf("Process = %d, %v; want %d", n, err, len(articles))
	}
	if timed.Load() != int32(len(articles)) {
		t.Errorf("Analysed called %d times for %d articles", timed.Load(), len(articles))
	}
	if left, err := st.Unanalyzed(ctx, 10); err != nil || len(left) != 0 {
		t.Errorf("after Process, %d unanalysed articles (%v)", len(left), err)
	}
	stories := storyIDs(t, st)
	for i, a := range articles {
		if stories[ids[i]] == 0 {
			t.Errorf("%q has no story", a.title)
		}
		for j := range i {
			same := stories[ids[i]] == stories[ids[j]]
			if want := a.story == articles[j].story; same != want {
				t.Errorf("%q and %q in one story: %v, want %v", a.title, articles[j].title, same, want)
			}
		}
	}
	if n, err := p.Process(ctx); err != nil || n != 0 {
		t.Errorf("second Process = %d, %v; want nothing to do", n, err)
	}

	// A restart (a crash: nothing released): a new pipeline under the same
	// instance name takes its lease back at once and must continue the
	// stories it finds stored.
	id := save(t, st, feeds, len(articles), followUp)
	restarted := pipeline.New(st, 0, nil)
	restarted.Owner = "host-a"
	n, err = restarted.Process(ctx)
	if err != nil || n != 1 {
		t.Fatalf("Process after restart = %d, %v; want 1", n, err)
	}
	if got, want := storyIDs(t, st)[id], stories[ids[0]]; got != want {
		t.Errorf("follow-up landed in story %d, want the ferry story %d", got, want)
	}
}

// BenchmarkProcess measures analysing, clustering and saving articles into
// SQLite: the per-article cost of serve's pipeline.
func BenchmarkProcess(b *testing.B) {
	ctx := context.Background()
	st, feeds := openStore(b)
	words := strings.Fields(articles[0].body + " " + articles[2].body + " " + articles[4].body)
	p := pipeline.New(st, 0, nil)
	i := 0
	for b.Loop() {
		b.StopTimer()
		for k := range 50 {
			i++
			var body strings.Builder
			for w := range 120 {
				body.WriteString(words[(i*7+w*13+k)%len(words)])
				if w%15 == 14 {
					body.WriteString(". ")
				} else {
					body.WriteByte(' ')
				}
			}
			save(b, st, feeds, i, testArticle{feed: i % len(feeds), title: fmt.Sprintf("Report %d on %s", i, words[i%len(words)]), body: body.String()})
		}
		b.StartTimer()
		if _, err := p.Process(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*50), "µs/article")
}
