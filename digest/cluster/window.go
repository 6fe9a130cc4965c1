package cluster

import (
	"container/heap"
	"time"
)

// evict removes docs older than cutoff. A story whose docs are all gone is
// closed: nothing in the index points to it any more.
func (ix *Index) evict(cutoff time.Time) {
	for ix.queue.Len() > 0 && ix.queue[0].time.Before(cutoff) {
		rec := heap.Pop(&ix.queue).(*docRec)
		rec.dead = true
		if rec.story.docs--; rec.story.docs == 0 && ix.stories[rec.story.id] == rec.story {
			delete(ix.stories, rec.story.id)
		}
		delete(ix.byID, rec.id)
		ix.dups.remove(rec)
		ix.live -= len(rec.keys)
		ix.dead += len(rec.keys)
	}
	if ix.dead > 4096 && ix.dead > ix.live {
		ix.compact()
	}
}

// compact drops evicted docs from every posting list.
func (ix *Index) compact() {
	for k, list := range ix.postings {
		kept := list[:0]
		for _, r := range list {
			if !r.dead {
				kept = append(kept, r)
			}
		}
		clear(list[len(kept):])
		if len(kept) == 0 {
			delete(ix.postings, k)
			continue
		}
		if cap(kept) > 2*len(kept) {
			kept = append([]*docRec(nil), kept...)
		}
		ix.postings[k] = kept
	}
	ix.dead = 0
}

// docQueue is a min-heap of docs by time, then arrival.
type docQueue []*docRec

func (q docQueue) Len() int { return len(q) }
func (q docQueue) Less(i, j int) bool {
	if !q[i].time.Equal(q[j].time) {
		return q[i].time.Before(q[j].time)
	}
	return q[i].seq < q[j].seq
}
func (q docQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *docQueue) Push(x any)   { *q = append(*q, x.(*docRec)) }
func (q *docQueue) Pop() any {
	old := *q
	r := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return r
}
func (q *docQueue) push(r *docRec) { heap.Push(q, r) }
