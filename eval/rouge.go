package eval

import (
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// rougeScore is one ROUGE precision/recall/F1 triple on the 0–1 scale.
type rougeScore struct{ P, R, F float64 }

func newRougeScore(hits, predTotal, refTotal int) rougeScore {
	var s rougeScore
	if predTotal > 0 {
		s.P = float64(hits) / float64(predTotal)
	}
	if refTotal > 0 {
		s.R = float64(hits) / float64(refTotal)
	}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// rougeTokens tokenises s as Google's rouge_score does with use_stemmer:
// lower-case, every run of characters outside [a-z0-9] becomes a separator,
// and tokens longer than three characters are stemmed (Porter2).
func rougeTokens(s string) []string {
	s = strings.ToLower(s)
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9')
		switch {
		case alnum && start < 0:
			start = i
		case !alnum && start >= 0:
			tok := s[start:i]
			if len(tok) > 3 {
				tok = text.Stem(tok)
			}
			out = append(out, tok)
			start = -1
		}
	}
	return out
}

// rougeN is clipped n-gram overlap between a prediction and a reference.
func rougeN(pred, ref []string, n int) rougeScore {
	refGrams := ngrams(ref, n)
	predGrams := ngrams(pred, n)
	hits := 0
	for g, c := range predGrams {
		hits += min(c, refGrams[g])
	}
	return newRougeScore(hits, max(0, len(pred)-n+1), max(0, len(ref)-n+1))
}

func ngrams(toks []string, n int) map[string]int {
	m := make(map[string]int, len(toks))
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

// rougeL is the longest common subsequence over the whole token sequences.
func rougeL(pred, ref []string) rougeScore {
	if len(pred) == 0 || len(ref) == 0 {
		return rougeScore{}
	}
	t := lcsTable(ref, pred)
	return newRougeScore(t[len(ref)][len(pred)], len(pred), len(ref))
}

// lcsTable returns the LCS length table of a and b: t[i][j] is the LCS length
// of a[:i] and b[:j].
func lcsTable(a, b []string) [][]int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				t[i][j] = t[i-1][j-1] + 1
			} else {
				t[i][j] = max(t[i-1][j], t[i][j-1])
			}
		}
	}
	return t
}

// lcsPositions returns the indices into ref of one LCS of ref and cand,
// backtracking as rouge_score does (prefer stepping back in cand on ties
// only when that keeps a strictly longer LCS).
func lcsPositions(ref, cand []string) []int {
	t := lcsTable(ref, cand)
	var pos []int
	i, j := len(ref), len(cand)
	for i > 0 && j > 0 {
		switch {
		case ref[i-1] == cand[j-1]:
			pos = append(pos, i-1)
			i--
			j--
		case t[i][j-1] > t[i-1][j]:
			j--
		default:
			i--
		}
	}
	return pos
}

// rougeLsum is the summary-level union-LCS over sentences: for each reference
// sentence the union of its LCS positions with every prediction sentence,
// each token counted at most as often as it occurs on both sides.
func rougeLsum(pred, ref [][]string) rougeScore {
	m, n := 0, 0
	refCount := map[string]int{}
	predCount := map[string]int{}
	for _, s := range ref {
		m += len(s)
		for _, t := range s {
			refCount[t]++
		}
	}
	for _, s := range pred {
		n += len(s)
		for _, t := range s {
			predCount[t]++
		}
	}
	if m == 0 || n == 0 {
		return rougeScore{}
	}
	hits := 0
	for _, r := range ref {
		union := make([]bool, len(r))
		for _, c := range pred {
			for _, p := range lcsPositions(r, c) {
				union[p] = true
			}
		}
		for i, in := range union {
			if !in {
				continue
			}
			tok := r[i]
			if predCount[tok] > 0 && refCount[tok] > 0 {
				hits++
				predCount[tok]--
				refCount[tok]--
			}
		}
	}
	return newRougeScore(hits, n, m)
}

// rougeSentences splits s on newlines, dropping empty lines, and tokenises
// each line: the sentence structure ROUGE-Lsum works on.
func rougeSentences(s string) [][]string {
	var out [][]string
	for _, line := range strings.Split(s, "\n") {
		if line == "" {
			continue
		}
		out = append(out, rougeTokens(line))
	}
	return out
}

// rougeAll is every ROUGE figure for one prediction against one reference.
type rougeAll struct{ R1, R2, L, Lsum rougeScore }

func scoreRouge(pred, ref string) rougeAll {
	p, r := rougeTokens(pred), rougeTokens(ref)
	return rougeAll{
		R1:   rougeN(p, r, 1),
		R2:   rougeN(p, r, 2),
		L:    rougeL(p, r),
		Lsum: rougeLsum(rougeSentences(pred), rougeSentences(ref)),
	}
}
