package config

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/newsdigest/newsdigest/examples"
)

func TestSample(t *testing.T) {
	dir := t.TempDir()
	cfg, err := Sample(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("sample does not validate: %v", err)
	}
	if want := "sqlite://" + filepath.ToSlash(filepath.Join(dir, SampleDatabase)); cfg.Database != want {
		t.Errorf("Database = %q, want %q", cfg.Database, want)
	}
	if len(cfg.Channels) != 1 || cfg.Channels[0].Platform != PlatformConsole {
		t.Errorf("Channels = %+v, want one console channel", cfg.Channels)
	}
	if cfg.DiscordEnabled() || cfg.SlackEnabled() {
		t.Error("the sample must not need chat tokens")
	}
	if err := cfg.CheckSecrets(); err != nil {
		t.Errorf("CheckSecrets = %v", err)
	}
	if len(cfg.Feeds) != len(examples.Feeds) {
		t.Fatalf("%d feeds, want %d", len(cfg.Feeds), len(examples.Feeds))
	}
	parser := gofeed.NewParser()
	items := 0
	for i, f := range cfg.Feeds {
		if f.Name != examples.Feeds[i].Name || f.Lean != examples.Feeds[i].Lean || len(f.Tags) == 0 {
			t.Errorf("feed %d = %+v, want name/lean/tags of %+v", i, f, examples.Feeds[i])
		}
		u, err := url.Parse(f.URL)
		if err != nil || u.Scheme != "file" {
			t.Fatalf("feed %d URL %q is not a file URL", i, f.URL)
		}
		path := filepath.FromSlash(u.Path)
		if !strings.HasPrefix(path, dir) {
			t.Errorf("feed file %s is outside %s", path, dir)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := parser.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		items += len(parsed.Items)
	}
	if items < 12 {
		t.Errorf("sample feeds hold %d items, want at least 12", items)
	}
}

// TestSampleOverwrites checks that a stale or edited copy is replaced, so the
// sample always matches the binary.
func TestSampleOverwrites(t *testing.T) {
	dir := t.TempDir()
	cfg, err := Sample(dir)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(cfg.Feeds[0].URL)
	path := filepath.FromSlash(u.Path)
	if err := os.WriteFile(path, []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Sample(dir); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want, _ := examples.FS.ReadFile(examples.Feeds[0].File)
	if !bytes.Equal(got, want) {
		t.Error("Sample did not restore the edited feed file")
	}
}

func TestSampleUnwritableDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Sample(filepath.Join(file, "sub")); err == nil {
		t.Error("Sample under a regular file succeeded, want an error")
	}
}
