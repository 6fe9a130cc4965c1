package cluster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedsDir returns ../shared/seeds (searched upwards from the package
// directory), or skips the test when it is absent.
func seedsDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "..", "shared", "seeds")
		if files, _ := filepath.Glob(filepath.Join(p, "*.txt")); len(files) > 0 {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("../shared/seeds is absent; skipping the seed-article test")
		}
		dir = parent
	}
}

// TestSeedsFormOneStory adds the two seed articles (two outlets' takes on one
// event) among the fixtures and checks they form one story that no fixture
// joins.
func TestSeedsFormOneStory(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(seedsDir(t), "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("found %d seed articles, want 2", len(files))
	}
	for _, order := range [][]string{files, {files[1], files[0]}} {
		t.Run(filepath.Base(order[0]), func(t *testing.T) { seedsOneStory(t, order) })
	}
}

// seedsOneStory adds the seeds in the given order, one early among the
// fixtures and one late.
func seedsOneStory(t *testing.T, files []string) {
	docs := fixtureDocs(t0, 1)
	var seedIDs []int64
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(raw), "\n")
		id := int64(1000 + i)
		seedIDs = append(seedIDs, id)
		// Interleave the seeds with the fixtures: one early, one late.
		at := i * len(docs) / 2
		d := Doc{ID: id, Title: strings.TrimSpace(title), Text: body, Time: t0.Add(time.Duration(at)*time.Hour + 30*time.Minute)}
		docs = append(docs[:at], append([]Doc{d}, docs[at:]...)...)
	}
	ix := New(Config{})
	storyOf := map[int64]Assignment{}
	for _, d := range docs {
		storyOf[d.ID] = ix.Add(d)
	}
	seedStory := storyOf[seedIDs[0]].Story
	if got := storyOf[seedIDs[1]]; got.Story != seedStory {
		t.Fatalf("seed articles in stories %d and %d (score %.3f), want one story", seedStory, got.Story, got.Score)
	}
	for _, d := range docs {
		if d.ID < 1000 && storyOf[d.ID].Story == seedStory {
			t.Errorf("fixture %q joined the seeds' story", d.Title)
		}
	}
	t.Logf("seeds joined with score %.3f", storyOf[seedIDs[1]].Score)
}
