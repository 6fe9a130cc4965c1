package summarize

import (
	"math"
	"sort"
)

// Weights and limits of the single-article scorer. The shape (lead prior,
// centrality, penalties, a word budget) is general; the values were chosen on
// the public CNN/DailyMail DEV set (../shared/eval/summarize/dev.jsonl). The
// weights sit on a plateau there (centrality 0.2–1.2, quote penalty 0.3–0.9
// all score within 0.25 ROUGE-1); the word budget matters most (60 words
// scores 0.3 lower, 70 words 0.15 lower).
const (
	centralityWeight = 0.5 // similarity to the rest of the article
	titleWeight      = 0.3 // similarity to the headline
	quotePenalty     = 0.5 // share of quoted text removes up to this much
	captionFactor    = 0.7 // a sentence without final punctuation (caption, heading)
	questionFactor   = 0.6 // a question: rhetorical or a teaser, rarely the news

	// wordBudget stops adding sentences once the summary has this many
	// words: news highlights run 50–70 words, and a long third sentence costs
	// more precision than it adds recall.
	wordBudget = 65
	// minSentences is picked regardless of the budget (when n allows).
	minSentences = 2
	// redundancyLimit is the cosine above which two sentences say the same thing.
	redundancyLimit = 0.5
	// diversityWeight discounts a candidate by this share of its highest
	// similarity to a sentence already picked.
	diversityWeight = 0.5
)

// Article returns at most n sentences of body (an extractive summary, in text
// order). title may be "". No sentence touching an avoid range (byte offsets
// into body) is picked, nor a cut-off teaser line or a quotation whose
// speaker the sentence does not name; a newsletter label opening a
// sentence ("Why it matters:") is dropped from it.
//
// Sentences are scored by a position prior (news puts the essentials first),
// centrality (similarity to the rest of the article), similarity to the
// title, and penalties for fragments, run-ons, quotations, questions and
// captions; a leading dateline ("WASHINGTON (AP) —") is dropped. The best are
// picked greedily, each discounted by its similarity to those already picked
// and near-repeats skipped, until n sentences or about 65 words (but at least
// two sentences when n ≥ 2 and the body has them).
func Article(title, body string, n int, avoid ...Range) []string {
	if n <= 0 {
		return nil
	}
	sents := split(body, 0, 0, avoid)
	if len(sents) == 0 {
		return nil
	}
	voc := weigh(sents)
	scores := articleScores(voc.project(title), sents, len(voc.df))
	picked := pick(sents, scores, n, wordBudget, redundancyLimit)
	sort.Ints(picked)
	out := make([]string, len(picked))
	for i, k := range picked {
		out[i] = sents[k].text
	}
	return out
}

// articleScores returns one score per sentence.
func articleScores(titleVec sparse, sents []sentence, vocabSize int) []float64 {
	sum, norm := centroid(sents, vocabSize)
	scores := make([]float64, len(sents))
	for i, s := range sents {
		scores[i] = quality(s) * (positionPrior(s.pos) +
			centralityWeight*centrality(s, sum, norm) +
			titleWeight*dot(titleVec, s.vec))
	}
	return scores
}

// centrality is the similarity of s to the rest of the article: its dot
// product with the sum of the other sentences' unit vectors, scaled by the
// length of the sum over all sentences (norm), so scores compare within an
// article.
func centrality(s sentence, sum []float64, norm float64) float64 {
	if norm == 0 {
		return 0
	}
	return (dotDense(s.vec, sum) - dot(s.vec, s.vec)) / norm
}

// positionPrior is the lead bias: the first sentence weighs 1, later ones less.
func positionPrior(i int) float64 {
	return 1 / math.Sqrt(float64(1+i))
}

// quality multiplies a score down for sentences that rarely make a good
// summary line: fragments, run-ons, quotations and captions.
func quality(s sentence) float64 {
	q := lengthFactor(s.words) * (1 - quotePenalty*s.quote)
	if !s.ended {
		q *= captionFactor
	}
	if s.question {
		q *= questionFactor
	}
	return q
}

// lengthFactor discounts fragments (captions, datelines) and run-on sentences.
func lengthFactor(words int) float64 {
	switch {
	case words < 5:
		return 0.2
	case words < 10:
		return 0.6 + 0.08*float64(words-5)
	case words > 60:
		return 0.7
	}
	return 1
}

// pick returns the indices of up to n sentences chosen greedily (maximal
// marginal relevance): each step takes the sentence whose score, discounted
// by its similarity to those already picked, is highest, skips sentences that
// nearly repeat one already picked (cosine above limit), and stops once the
// picked sentences reach budget words (0: no budget) and minSentences.
func pick(sents []sentence, scores []float64, n, budget int, limit float64) []int {
	var picked []int
	used := make([]bool, len(sents))
	maxSim := make([]float64, len(sents)) // highest similarity to a picked sentence
	words := 0
	for len(picked) < n && !(budget > 0 && words >= budget && len(picked) >= minSentences) {
		best, bestScore := -1, 0.0
		for k := range sents {
			if used[k] || !sents[k].usable || maxSim[k] > limit {
				continue
			}
			if sc := scores[k] * (1 - diversityWeight*maxSim[k]); best < 0 || sc > bestScore {
				best, bestScore = k, sc
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		picked = append(picked, best)
		words += sents[best].words
		for k := range sents {
			if !used[k] {
				maxSim[k] = max(maxSim[k], dot(sents[best].vec, sents[k].vec))
			}
		}
	}
	return picked
}
