package framing

import (
	"math"
	"sort"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Frame scoring, by hand, on our own examples: a headline word counts as
// much as titleFrameWeight body words; a second frame is shown only when it
// scores at least secondFrameShare of the first; each frame quotes at most
// maxFrameEvidence words.
const (
	titleFrameWeight = 2.0
	secondFrameShare = 0.5
	maxFrameEvidence = 3
)

// scoreFrames counts each frame's cue words in the body (words in the
// headline count twice) and returns the top one or two frames, the second
// only when it scores at least half of the first.
func scoreFrames(d *doc) []Frame {
	type acc struct {
		n  float64
		ev []text.Span
	}
	accs := make([]acc, len(lex.frames))
	total := 0.0
	for i := range d.words {
		if !d.cand[i] {
			continue
		}
		seen := -1
		lex.frameIndex.each(d.words, i, func(n, k int) {
			if k == seen {
				return // one vote per frame per word
			}
			seen = k
			accs[k].n++
			total++
			if len(accs[k].ev) < maxFrameEvidence {
				accs[k].ev = append(accs[k].ev, d.span(i, i+n))
			}
		})
	}
	if d.title != "" {
		tt := text.Tokens(d.title)
		tw := make([]string, len(tt))
		for i, t := range tt {
			tw[i] = normWord(t.Text)
		}
		for i := range tw {
			lex.frameIndex.each(tw, i, func(_, k int) {
				accs[k].n += titleFrameWeight
				total += titleFrameWeight
			})
		}
	}
	if total == 0 {
		return nil
	}
	idx := make([]int, len(accs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return accs[idx[a]].n > accs[idx[b]].n })
	var out []Frame
	for r, k := range idx[:2] {
		if accs[k].n == 0 || (r == 1 && accs[k].n < accs[idx[0]].n*secondFrameShare) {
			break
		}
		out = append(out, Frame{
			Name:     lex.frames[k].name,
			Score:    math.Round(accs[k].n/total*100) / 100,
			Evidence: accs[k].ev,
		})
	}
	return out
}
