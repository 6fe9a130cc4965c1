package summarize

import (
	"math"
	"sort"
)

// Doc is one outlet's article about a story.
type Doc struct {
	Source, Title, Text string
	// Avoid lists byte ranges of Text no summary sentence may touch (loaded,
	// name-calling or fear-appeal wording).
	Avoid []Range
	// Opinion marks an opinion piece: it tells what the story is about, but
	// none of its sentences is shown, and it vouches for no sentence.
	Opinion bool
}

// Sentence is a story-summary sentence and the outlets whose articles carry its content.
type Sentence struct {
	Text    string
	Sources []string
}

// Weights and limits of the story scorer, chosen on the public AllSides DEV
// set (../shared/eval/summarize/multi/dev.jsonl).
const (
	// supportLimit is the cosine above which a sentence of another outlet is
	// taken to carry the same content (for attribution and ordering).
	supportLimit = 0.3
	// agreementWeight weighs the mean, over the other outlets, of the best
	// similarity of a sentence to any of their sentences.
	agreementWeight = 2
	storyCentrality = 0.8
	storyTitle      = 0.2
	// storyRedundancy is lower than for one article: outlets paraphrase the
	// same fact, and one telling is enough.
	storyRedundancy = 0.4
	storyWordBudget = 120
	// candidateSentences caps the sentences considered over all articles, so
	// a story with many long articles stays cheap; each article contributes
	// its lead, at least minCandidates sentences.
	candidateSentences = 240
	minCandidates      = 2
)

// Story returns at most n sentences stating what the outlets agree on (content recurring across docs first), each attributed.
//
// Every lead sentence of every article is a candidate. Its score grows with
// agreement (how closely the other outlets' articles say the same thing),
// with centrality across all articles and with a lead-position prior inside
// its own article, and is discounted for fragments, run-ons and quotations.
// The best candidates are picked without repeating each other (up to about
// 120 words), then ordered by how many outlets carry them and, among equals,
// by how early their article tells them. Sources lists the sentence's own
// outlet first, then every other outlet with a sentence of cosine ≥ 0.3 to
// it (feeds of the same outlet do not corroborate each other).
func Story(docs []Doc, n int) []Sentence {
	if n <= 0 || len(docs) == 0 {
		return nil
	}
	perDoc := max(minCandidates, candidateSentences/len(docs))
	var sents []sentence
	for d, doc := range docs {
		sents = append(sents, split(doc.Text, d, perDoc, doc.Avoid)...)
	}
	if len(sents) == 0 {
		return nil
	}
	for i := range sents {
		if docs[sents[i].doc].Opinion {
			sents[i].usable = false
		}
	}
	voc := weigh(sents)
	support, credit, agreement := agreements(docs, sents)
	scores := storyScores(docs, sents, agreement, voc)
	picked := pick(sents, scores, n, storyWordBudget, storyRedundancy)
	// Widest coverage first; among equals, what the articles put first.
	sort.SliceStable(picked, func(a, b int) bool {
		sa, sb := len(support[picked[a]]), len(support[picked[b]])
		if sa != sb {
			return sa > sb
		}
		return sents[picked[a]].pos < sents[picked[b]].pos
	})
	out := make([]Sentence, len(picked))
	for i, k := range picked {
		out[i] = Sentence{Text: sents[k].text, Sources: sources(docs, sents[k].doc, credit[k])}
	}
	return out
}

// agreements returns, for every sentence, the other outlets' reports that
// tell the same (support: best cosine ≥ supportLimit, not an opinion
// piece), those of them whose text also states every figure of the sentence
// (credit: only they are named as its sources), and the mean best cosine
// over all other documents.
func agreements(docs []Doc, sents []sentence) (support, credit [][]int, agreement []float64) {
	support = make([][]int, len(sents))
	credit = make([][]int, len(sents))
	agreement = make([]float64, len(sents))
	best := make([]float64, len(docs))
	figures := make([]numberSet, len(docs))
	for d, doc := range docs {
		figures[d] = newNumberSet(doc.Title + "\n" + doc.Text)
	}
	for i := range sents {
		var want []string
		if sents[i].usable {
			want = numbers(sents[i].text)
		}
		clear(best)
		for j := range sents {
			if sents[j].doc == sents[i].doc {
				continue
			}
			if c := dot(sents[i].vec, sents[j].vec); c > best[sents[j].doc] {
				best[sents[j].doc] = c
			}
		}
		own := sents[i].doc
		for d, c := range best {
			if d == own {
				continue
			}
			agreement[i] += c
			if c >= supportLimit && docs[d].Source != docs[own].Source && !docs[d].Opinion {
				support[i] = append(support[i], d)
				if figures[d].carries(want) {
					credit[i] = append(credit[i], d)
				}
			}
		}
		if len(docs) > 1 {
			agreement[i] /= float64(len(docs) - 1)
		}
	}
	return support, credit, agreement
}

func storyScores(docs []Doc, sents []sentence, agreement []float64, voc *vocabulary) []float64 {
	sum, norm := centroid(sents, len(voc.df))
	titles := make([]sparse, len(docs))
	for d, doc := range docs {
		titles[d] = voc.project(doc.Title)
	}
	scores := make([]float64, len(sents))
	for i, s := range sents {
		// A flatter lead prior than for one article: each outlet's lead
		// competes, and agreement matters more than position.
		prior := math.Sqrt(positionPrior(s.pos))
		scores[i] = quality(s) * (prior +
			storyCentrality*centrality(s, sum, norm) +
			agreementWeight*agreement[i] +
			storyTitle*dot(titles[s.doc], s.vec))
	}
	return scores
}

// sources lists the outlets of doc own and the supporting docs, each once, in
// document order with own first.
func sources(docs []Doc, own int, support []int) []string {
	out := []string{docs[own].Source}
	for _, d := range support {
		dup := false
		for _, s := range out {
			if s == docs[d].Source {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, docs[d].Source)
		}
	}
	return out
}
