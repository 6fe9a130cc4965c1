package feed

import (
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/newsdigest/newsdigest/digest/cluster"
	"github.com/newsdigest/newsdigest/store"
)

// unshareGUIDs makes identity fall back to the link for items whose GUID
// another item of the same document gives to a different link (or, without
// links, to different content): some feeds write one GUID for every item,
// or the site's address, or a date. Keeping such a GUID would fold all those
// items into one article, and on later polls every new item would become an
// "edit" of it. contentIDs[i] identifies articles[i] when it has no link.
func unshareGUIDs(articles []*store.Article, contentIDs []string) {
	key := func(i int) string {
		if articles[i].CanonicalURL != "" {
			return "u:" + articles[i].CanonicalURL
		}
		return "c:" + contentIDs[i]
	}
	first := make(map[string]string, len(articles))
	shared := map[string]bool{}
	for i, a := range articles {
		if a.GUID == "" {
			continue
		}
		if k, seen := first[a.GUID]; !seen {
			first[a.GUID] = key(i)
		} else if k != key(i) {
			shared[a.GUID] = true
		}
	}
	if len(shared) == 0 {
		return
	}
	for i, a := range articles {
		if !shared[a.GUID] {
			continue
		}
		a.GUID = ""
		if a.URL == "" {
			a.GUID = contentIDs[i]
		}
	}
}

// dedupeBatch drops repeated items of one feed document: the same GUID, or
// the same canonical URL. The first occurrence wins.
func dedupeBatch(articles []*store.Article) []*store.Article {
	seen := make(map[string]bool, 2*len(articles))
	out := articles[:0]
	for _, a := range articles {
		var keys []string
		if a.GUID != "" {
			keys = append(keys, "g:"+a.GUID)
		}
		if a.CanonicalURL != "" {
			keys = append(keys, "u:"+a.CanonicalURL)
		}
		dup := false
		for _, k := range keys {
			if seen[k] {
				dup = true
			}
		}
		if dup {
			continue
		}
		for _, k := range keys {
			seen[k] = true
		}
		out = append(out, a)
	}
	return out
}

// newestFirst orders articles by published time, newest first, keeping the
// feed's order among equal times.
func newestFirst(articles []*store.Article) []*store.Article {
	sort.SliceStable(articles, func(i, j int) bool {
		return articles[i].Published.After(articles[j].Published)
	})
	return articles
}

// seenKey identifies an item as the feed published it.
func seenKey(a *store.Article) string {
	id := a.GUID
	if id == "" {
		id = a.CanonicalURL
	}
	return strconv.FormatInt(a.FeedID, 10) + "\x00" + id + "\x00" + a.ContentHash
}

// seenSet remembers items already stored in this process, so that their
// article pages are not fetched again on every poll. It forgets everything
// when full; the cost of forgetting is one extra page fetch.
type seenSet struct {
	mu    sync.Mutex
	limit int
	keys  map[string]struct{}
}

func newSeenSet(limit int) *seenSet {
	return &seenSet{limit: limit, keys: map[string]struct{}{}}
}

func (s *seenSet) has(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.keys[key]
	return ok
}

func (s *seenSet) add(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.keys) >= s.limit {
		clear(s.keys)
	}
	s.keys[key] = struct{}{}
}

// minDupWords is the length below which a text is too short to call a
// copy of another.
const minDupWords = 25

// dupIndex holds the SimHashes (cluster.Fingerprint) of recently stored
// articles, to link wire copy republished by another feed to its first
// appearance.
type dupIndex struct {
	mu      sync.Mutex
	entries []dupEntry
	next    int
	size    int
}

type dupEntry struct {
	id, feedID int64
	hash       uint64
}

func newDupIndex(size int) *dupIndex {
	return &dupIndex{entries: make([]dupEntry, 0, size), size: size}
}

// find returns the id of a recent article from another feed whose text is a
// near-duplicate of text, or 0.
func (d *dupIndex) find(feedID int64, hash uint64, text string) int64 {
	if !longEnough(text) {
		return 0
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	best, bestDist := int64(0), 65
	for _, e := range d.entries {
		if e.feedID == feedID || !cluster.NearDuplicate(e.hash, hash) {
			continue
		}
		if dist := bits.OnesCount64(e.hash ^ hash); dist < bestDist || (dist == bestDist && e.id < best) {
			best, bestDist = e.id, dist
		}
	}
	return best
}

func (d *dupIndex) add(id, feedID int64, hash uint64, text string) {
	if id == 0 || !longEnough(text) {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	e := dupEntry{id: id, feedID: feedID, hash: hash}
	if len(d.entries) < d.size {
		d.entries = append(d.entries, e)
		return
	}
	d.entries[d.next] = e
	d.next = (d.next + 1) % d.size
}

func longEnough(text string) bool {
	words := 0
	for range strings.FieldsSeq(text) {
		words++
		if words >= minDupWords {
			return true
		}
	}
	return false
}
