package cluster

import (
	"testing"
	"time"
)

// FuzzAdd feeds arbitrary headlines and bodies to an index that already
// holds the fixtures and checks the assignment's invariants.
func FuzzAdd(f *testing.F) {
	for _, fx := range fixtures {
		f.Add(fx.title, fx.text, int64(3600))
	}
	f.Add("", "", int64(0))
	f.Add("\xff\xfe", "a\u2019b \u00e9t\u00e9 2024 -- 'x' \"y\"", int64(-999999))
	f.Add(wireStory.title, wireStory.text, int64(1<<40))
	f.Fuzz(func(t *testing.T, title, body string, offset int64) {
		ix := New(Config{Window: 48 * time.Hour})
		docs := fixtureDocs(t0, 1)
		for _, d := range docs {
			ix.Add(d)
		}
		d := Doc{ID: 999, Title: title, Text: body, Time: t0.Add(time.Duration(offset) * time.Second)}
		a := ix.Add(d)
		if a.Score < 0 || a.Score > 1+1e-9 {
			t.Errorf("score %v out of [0, 1]", a.Score)
		}
		if a.Story != d.ID && (a.Story < 1 || a.Story > int64(len(docs))) {
			t.Errorf("story %d is neither the doc nor an earlier one", a.Story)
		}
		if a.Story == d.ID && (a.Score != 0 || a.DuplicateOf != 0) {
			t.Errorf("new story with score %v, duplicate of %d", a.Score, a.DuplicateOf)
		}
		if again := ix.Add(d); again != a {
			t.Errorf("re-adding: %+v, first %+v", again, a)
		}
	})
}
