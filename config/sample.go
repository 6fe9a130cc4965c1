package config

import (
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/newsdigest/newsdigest/examples"
)

// SampleDatabase is the SQLite file name Sample puts in its directory.
const SampleDatabase = "newsdigest.db"

// Sample returns the built-in sample configuration, used when there is no
// config file: it writes the embedded sample feeds into dir/feeds/
// (overwriting earlier copies, so they always match the binary), follows them
// as file:// feeds, keeps its database in dir/newsdigest.db and prints
// digests to the console every morning at 08:00 UTC. dir is created if
// needed; main passes a directory under os.UserCacheDir (or os.TempDir).
// Environment overrides are not applied; call ApplyEnv for them.
func Sample(dir string) (*Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("config: sample directory: %w", err)
	}
	feedDir := filepath.Join(abs, "feeds")
	if err := os.MkdirAll(feedDir, 0o755); err != nil {
		return nil, fmt.Errorf("config: sample directory: %w", err)
	}
	cfg := Default()
	cfg.Database = "sqlite://" + filepath.ToSlash(filepath.Join(abs, SampleDatabase))
	for _, f := range examples.Feeds {
		data, err := examples.FS.ReadFile(f.File)
		if err != nil {
			return nil, fmt.Errorf("config: sample feed %s: %w", f.File, err)
		}
		target := filepath.Join(feedDir, path.Base(f.File))
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return nil, fmt.Errorf("config: sample feed: %w", err)
		}
		cfg.Feeds = append(cfg.Feeds, Feed{
			URL:  fileURL(target),
			Name: f.Name,
			Lean: f.Lean,
			Tags: slices.Clone(f.Tags),
		})
	}
	console := Channel{Platform: PlatformConsole, ID: "stdout", Schedule: "0 8 * * *"}
	console.setDefaults()
	cfg.Channels = []Channel{console}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("config: sample configuration: %w", err)
	}
	return cfg, nil
}

// fileURL turns an absolute path into a file:// URL.
func fileURL(abs string) string {
	p := filepath.ToSlash(abs)
	if !path.IsAbs(p) { // a Windows path such as C:/x
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
