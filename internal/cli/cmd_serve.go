package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/config"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/metrics"
	"github.com/newsdigest/newsdigest/pipeline"
)

// processEvery is how often serve analyses and clusters what the poller
// stored. It is also how often the instance clustering renews its lease
// (pipeline.DefaultLeaseTTL) and how often the others try to take it.
const processEvery = 10 * time.Second

// scheduleEvery is how often serve looks for due digests and pending deliveries.
const scheduleEvery = 15 * time.Second

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "", stderr)
	configPath := fs.String("config", "", "configuration `file` (default ./newsdigest.toml, else the built-in sample)")
	listen := fs.String("listen", "", "HTTP listen address (default: the config's listen)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf("serve takes no arguments")
	}
	a, err := openApp(ctx, *configPath, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.cfg.CheckBackupDir(); err != nil {
		return err
	}
	a.log = newLogger(stderr, a.cfg.LogFormat, slog.LevelInfo)
	if *listen != "" {
		a.cfg.Listen = *listen
	}
	return a.serve(ctx)
}

// serve runs until ctx is cancelled, then shuts down within the configured timeout.
func (a *app) serve(ctx context.Context) error {
	if _, err := a.st.SyncConfigFeeds(ctx, configFeeds(a.cfg)); err != nil {
		return fmt.Errorf("sync feeds: %w", err)
	}
	owner := instanceName(a.cfg)
	// What this instance held when it last stopped (a crash, a kill) is
	// its own unfinished work: take it back now, not when its leases run
	// out, so an interrupted delivery is recorded before the next digest.
	if err := a.st.ReleaseAll(ctx, owner); err != nil {
		return fmt.Errorf("reclaim work of %s: %w", owner, err)
	}
	health := newHealth(a.st, a.log)
	reg := metrics.NewRegistry()
	m, err := metrics.NewBot(reg)
	if err != nil {
		return err
	}
	if err := reg.WatchDB("newsdigest", a.st.DB()); err != nil {
		return err
	}
	fo := feedOptions(a.cfg, a.log)
	stored := make(chan struct{}, 1) // wakes the pipeline when a poll stored articles
	fo.OnPoll = func(r feed.Report) {
		m.Polled(r.Status, r.ErrKind, r.NewArticles, r.Edited, r.Backlog)
		if r.NewArticles+r.Edited+r.Backlog > 0 {
			select {
			case stored <- struct{}{}:
			default:
			}
		}
	}
	poller := feed.NewPoller(a.st, fo)
	pipe := pipeline.New(a.st, a.cfg.Window, a.log)
	pipe.Analysed = m.Analysed
	pipe.Owner = owner

	mux := http.NewServeMux()
	mux.Handle("GET /healthz", health)
	mux.Handle("GET /metrics", reg.Handler())
	handler := &bot.Handler{Store: a.st, Fetcher: poller.ForChat(false), AdminFetcher: poller.ForChat(true),
		Log: a.log, Window: a.cfg.Window, Styles: bot.StyleBook{Store: a.st}, BlindspotSettle: a.cfg.BlindspotSettle}

	runCtx, stopWork := context.WithCancel(ctx)
	defer stopWork()
	var wg sync.WaitGroup
	chats, err := a.startChat(runCtx, owner, handler, mux, &wg, m)
	if err != nil {
		return err
	}
	defer chats.Close()
	sched, err := a.newScheduler(chats.posters, m)
	if err != nil {
		return err
	}
	handler.Schedules = sched
	if err := a.syncChannels(ctx, sched); err != nil {
		return err
	}
	health.watch("scheduler", sched.LastRound)
	srv := newHTTPServer(mux, defaultHTTPLimits)
	ln, err := listenLimited(a.cfg.Listen, defaultHTTPLimits)
	if err != nil {
		return err
	}
	a.log.Info("serving", slog.String("listen", ln.Addr().String()), slog.String("instance", owner))

	errs := make(chan error, 4)
	wg.Go(func() {
		err := poller.Run(runCtx, owner, 10*time.Second)
		if err != nil && !errors.Is(err, context.Canceled) {
			errs <- fmt.Errorf("poller: %w", err)
		}
	})
	wg.Go(func() { a.processLoop(runCtx, pipe, health, stored) })
	wg.Go(func() { a.backupLoop(runCtx, a.cfg.BackupDir, a.cfg.BackupInterval) })
	wg.Go(func() {
		if err := sched.Run(runCtx, owner, scheduleEvery); err != nil {
			errs <- fmt.Errorf("scheduler: %w", err)
		}
	})
	wg.Go(func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs <- fmt.Errorf("http: %w", err)
		}
	})

	var runErr error
	select {
	case <-ctx.Done():
		a.log.Info("shutting down", slog.Duration("timeout", a.cfg.ShutdownTimeout))
	case runErr = <-errs:
		a.log.Error("stopping after an error", slog.String("error", runErr.Error()))
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
	defer cancel()
	stopWork()
	_ = srv.Shutdown(shutdownCtx)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-shutdownCtx.Done():
		a.log.Warn("shutdown timed out; in-flight work is released by its lease")
	}
	return runErr
}

// processLoop analyses and clusters new articles until ctx is done: every
// processEvery, and as soon as a poll stored something.
func (a *app) processLoop(ctx context.Context, pipe *pipeline.Pipeline, health *health, stored <-chan struct{}) {
	t := time.NewTicker(processEvery)
	defer t.Stop()
	for {
		n, err := pipe.Process(ctx)
		switch {
		case pipeline.Busy(err):
			health.tick("pipeline") // another instance clusters; this one stands by
		case err != nil && ctx.Err() == nil:
			a.log.Error("processing articles failed", slog.String("error", err.Error()))
		case err == nil:
			health.tick("pipeline")
			if n > 0 {
				a.log.Info("articles processed", slog.Int("count", n))
			}
		}
		select {
		case <-ctx.Done():
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := pipe.Release(rctx); err != nil {
				a.log.Warn("releasing the pipeline lease", slog.String("error", err.Error()))
			}
			return
		case <-t.C:
		case <-stored:
		}
	}
}

// instanceName identifies this process in work leases: the configured
// instance (or NEWSDIGEST_INSTANCE), else the host name. It is stable
// across restarts, so that serve can take back at start what it held when
// it last stopped (see config.Config.Instance). Two processes sharing one
// host and one database need different instance names.
func instanceName(cfg *config.Config) string {
	if cfg.Instance != "" {
		return cfg.Instance
	}
	if host, err := os.Hostname(); err == nil && host != "" {
		return host
	}
	return "newsdigest"
}
