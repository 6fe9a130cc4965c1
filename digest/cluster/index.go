package cluster

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// Search limits. An article posts its keyTerms most distinctive terms to the
// inverted index and looks up the same number; the maxCandidates stories that
// share the most weight with it over those terms are compared with it, and
// the memberChecks closest of those also article by article. A
// story profile keeps its storyTerms heaviest terms and the memberTerms
// heaviest terms of its newest maxMembers articles.
const (
	keyTerms      = 16
	maxCandidates = 24
	memberChecks  = 6
	storyTerms    = 100
	memberTerms   = 64
	maxMembers    = 8
)

// Index clusters docs into stories incrementally. It is safe for concurrent
// use: a mutex serialises Add and Restore calls. It is deterministic: adding
// the same docs in the same order gives the same assignments. To rebuild it
// at start, pass the stored docs of the window in time order to Restore with
// their stored story IDs (re-adding them with Add also works, but decides
// anew without the older docs, so a story may split from its past).
type Index struct {
	mu       sync.Mutex
	cfg      Config
	terms    *termizer
	df       *docFreq
	dfLoaded bool // frequencies came from storage: restored docs are already counted
	postings map[uint32][]*docRec
	live     int // postings of docs in the window
	dead     int // postings of evicted docs not yet removed
	dups     *dupIndex
	byID     map[int64]*docRec
	stories  map[int64]*story // open stories by ID
	queue    docQueue
	newest   time.Time
	seq      uint64
	scores   map[*story]float64
}

// story is one open story.
type story struct {
	id      int64
	profile vector    // the sum of its articles' unit vectors
	members []vector  // its newest articles, most distinctive terms only
	docs    int       // articles still in the window
	first   time.Time // publication time of its earliest article (zero: unknown)
	latest  time.Time
}

// docRec is an article in the window.
type docRec struct {
	id    int64
	time  time.Time
	seq   uint64
	story *story
	keys  []uint32
	fp    uint64
	asg   Assignment
	dead  bool
}

// New returns an empty Index.
func New(cfg Config) *Index {
	return &Index{
		cfg:      cfg.withDefaults(),
		terms:    newTermizer(),
		df:       newDocFreq(),
		postings: map[uint32][]*docRec{},
		dups:     newDupIndex(),
		byID:     map[int64]*docRec{},
		stories:  map[int64]*story{},
		scores:   map[*story]float64{},
	}
}

// Len returns how many docs are in the window.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byID)
}

// Add assigns d to an existing story within the window or starts a new one
// (Story == d.ID). Docs older than the window relative to the newest seen are
// evicted first. Adding a doc whose ID is still in the window returns its
// earlier assignment.
func (ix *Index) Add(d Doc) Assignment {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.add(d, 0)
}

// Restore puts d into the story with ID storyID, as an earlier Add decided
// (the assignment stored with the doc), instead of deciding anew. An index
// rebuilt at start by restoring the stored docs of the window in time order
// continues exactly the stories already published, although it has not seen
// the older docs the first decisions were made with. A storyID of 0 means
// "not clustered yet" and is the same as Add. Like Add, restoring a doc
// whose ID is in the window returns its earlier assignment.
func (ix *Index) Restore(d Doc, storyID int64) Assignment {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.add(d, storyID)
}

// add is Add, or Restore when storyID is not 0.
func (ix *Index) add(d Doc, storyID int64) Assignment {
	if rec, ok := ix.byID[d.ID]; ok {
		return rec.asg
	}
	t := d.Time
	if t.After(ix.newest) {
		ix.newest = t
	}
	if t.IsZero() {
		t = ix.newest
	}
	ix.evict(ix.newest.Add(-ix.cfg.Window))

	v, names, headline := ix.terms.termsAndHeadline(d)
	if storyID == 0 || !ix.dfLoaded {
		ix.df.observe(v)
	}
	q := newQuery(v, ix.df)
	q.names, q.headline = names, headline
	rec := &docRec{id: d.ID, time: t, seq: ix.seq, keys: q.keyTerms()}
	ix.seq++

	var best *story
	var score float64
	if storyID == 0 {
		best, score = ix.bestStory(q, rec.keys, d.Time)
	} else if best = ix.stories[storyID]; best != nil {
		score = ix.similarity(q, best, q.cosine(&best.profile, ix.df))
	}
	// Republishers rewrite headlines, so the body alone identifies a copy.
	fp, words := fingerprint(d.Text)
	dupable := words >= minDuplicateWords
	if dupable {
		rec.fp = fp
		if dup := ix.dups.find(fp); dup != nil {
			// A copy of a copy points at the original.
			rec.asg.DuplicateOf = dup.id
			if dup.asg.DuplicateOf != 0 {
				rec.asg.DuplicateOf = dup.asg.DuplicateOf
			}
			if storyID == 0 && dup.story != best {
				best, score = dup.story, ix.similarity(q, dup.story, q.cosine(&dup.story.profile, ix.df))
			}
		}
	}
	switch {
	case storyID != 0 && best == nil:
		best, score = ix.open(storyID), 0
	case storyID == 0 && best == nil:
		best, score = ix.open(d.ID), 0
	}
	rec.story = best
	rec.asg.Story, rec.asg.Score = best.id, score
	ix.join(best, q, d.Time)
	ix.insert(rec, dupable)
	return rec.asg
}

