package text

import (
	"strings"
	"sync"
)

// WordCache memoizes a pure function of a token's text. News text repeats
// its vocabulary within an article and across articles, and the functions
// cached here (lower-casing, stemming, lexicon look-ups) cost several map
// look-ups and allocations each, where a hit costs one look-up.
//
// The cache is bounded: once it holds max words it stops adding, so a
// long-running server keeps the words it met first (the common ones) and
// computes the rest each time. It is safe for concurrent use.
type WordCache[V any] struct {
	fn  func(string) V
	max int

	mu sync.RWMutex
	m  map[string]V
}

// NewWordCache returns a cache of fn for at most max distinct words.
func NewWordCache[V any](max int, fn func(string) V) *WordCache[V] {
	return &WordCache[V]{fn: fn, max: max, m: make(map[string]V)}
}

// Fill sets out[i] to fn(toks[i].Text) for every token; out must be at
// least as long as toks. It takes the read lock once for all hits, and the
// write lock once more only when some words were new.
func (c *WordCache[V]) Fill(toks []Token, out []V) {
	var misses []int
	c.mu.RLock()
	for i, t := range toks {
		v, ok := c.m[t.Text]
		if !ok {
			misses = append(misses, i)
		}
		out[i] = v
	}
	full := len(c.m) >= c.max
	c.mu.RUnlock()
	if len(misses) == 0 {
		return
	}
	added := make(map[string]V, len(misses))
	for _, i := range misses {
		w := toks[i].Text
		v, ok := added[w]
		if !ok {
			v = c.fn(w)
			added[w] = v
		}
		out[i] = v
	}
	if full {
		return // nothing more is added: leave the lock to the readers
	}
	c.mu.Lock()
	for w, v := range added {
		if len(c.m) >= c.max {
			break
		}
		// Clone: w points into the article, which the cache must not keep alive.
		c.m[strings.Clone(w)] = v
	}
	c.mu.Unlock()
}

// Get returns fn(w), from the cache when w was met before.
func (c *WordCache[V]) Get(w string) V {
	c.mu.RLock()
	v, ok := c.m[w]
	full := len(c.m) >= c.max
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = c.fn(w)
	if !full {
		c.mu.Lock()
		if len(c.m) < c.max {
			c.m[strings.Clone(w)] = v // w may point into an article
		}
		c.mu.Unlock()
	}
	return v
}
