package cluster

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)

func TestAddGroupsFixtureStories(t *testing.T) {
	ix := New(Config{})
	storyOf := map[string]int64{}
	for i, d := range fixtureDocs(t0, 1) {
		a := ix.Add(d)
		f := fixtures[i]
		want := d.ID
		if id, ok := storyOf[f.story]; ok && f.story != "" {
			want = id
		}
		if a.Story != want {
			t.Errorf("%q: story %d (score %.3f), want %d", f.title, a.Story, a.Score, want)
		}
		if f.story != "" {
			storyOf[f.story] = want
		}
		if a.DuplicateOf != 0 {
			t.Errorf("%q: DuplicateOf %d, want 0", f.title, a.DuplicateOf)
		}
	}
}

func TestAddScore(t *testing.T) {
	ix := New(Config{})
	docs := fixtureDocs(t0, 1)
	first := ix.Add(docs[0])
	if first.Story != docs[0].ID || first.Score != 0 {
		t.Errorf("first doc: %+v, want a new story with score 0", first)
	}
	ix.Add(docs[1])
	second := ix.Add(docs[2]) // the strike again
	if second.Story != docs[0].ID || second.Score < DefaultThreshold || second.Score > 1 {
		t.Errorf("second strike article: %+v, want story %d with a score in [%.2f, 1]", second, docs[0].ID, DefaultThreshold)
	}
}

func TestAddNearDuplicate(t *testing.T) {
	ix := New(Config{})
	docs := fixtureDocs(t0, 1)
	for _, d := range docs {
		ix.Add(d)
	}
	// Short texts: only a verbatim body is a safe duplicate (see
	// TestAddWireCopy for edited copies of a longer article).
	orig := docs[4] // the volcano
	copyDoc := Doc{
		ID:    100,
		Title: "Eruption on Kessa sends ash over the region",
		Text:  orig.Text + "\n",
		Time:  orig.Time.Add(2 * time.Hour),
	}
	a := ix.Add(copyDoc)
	if a.DuplicateOf != orig.ID || a.Story != orig.ID {
		t.Errorf("republished copy: %+v, want duplicate of and story %d", a, orig.ID)
	}
	other := ix.Add(Doc{ID: 101, Title: "Kessa ash: flights still grounded", Text: docs[7].Text, Time: copyDoc.Time})
	if other.DuplicateOf != docs[7].ID {
		t.Errorf("second copy: %+v, want duplicate of %d", other, docs[7].ID)
	}
}

func TestAddWireCopy(t *testing.T) {
	ix := New(Config{})
	for _, d := range fixtureDocs(t0, 1) {
		ix.Add(d)
	}
	orig := Doc{ID: 200, Title: wireStory.title, Text: wireStory.text, Time: t0.Add(20 * time.Hour)}
	if a := ix.Add(orig); a.DuplicateOf != 0 {
		t.Fatalf("original: %+v, want no duplicate", a)
	}
	edits := []string{
		"By our staff\n" + wireStory.text,
		strings.Replace(wireStory.text, "on Sunday", "late on Sunday", 1),
		strings.Replace(wireStory.text, "71 percent", "seventy-one percent", 1),
		wireStory.text[:strings.LastIndex(wireStory.text, "\n")],
	}
	for i, text := range edits {
		a := ix.Add(Doc{ID: int64(201 + i), Title: "Sorrel Bay strike ends", Text: text, Time: orig.Time.Add(time.Hour)})
		if a.DuplicateOf != orig.ID || a.Story != orig.ID {
			t.Errorf("edit %d: %+v, want a duplicate of %d in its story (distance %d bits)", i, a, orig.ID,
				popcount(Fingerprint(text)^Fingerprint(wireStory.text)))
		}
	}
}