// open starts a story.
func (ix *Index) open(id int64) *story {
	s := &story{id: id}
	ix.stories[id] = s
	return s
}

// bestStory returns the open story most similar to q among those whose
// similarity reaches the join threshold for an article published at t, or
// nil when there is none.
func (ix *Index) bestStory(q vector, keys []uint32, t time.Time) (*story, float64) {
	if q.norm.value == 0 {
		return nil, 0
	}
	clear(ix.scores)
	for _, k := range keys {
		w := ix.df.idf(k)
		list := ix.postings[k]
		kept := list[:0]
		for _, r := range list {
			if r.dead {
				ix.dead--
				continue
			}
			kept = append(kept, r)
			ix.scores[r.story] += w
		}
		clear(list[len(kept):])
		ix.postings[k] = kept
	}
	cands := ix.topCandidates()
	competing := ix.youngCompetitors(t)
	// Profile cosines for every candidate, the closer look at recent articles
	// for the few best only.
	sims := make([]float64, len(cands))
	for i, s := range cands {
		sims[i] = q.cosine(&s.profile, ix.df)
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(sims[b], sims[a]) })
	var best *story
	bestScore := 0.0
	for _, i := range order[:min(memberChecks, len(order))] {
		s := cands[i]
		sim := ix.similarity(q, s, sims[i])
		if sim < ix.threshold(s, t, competing) {
			continue
		}
		if sim < ix.cfg.Threshold && !ix.agrees(q, s, sim) {
			continue
		}
		if best == nil || sim > bestScore || (sim == bestScore && s.id < best.id) {
			best, bestScore = s, sim
		}
	}
	return best, bestScore
}

// topCandidates returns the maxCandidates stories with the highest key-term
// scores, best first (ties by story ID, for determinism).
func (ix *Index) topCandidates() []*story {
	better := func(a, b *story) bool {
		sa, sb := ix.scores[a], ix.scores[b]
		return sa > sb || (sa == sb && a.id < b.id)
	}
	top := make([]*story, 0, maxCandidates+1)
	for s := range ix.scores {
		if len(top) == maxCandidates && !better(s, top[len(top)-1]) {
			continue
		}
		i := len(top)
		for i > 0 && better(s, top[i-1]) {
			i--
		}
		top = slices.Insert(top, i, s)
		if len(top) > maxCandidates {
			top = top[:maxCandidates]
		}
	}
	return top
}

// join adds q to the story: its unit vector to the profile, its distinctive
// terms to the members.
func (ix *Index) join(s *story, q vector, t time.Time) {
	if q.norm.value > 0 {
		idf := ix.df.idf
		s.profile.set(addScaled(s.profile.v, q.v, 1/q.norm.value).top(storyTerms, idf))
		if len(s.members) == maxMembers {
			s.members = slices.Delete(s.members, 0, 1)
		}
		var m vector
		m.set(q.heaviestTerms(memberTerms))
		m.names, m.headline = q.names, q.headline
		s.members = append(s.members, m)
	}
	s.docs++
	if !t.IsZero() && (s.first.IsZero() || t.Before(s.first)) {
		s.first = t
	}
	if t.After(s.latest) {
		s.latest = t
	}
}

// insert files rec in the window, the inverted index and, when it is long
// enough, the near-duplicate index.
func (ix *Index) insert(rec *docRec, dupable bool) {
	for _, k := range rec.keys {
		ix.postings[k] = append(ix.postings[k], rec)
	}
	ix.live += len(rec.keys)
	if dupable {
		ix.dups.add(rec)
	}
	ix.byID[rec.id] = rec
	ix.queue.push(rec)
}
