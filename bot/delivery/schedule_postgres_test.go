package delivery

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"github.com/newsdigest/newsdigest/bot"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// postgresEnv names the variable holding a PostgreSQL URL for tests.
const postgresEnv = "NEWSDIGEST_TEST_POSTGRES_URL"

// openPostgresStore opens a store in a fresh schema that is dropped after
// the test, or skips the test when no PostgreSQL is configured.
func openPostgresStore(tb testing.TB) *store.Store {
	tb.Helper()
	base := os.Getenv(postgresEnv)
	if base == "" {
		tb.Skip(postgresEnv + " is not set; skipping PostgreSQL")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("open postgres: %v", err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "nd_bot_test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		tb.Fatalf("create schema: %v", err)
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	st, err := store.Open(ctx, base+sep+"search_path="+schema)
	tb.Cleanup(func() {
		if st != nil {
			st.Close()
		}
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	if err != nil {
		tb.Fatalf("open postgres store: %v", err)
	}
	return st
}

// countingPoster counts every post by delivery id and, like a platform
// with an idempotency key, shows each delivery in its channel once.
type countingPoster struct {
	mu        sync.Mutex
	raw       map[string]int             // delivery id → posts attempted
	byChannel map[string]map[string]bool // channel → delivery ids shown
}

func newCountingPoster() *countingPoster {
	return &countingPoster{raw: map[string]int{}, byChannel: map[string]map[string]bool{}}
}

func (p *countingPoster) Post(_ context.Context, ch bot.Channel, id string, _ bot.Message) ([]string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.raw[id]++
	if p.byChannel[ch.ID] == nil {
		p.byChannel[ch.ID] = map[string]bool{}
	}
	p.byChannel[ch.ID][id] = true
	return []string{"m" + id}, nil
}

// dyingPoster posts through inner and kills its instance right after its
// n-th post, before the post is recorded.
type dyingPoster struct {
	inner bot.Poster
	n     atomic.Int64
	after int64
	kill  func()
}

func (p *dyingPoster) Post(ctx context.Context, ch bot.Channel, id string, m bot.Message) ([]string, error) {
	ids, err := p.inner.Post(ctx, ch, id, m)
	if p.n.Add(1) == p.after {
		p.kill()
		return nil, ctx.Err()
	}
	return ids, err
}

// dyingStore kills its instance at the n-th schedule it advances, and
// once dead releases nothing, like a process that was killed.
type dyingStore struct {
	ScheduleStore
	advances atomic.Int64
	after    int64 // 0 never dies here
	kill     func()
	dead     atomic.Bool
}

func (s *dyingStore) AdvanceSchedule(ctx context.Context, owner string, id int64, next, end time.Time) error {
	if s.after > 0 && s.advances.Add(1) == s.after {
		s.kill()
		return ctx.Err()
	}
	return s.ScheduleStore.AdvanceSchedule(ctx, owner, id, next, end)
}

func (s *dyingStore) ReleaseSchedule(ctx context.Context, owner string, id int64) error {
	if s.dead.Load() {
		return nil
	}
	return s.ScheduleStore.ReleaseSchedule(ctx, owner, id)
}

// seedChannels creates n channels that want a digest even when there is
// nothing new, all due at due.
func seedChannels(tb testing.TB, st *store.Store, n int, due time.Time) []store.Channel {
	tb.Helper()
	ctx := context.Background()
	chans := make([]store.Channel, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	work := make(chan int)
	for range 16 {
		wg.Go(func() {
			for i := range work {
				c, err := st.UpsertChannel(ctx, store.Channel{Platform: "console", ChannelID: fmt.Sprint("room-", i), NothingNew: true})
				if err == nil {
					_, err = st.SetSchedule(ctx, store.Schedule{ChannelID: c.ID, Cron: "0 8 * * *", Timezone: "UTC", NextRunAt: due})
				}
				if err != nil {
					errs <- err
					continue
				}
				chans[i] = c
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	return chans
}

// drain has one instance tick and deliver at now until it finds no work.
func drain(ctx context.Context, s *Scheduler, owner string, now time.Time) error {
	for ctx.Err() == nil {
		if err := s.Tick(ctx, owner, now); err != nil {
			return err
		}
		if err := s.Deliver(ctx, owner, now); err != nil {
			return err
		}
		due, err := s.st.Schedules.ClaimDueSchedules(ctx, owner+"-probe", now, time.Millisecond, 1)
		if err != nil {
			return err
		}
		if len(due) == 0 {
			return nil
		}
		if err := s.st.Schedules.ReleaseSchedule(ctx, owner+"-probe", due[0].ChannelID); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// TestMultiInstancePostgres: three instances share PostgreSQL and 1,000
// channels due at the same minute. One instance is killed mid-way, without
// releasing its claims; once they expire the other two finish its work.
// Every channel shows exactly one digest.
func TestMultiInstancePostgres(t *testing.T) {
	const (
		channels = 1000
		lease    = time.Minute
	)
	for _, tt := range []struct {
		name                 string
		dieAdvance, diePosts int64
	}{
		{"killed while scheduling", 60, 0},
		{"killed while posting", 0, 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := openPostgresStore(t)
			due := day0
			chans := seedChannels(t, st, channels, due)
			shared := newCountingPoster()
			opts := SchedulerOptions{Lease: lease, Batch: 25}

			dyingCtx, kill := context.WithCancel(context.Background())
			ds := &dyingStore{ScheduleStore: st, after: tt.dieAdvance}
			die := func() { ds.dead.Store(true); kill() }
			ds.kill = die
			var victimPoster bot.Poster = shared
			if tt.diePosts > 0 {
				victimPoster = &dyingPoster{inner: shared, after: tt.diePosts, kill: die}
			}
			victimStores := storesOf(st)
			victimStores.Schedules = ds
			victim := newTestScheduler(t, victimStores, map[string]bot.Poster{"console": victimPoster}, opts)

			ctx := context.Background()
			var wg sync.WaitGroup
			wg.Go(func() { drain(dyingCtx, victim, "victim", due) })
			for _, owner := range []string{"a", "b"} {
				wg.Go(func() {
					s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": shared}, opts)
					if err := drain(ctx, s, owner, due); err != nil {
						t.Errorf("%s: %v", owner, err)
					}
				})
			}
			wg.Wait()
			if dyingCtx.Err() == nil {
				t.Fatal("the victim finished without dying; the test did not test a crash")
			}
			shared.mu.Lock()
			waiting := channels - len(shared.byChannel)
			shared.mu.Unlock()
			if waiting == 0 {
				t.Fatal("the victim left no claimed work behind")
			}
			t.Logf("%d channels wait for the victim's lease to expire", waiting)
			// The victim's claims hold until the lease runs out; then the
			// survivors finish its work.
			var mu sync.Mutex
			for _, owner := range []string{"a", "b"} {
				wg.Go(func() {
					s := newTestScheduler(t, storesOf(st), map[string]bot.Poster{"console": shared}, opts)
					if err := drain(ctx, s, owner, due.Add(lease+time.Second)); err != nil {
						mu.Lock()
						t.Errorf("%s after the lease: %v", owner, err)
						mu.Unlock()
					}
				})
			}
			wg.Wait()

			shared.mu.Lock()
			defer shared.mu.Unlock()
			var dupPosts int
			for _, n := range shared.raw {
				if n > 1 {
					dupPosts += n - 1
				}
			}
			for _, c := range chans {
				if got := len(shared.byChannel[c.ChannelID]); got != 1 {
					t.Fatalf("channel %s shows %d digests, want exactly 1", c.ChannelID, got)
				}
			}
			// Only the post the victim made as it died may be repeated (with
			// the same delivery id, which the platform folds).
			if dupPosts > 1 || (tt.diePosts == 0 && dupPosts > 0) {
				t.Errorf("%d repeated posts", dupPosts)
			}
			for _, c := range chans[:20] {
				d, err := st.Deliveries(ctx, c.ID, 5)
				if err != nil {
					t.Fatal(err)
				}
				if len(d) != 1 || d[0].Status != store.DeliverySent {
					t.Fatalf("channel %s deliveries %+v", c.ChannelID, d)
				}
			}
		})
	}
}

// BenchmarkDueDigestsPostgres measures turning 1,000 due schedules into
// posted digests with 1 and 3 instances sharing PostgreSQL.
func BenchmarkDueDigestsPostgres(b *testing.B) {
	st := openPostgresStore(b)
	const channels = 1000
	base := day0
	seedChannels(b, st, channels, base)
	for _, instances := range []int{1, 3} {
		b.Run(fmt.Sprintf("instances=%d", instances), func(b *testing.B) {
			ctx := context.Background()
			p := newCountingPoster()
			round := 0
			for b.Loop() {
				b.StopTimer()
				round++
				due := base.AddDate(0, 0, round+instances*1000)
				if _, err := st.DB().ExecContext(ctx, `UPDATE schedules SET next_run_at = $1`, due.UnixMicro()); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				var wg sync.WaitGroup
				for i := range instances {
					wg.Go(func() {
						s := newTestScheduler(b, storesOf(st), map[string]bot.Poster{"console": p}, SchedulerOptions{Batch: 25})
						if err := drain(ctx, s, fmt.Sprint("bench-", i), due); err != nil {
							b.Error(err)
						}
					})
				}
				wg.Wait()
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/1000digests")
		})
	}
}