func TestFingerprint(t *testing.T) {
	base := fixtures[0].text
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", base, base, true},
		{"one word changed", base, strings.Replace(base, "Monday", "Tuesday", 1), true},
		{"different stories", base, fixtures[3].text, false},
		{"same story, other outlet", base, fixtures[2].text, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NearDuplicate(Fingerprint(tt.a), Fingerprint(tt.b)); got != tt.want {
				t.Errorf("NearDuplicate = %v, want %v (distance %d bits)", got, tt.want,
					popcount(Fingerprint(tt.a)^Fingerprint(tt.b)))
			}
		})
	}
	if Fingerprint("") != 0 {
		t.Error("Fingerprint of empty text is not 0")
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func TestShortTextsAreNotDuplicates(t *testing.T) {
	ix := New(Config{})
	ix.Add(Doc{ID: 1, Title: "Markets open higher", Time: t0})
	a := ix.Add(Doc{ID: 2, Title: "Markets open higher", Time: t0})
	if a.DuplicateOf != 0 {
		t.Errorf("headline-only copy marked as duplicate of %d", a.DuplicateOf)
	}
	if a.Story != 1 {
		t.Errorf("identical headlines: story %d, want 1", a.Story)
	}
}

func TestWindowEviction(t *testing.T) {
	ix := New(Config{Window: 24 * time.Hour})
	docs := fixtureDocs(t0, 1)
	ix.Add(docs[0])
	if n := ix.Len(); n != 1 {
		t.Fatalf("Len = %d, want 1", n)
	}
	late := docs[2]
	late.Time = t0.Add(25 * time.Hour)
	a := ix.Add(late)
	if a.Story != late.ID {
		t.Errorf("article past the window joined story %d, want a new story", a.Story)
	}
	if n := ix.Len(); n != 1 {
		t.Errorf("Len after eviction = %d, want 1", n)
	}
	for _, d := range docs {
		if fixtures[d.ID-1].story != "strike" {
			d.Time = late.Time.Add(time.Minute)
			ix.Add(d)
		}
	}
	inside := docs[0]
	inside.ID, inside.Time = 50, late.Time.Add(time.Hour)
	if a := ix.Add(inside); a.Story != late.ID {
		t.Errorf("article inside the window: story %d, want %d", a.Story, late.ID)
	}
}

// TestTimeRaisesTheBar: the same loosely related report (the transit
// authority again, other news) joins a story of the same hours but not one
// two days old.
func TestTimeRaisesTheBar(t *testing.T) {
	strike := Doc{ID: 1, Time: t0, Title: "Lindenport bus drivers walk out over pay",
		Text: "Bus drivers in Lindenport stopped work on Monday after wage talks with the city transit authority collapsed. About 400 drivers joined the strike, leaving most routes without service, and the union said its members had gone three years without a raise."}
	related := Doc{ID: 2, Title: "Lindenport transit authority plans cheaper weekend fares",
		Text: "The Lindenport transit authority will cut weekend bus and tram fares by a fifth from the spring, its board said, hoping to win back riders. The plan still needs the city council's approval."}
	for _, tt := range []struct {
		after time.Duration
		join  bool
	}{{3 * time.Hour, true}, {54 * time.Hour, false}} {
		ix := New(Config{})
		ix.Add(strike)
		d := related
		d.Time = t0.Add(tt.after)
		if a := ix.Add(d); (a.Story == strike.ID) != tt.join {
			t.Errorf("%v later: story %d (score %.3f), want joined %v", tt.after, a.Story, a.Score, tt.join)
		}
	}
}

func TestZeroTimeAndEmptyDocs(t *testing.T) {
	ix := New(Config{})
	a := ix.Add(Doc{ID: 1})
	if a.Story != 1 || a.Score != 0 {
		t.Errorf("empty doc: %+v, want its own story", a)
	}
	b := ix.Add(Doc{ID: 2, Title: "!!!", Text: "... ---"})
	if b.Story != 2 {
		t.Errorf("doc without words: story %d, want 2", b.Story)
	}
	d := fixtureDocs(time.Time{}, 10)
	ix.Add(d[0])
	if c := ix.Add(d[2]); c.Story != 10 {
		t.Errorf("undated articles of one story: story %d, want 10", c.Story)
	}
}

func TestAddIsDeterministicAndIdempotent(t *testing.T) {
	run := func() []Assignment {
		ix := New(Config{})
		var out []Assignment
		for _, d := range fixtureDocs(t0, 1) {
			out = append(out, ix.Add(d))
		}
		for _, d := range fixtureDocs(t0, 1) {
			if again := ix.Add(d); again != out[d.ID-1] {
				t.Errorf("re-adding doc %d: %+v, first time %+v", d.ID, again, out[d.ID-1])
			}
		}
		return out
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("doc %d: %+v then %+v", i+1, a[i], b[i])
		}
	}
}

func TestConcurrentAdd(t *testing.T) {
	ix := New(Config{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range fixtureDocs(t0, int64(g*100+1)) {
				ix.Add(d)
			}
		}()
	}
	wg.Wait()
	if n := ix.Len(); n != 4*len(fixtures) {
		t.Errorf("Len = %d, want %d", n, 4*len(fixtures))
	}
}

func ExampleIndex_Add() {
	ix := New(Config{Window: 48 * time.Hour})
	for _, d := range fixtureDocs(t0, 1)[:3] {
		a := ix.Add(d)
		fmt.Printf("doc %d -> story %d\n", d.ID, a.Story)
	}
	// Output:
	// doc 1 -> story 1
	// doc 2 -> story 2
	// doc 3 -> story 1
}
