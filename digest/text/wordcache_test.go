package text

import (
	"strings"
	"testing"
)

func TestWordCacheFill(t *testing.T) {
	calls := 0
	upper := func(w string) string { calls++; return strings.ToUpper(w) }
	tests := []struct {
		name  string
		max   int
		text  string
		calls int // calls of fn after filling text twice
	}{
		{"repeats computed once", 10, "the cat saw the cat", 3},
		{"full cache computes again", 2, "one two three three", 2 + 1 + 1},
		{"empty", 10, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls = 0
			c := NewWordCache(tt.max, upper)
			toks := Tokens(tt.text)
			for range 2 {
				out := make([]string, len(toks))
				c.Fill(toks, out)
				for i, tok := range toks {
					if out[i] != strings.ToUpper(tok.Text) {
						t.Errorf("out[%d] = %q, want %q", i, out[i], strings.ToUpper(tok.Text))
					}
				}
			}
			if calls != tt.calls {
				t.Errorf("fn called %d times, want %d", calls, tt.calls)
			}
			if len(c.m) > tt.max {
				t.Errorf("cache holds %d words, more than %d", len(c.m), tt.max)
			}
		})
	}
}

func TestTermsOfCached(t *testing.T) {
	s := "Talks talked on; the talking Mayor’s talks, and the mayor's TALKS."
	want := []string{}
	for _, tok := range Tokens(s) {
		if w := tok.Lower(); !IsStopWord(w) && len(w) >= 2 {
			want = append(want, Stem(w))
		}
	}
	for range 2 { // cold, then from the cache
		if got := Terms(s); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("Terms = %q, want %q", got, want)
		}
	}
}

func TestWordCacheConcurrent(t *testing.T) {
	c := NewWordCache(4, strings.ToUpper)
	toks := Tokens("alpha beta gamma delta epsilon zeta eta theta")
	done := make(chan bool)
	for range 4 {
		go func() {
			out := make([]string, len(toks))
			for range 100 {
				c.Fill(toks, out)
				for i, tok := range toks {
					if out[i] != strings.ToUpper(tok.Text) {
						t.Errorf("out[%d] = %q", i, out[i])
					}
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

func TestWordCacheGet(t *testing.T) {
	calls := 0
	c := NewWordCache(2, func(w string) string { calls++; return strings.ToUpper(w) })
	for _, w := range []string{"one", "two", "one", "three", "three", "two"} {
		if got := c.Get(w); got != strings.ToUpper(w) {
			t.Errorf("Get(%q) = %q", w, got)
		}
	}
	// one, two cached; three is past the bound and computed each time.
	if calls != 4 {
		t.Errorf("fn called %d times, want 4", calls)
	}
	for _, w := range []string{"talking", "generously", "Harbour", "skies", "x"} {
		if got, want := CachedStem(w), Stem(w); got != want {
			t.Errorf("CachedStem(%q) = %q, Stem gives %q", w, got, want)
		}
	}
}
