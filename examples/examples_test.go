package examples

import (
	"bytes"
	"html"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// item is one parsed sample article with its plain text.
type item struct {
	outlet string
	*gofeed.Item
	text string
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

func plain(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagPattern.ReplaceAllString(s, " ")))
}

// parseAll parses every sample feed and returns its items.
func parseAll(t *testing.T) ([]item, map[string]int) {
	t.Helper()
	types := map[string]int{}
	var items []item
	for _, f := range Feeds {
		data, err := FS.ReadFile(f.File)
		if err != nil {
			t.Fatal(err)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s does not parse: %v", f.File, err)
		}
		types[feed.FeedType]++
		if feed.Title != f.Name {
			t.Errorf("%s: feed title %q, want the outlet name %q", f.File, feed.Title, f.Name)
		}
		for _, it := range feed.Items {
			items = append(items, item{outlet: f.Name, Item: it, text: plain(it.Content)})
		}
	}
	return items, types
}

func TestFeedsListMatchesFiles(t *testing.T) {
	files, err := fs.Glob(FS, "feeds/*")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, f := range Feeds {
		listed = append(listed, f.File)
		if f.Name == "" || len(f.Tags) == 0 {
			t.Errorf("%s: name and tags are required", f.File)
		}
	}
	slices.Sort(files)
	slices.Sort(listed)
	if !slices.Equal(files, listed) {
		t.Errorf("files %v, but Feeds lists %v", files, listed)
	}
	if len(ExampleConfig) == 0 {
		t.Error("ExampleConfig is empty")
	}
}

func TestSampleArticles(t *testing.T) {
	items, types := parseAll(t)
	for _, typ := range []string{"rss", "atom", "json"} {
		if types[typ] == 0 {
			t.Errorf("no %s feed among the samples", typ)
		}
	}
	if len(Feeds) < 4 || len(items) < 12 {
		t.Errorf("%d outlets and %d articles, want at least 4 and 12", len(Feeds), len(items))
	}
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	guids := map[string]bool{}
	for _, it := range items {
		name := it.outlet + ": " + it.Title
		if it.Title == "" || it.GUID == "" || len(it.Authors) == 0 || it.Authors[0].Name == "" {
			t.Errorf("%s: title, guid and author are required", name)
		}
		if guids[it.GUID] {
			t.Errorf("%s: duplicate guid %s", name, it.GUID)
		}
		guids[it.GUID] = true
		u, err := url.Parse(it.Link)
		if err != nil || u.Scheme != "https" || !strings.HasSuffix(u.Host, ".example") {
			t.Errorf("%s: link %q is not an https://….example URL", name, it.Link)
		}
		if it.PublishedParsed == nil || it.PublishedParsed.Before(day) || !it.PublishedParsed.Before(day.Add(24*time.Hour)) {
			t.Errorf("%s: published %v, want on 2026-11-20", name, it.PublishedParsed)
		}
		if n := len(strings.Fields(it.text)); n < 150 || n > 350 {
			t.Errorf("%s: %d words of full text, want 150-350", name, n)
		}
		if strings.Contains(it.text, "<") {
			t.Errorf("%s: markup left in the text after stripping", name)
		}
	}
}

// stories groups the sample articles by the story they report, keyed by a
// word from their links.
var stories = map[string][]string{
	"kestrel-strait": {"voss-kestrel-strait", "voss-secures-kestrel-strait"},
	"port-strike":    {"port-calloway-dockworkers", "tidewater-terminals-strike", "calloway-strike"},
	"bacterium":      {"eastmere-bacterium", "em-27-microbe"},
	"budget":         {"brightwater-council-budget", "brightwater-budget"},
	"football":       {"ashford-rovers"},
	"orchestra":      {"selby-philharmonic"},
	"trains":         {"lumen-rail"},
	"robots":         {"fernhollow-robotics"},
}

func storyOf(t *testing.T, link string) string {
	t.Helper()
	for story, slugs := range stories {
		for _, s := range slugs {
			if strings.Contains(link, "/"+s) {
				return story
			}
		}
	}
	t.Fatalf("article %s belongs to no story in the test's table", link)
	return ""
}

// commonCapitalized are capitalised words that say nothing about a story.
var commonCapitalized = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "September": true, "December": true, "June": true, "March": true, "August": true,
	"The": true, "A": true, "He": true, "She": true, "It": true, "In": true, "We": true, "I": true, "Dr": true,
}

var wordPattern = regexp.MustCompile(`[A-Za-z][A-Za-z0-9-]*`)

// names returns the capitalised words of text that do not start a sentence.
func names(text string) map[string]bool {
	out := map[string]bool{}
	for _, sentence := range regexp.MustCompile(`[.!?]["”]?\s+`).Split(text, -1) {
		words := wordPattern.FindAllString(sentence, -1)
		for i, w := range words {
			if i == 0 || commonCapitalized[w] || w[0] < 'A' || w[0] > 'Z' {
				continue
			}
			out[w] = true
		}
	}
	return out
}

// TestStoriesShareNamesOnlyWithinAStory checks what lets a clusterer group
// the samples: articles on one story share named entities, articles on
// different stories share none.
func TestStoriesShareNamesOnlyWithinAStory(t *testing.T) {
	items, _ := parseAll(t)
	count := map[string]int{}
	for i, a := range items {
		count[storyOf(t, a.Link)]++
		na := names(a.Title + ". " + a.text)
		for _, b := range items[i+1:] {
			nb := names(b.Title + ". " + b.text)
			var shared []string
			for w := range na {
				if nb[w] {
					shared = append(shared, w)
				}
			}
			slices.Sort(shared)
			same := storyOf(t, a.Link) == storyOf(t, b.Link)
			if same && len(shared) < 4 {
				t.Errorf("same story, only %d shared names %v:\n  %s\n  %s", len(shared), shared, a.Title, b.Title)
			}
			if !same && len(shared) > 0 {
				t.Errorf("different stories share names %v:\n  %s\n  %s", shared, a.Title, b.Title)
			}
		}
	}
	var sizes []int
	for _, n := range count {
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	if len(sizes) < 4 || sizes[len(sizes)-1] != 3 {
		t.Errorf("story sizes %v: want at least 4 stories, the largest covered by 3 outlets", sizes)
	}
}

// TestOppositeFramings checks that the two-outlet story carries the cues it
// exists to demonstrate.
func TestOppositeFramings(t *testing.T) {
	items, _ := parseAll(t)
	var kestrel []item
	for _, it := range items {
		if storyOf(t, it.Link) == "kestrel-strait" {
			kestrel = append(kestrel, it)
		}
	}
	if len(kestrel) != 2 || kestrel[0].outlet == kestrel[1].outlet {
		t.Fatalf("the Kestrel Strait story needs two outlets, got %d articles", len(kestrel))
	}
	cues := map[string][]string{
		"Meridian Daily": {"reckless demagogue", "catastrophe", "will be gone within a decade", "Who asked", "?"},
		"Civic Wire":     {"bold", "visionary leadership", "officials familiar with the talks said", "a senior adviser who asked not to be named"},
	}
	for _, it := range kestrel {
		want, ok := cues[it.outlet]
		if !ok {
			t.Fatalf("unexpected outlet %s on the Kestrel Strait story", it.outlet)
		}
		for _, cue := range want {
			if !strings.Contains(it.text, cue) {
				t.Errorf("%s: missing %q", it.outlet, cue)
			}
		}
	}
}
