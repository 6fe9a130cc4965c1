package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsdigest/newsdigest/config"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/store"
	"golang.org/x/time/rate"
)

// defaultConfigFile is read from the working directory when -config is not given.
const defaultConfigFile = "newsdigest.toml"

// app is what every command that touches the database shares.
type app struct {
	cfg    *config.Config
	sample bool // the built-in sample configuration is in use
	st     *store.Store
	log    *slog.Logger
}

// loadConfig reads path, else ./newsdigest.toml, else returns the built-in
// sample configuration (sample feeds and a database in the user cache directory).
func loadConfig(path string) (cfg *config.Config, sample bool, err error) {
	if path == "" {
		if _, err := os.Stat(defaultConfigFile); err == nil {
			path = defaultConfigFile
		}
	}
	if path != "" {
		cfg, err := config.Load(path, os.Getenv)
		return cfg, false, err
	}
	dir, err := sampleDir()
	if err != nil {
		return nil, false, err
	}
	cfg, err = config.Sample(dir)
	if err != nil {
		return nil, false, fmt.Errorf("sample configuration: %w", err)
	}
	cfg.ApplyEnv(os.Getenv)
	return cfg, true, nil
}

// sampleDir is where the sample configuration keeps its feeds and database.
func sampleDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "newsdigest", "sample")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("sample configuration: %w", err)
	}
	return dir, nil
}

// openApp loads the configuration and opens (and migrates) the database.
// freshSample starts the sample configuration from an empty database, so the
// sample digest looks the same on every run.
func openApp(ctx context.Context, configPath string, stderr io.Writer, freshSample bool) (*app, error) {
	cfg, sample, err := loadConfig(configPath)
	if err != nil {
		return nil, err
	}
	log := newLogger(stderr, cfg.LogFormat, slog.LevelWarn)
	if sample && freshSample {
		if err := removeSQLite(cfg.Database); err != nil {
			return nil, err
		}
	}
	if err := cfg.CheckDatabasePath(); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	return &app{cfg: cfg, sample: sample, st: st, log: log}, nil
}

func (a *app) Close() error { return a.st.Close() }

// removeSQLite deletes a SQLite database file and its WAL companions.
func removeSQLite(dsn string) error {
	path := strings.TrimPrefix(dsn, "sqlite://")
	if path == dsn || path == "" || strings.HasPrefix(path, ":memory:") {
		return nil
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("reset sample database: %w", err)
		}
	}
	return nil
}

// newLogger returns a slog logger: JSON on servers, text in a terminal.
// NEWSDIGEST_LOG_FORMAT overrides the configured format.
func newLogger(w io.Writer, format string, level slog.Level) *slog.Logger {
	if env := os.Getenv("NEWSDIGEST_LOG_FORMAT"); env != "" {
		format = env
	}
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// configFeeds turns the configured feeds into store feeds.
func configFeeds(cfg *config.Config) []store.Feed {
	out := make([]store.Feed, 0, len(cfg.Feeds))
	for _, f := range cfg.Feeds {
		out = append(out, store.Feed{URL: f.URL, Name: f.Name, Lean: f.Lean, Genre: f.Genre, Tags: f.Tags, FromConfig: true})
	}
	return out
}

// feedOptions maps the configuration onto the poller's options.
func feedOptions(cfg *config.Config, log *slog.Logger) feed.Options {
	p := cfg.Poll
	return feed.Options{
		AllowPrivateNetworks:     cfg.AllowPrivateNetworks,
		ChatAllowPrivateNetworks: cfg.ChatAllowPrivateNetworks,
		UserAgent:                cfg.UserAgent,
		Timeout:                  p.Timeout,
		MaxBodyBytes:             p.MaxBodyBytes,
		MaxBytesInFlight:         p.MaxBytesInFlight,
		Workers:                  p.Workers,
		MinInterval:              p.MinInterval,
		MaxInterval:              p.MaxInterval,
		DefaultInterval:          p.Interval,
		MaxFailures:              p.MaxFailures,
		MaxItemsPerPoll:          p.MaxItemsPerPoll,
		PerHostRate:              rate.Limit(p.PerHostRate),
		PerHostConcurrency:       p.PerHostConcurrency,
		FetchFullText:            p.FullText,
		Logger:                   log,
	}
}
