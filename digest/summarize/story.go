package summarize

import (
	"math"
	"slices"
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
	// Center marks an outlet the operator rated center, or a wire service:
	// its lead sentence opens the summary when it is picked.
	Center bool
	// Background marks an article of an earlier development of a running
	// story: a few of its sentences (maxBackground) may follow the newest
	// development's, for a reader who missed the start.
	Background bool
}

// Sentence is a story-summary sentence and the outlets whose articles carry its content.
type Sentence struct {
	Text    string
	Sources []string
}

// Weights and limits of the story scorer, chosen on the public AllSides DEV
// sets: the roundups (../shared/eval/summarize/multi/dev.jsonl) and the
// replayed stream (../shared/eval/digest/replay-dev.jsonl, ROUGE-1 of each
// event's main story against its neutral roundup). On the replay, moving
// from agreement 2, centrality 0.8, title 0.2, quotation penalty 0.5 and no
// novelty to the values below took ROUGE-1 from 42.55 to about 43.0 (each
// change is worth 0.05 to 0.15 and they add up; around these values every
// weight sits on a plateau, within 0.1); the roundups stay at 45.
const (
	// supportLimit is the cosine above which a sentence of another outlet is
	// taken to carry the same content (for attribution and ordering).
	supportLimit = 0.3
	// agreementWeight weighs the mean, over the other outlets, of the best
	// similarity of a sentence to any of their sentences.
	agreementWeight = 1.2
	storyCentrality = 0.5
	// storyTitle weighs a sentence's similarity to its article's headline:
	// a headline says what the article is about, and a roundup says it too.
	storyTitle = 0.4
	// storyQuotePenalty is lighter than for one article: a roundup quotes
	// the main speakers, and a quotation in a summary names its speaker.
	storyQuotePenalty = 0.25
	// storyNovelty discounts a candidate by the share of its terms the
	// summary does not have yet, to this power: a fact told again in other
	// words adds little.
	storyNovelty = 0.4
	// storyRedundancy is lower than for one article: outlets paraphrase the
	// same fact, and one telling is enough.
	storyRedundancy = 0.4
	storyWordBudget = 120
	// maxBackground is how many sentences of a running story's earlier
	// developments its summary may hold, after the newest development's
	// (chosen on the DEV replay: 1 loses 0.07, more gains nothing).
	maxBackground = 2
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
// 120 words); a sentence that opens by pointing back ("It passed …") only
// with the sentence before it. They are then put in reading order (see
// readingOrder): an article's lead first. Sources lists the sentence's own
// outlet first, then every other outlet with a sentence of cosine ≥ 0.3 to
// it whose text also states the sentence's figures, names and quoted words
// (feeds of the same outlet do not corroborate each other).
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
		// A quotation "she said" follows the sentence before it, which
		// names her.
		if sents[i].pronounQuote && i > 0 && sents[i-1].doc == sents[i].doc && namesSomeone(sents[i-1].text) {
			sents[i].usable, sents[i].dependent = true, true
		}
		if docs[sents[i].doc].Opinion {
			sents[i].usable = false
		}
		sents[i].background = docs[sents[i].doc].Background
	}
	voc := weigh(sents)
	support, credit, agreement := agreements(docs, sents)
	scores := storyScores(docs, sents, agreement, voc)
	picked := pick(sents, scores, n, pickOptions{budget: storyWordBudget, limit: storyRedundancy, chained: true, novelty: storyNovelty, maxBackground: maxBackground})
	picked = readingOrder(docs, sents, picked, support, scores)
	out := make([]Sentence, len(picked))
	for i, k := range picked {
		out[i] = Sentence{Text: sents[k].text, Sources: sources(docs, sents[k].doc, credit[k])}
	}
	return out
}

// readingOrder orders the picked sentences for a reader. The summary opens
// with an article's lead sentence, which states the event: of the newest
// development, of an outlet rated center or a wire service (Doc.Center) when
// one is picked, then the most widely carried, then the higher score. Then
// come the others, the newest development's before the background, widest
// coverage first and, among equals, what the articles put first; a sentence
// that points back follows the sentence before it in its article.
func readingOrder(docs []Doc, sents []sentence, picked []int, support [][]int, scores []float64) []int {
	rest := slices.Clone(picked)
	sort.SliceStable(rest, func(a, b int) bool {
		if ba, bb := docs[sents[rest[a]].doc].Background, docs[sents[rest[b]].doc].Background; ba != bb {
			return bb
		}
		sa, sb := len(support[rest[a]]), len(support[rest[b]])
		if sa != sb {
			return sa > sb
		}
		return sents[rest[a]].pos < sents[rest[b]].pos
	})
	opener := -1
	for _, k := range rest {
		if sents[k].pos != 0 || sents[k].dependent {
			continue
		}
		if opener < 0 || betterOpener(docs, sents, support, scores, k, opener) {
			opener = k
		}
	}
	var order []int
	if opener >= 0 {
		order = append(order, opener)
	}
	for _, k := range rest {
		if k != opener && !sents[k].dependent {
			order = append(order, k)
		}
	}
	// Each dependent sentence goes right after its predecessor (which pick
	// made sure is there), chains in article order.
	for _, k := range picked {
		if !sents[k].dependent {
			continue
		}
		at := slices.Index(order, k-1)
		order = slices.Insert(order, at+1, k)
	}
	return order
}

// betterOpener reports whether lead sentence a opens a summary better than b.
func betterOpener(docs []Doc, sents []sentence, support [][]int, scores []float64, a, b int) bool {
	if ba, bb := docs[sents[a].doc].Background, docs[sents[b].doc].Background; ba != bb {
		return bb
	}
	if ca, cb := docs[sents[a].doc].Center, docs[sents[b].doc].Center; ca != cb {
		return ca
	}
	if sa, sb := len(support[a]), len(support[b]); sa != sb {
		return sa > sb
	}
	return scores[a] > scores[b]
}

// agreements returns, for every sentence, the other outlets' reports that
// tell the same (support: best cosine ≥ supportLimit, not an opinion
// piece), those of them whose text also states every figure, name and
// quoted phrase of the sentence (credit: only they are named as its
// sources; anchors.go), and the mean best cosine over all other documents.
func agreements(docs []Doc, sents []sentence) (support, credit [][]int, agreement []float64) {
	support = make([][]int, len(sents))
	credit = make([][]int, len(sents))
	agreement = make([]float64, len(sents))
	best := make([]float64, len(docs))
	figures := make([]numberSet, len(docs))
	words := make([]*docWords, len(docs)) // made when first needed
	for d, doc := range docs {
		figures[d] = newNumberSet(doc.Title + "\n" + doc.Text)
	}
	for i := range sents {
		var want []string
		var anchor anchors
		if sents[i].usable {
			want = numbers(sents[i].text)
			anchor = sentenceAnchors(sents[i].text)
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
				if figures[d].carries(want) && (anchor.empty() || docWordsOf(words, docs, d).carries(anchor)) {
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
		scores[i] = quality(s, storyQuotePenalty) * (prior +
			storyCentrality*centrality(s, sum, norm) +
			agreementWeight*agreement[i] +
			storyTitle*dot(titles[s.doc], s.vec))
	}
	return scores
}

// docWordsOf returns document d's words, making them on first use.
func docWordsOf(words []*docWords, docs []Doc, d int) *docWords {
	if words[d] == nil {
		dw := newDocWords(docs[d].Title + "\n" + docs[d].Text)
		words[d] = &dw
	}
	return words[d]
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
