package digest

import (
	"math"
	"regexp"
	"strings"

	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/text"
)

// Weights of the title choice. A story goes by the headline of one of its
// reports: the one that best states what all the outlets report (its terms
// recur in the others' headlines and leads), in neutral words, preferably
// from an outlet the operator rated center or a wire service. The values
// were chosen on DEV (../shared/eval/digest/replay-dev.jsonl, title ROUGE-1
// against the neutral headline, with the gold grouping).
const (
	// consensusWeight scales the mean similarity of a headline to the other
	// articles' headlines and leads.
	consensusWeight = 1.0
	// analysisPenalty is taken off an analysis piece's headline: it names
	// the question, not the event.
	analysisPenalty = 0.2
	// centerBonus is added for an outlet rated center, or a wire service,
	// when the operator gave leans to any outlet of the story.
	centerBonus = 0.05
	// shortHeadline is the fewest words of a headline that states an event.
	shortHeadline = 5
	shortPenalty  = 0.2
)

// storyTitle picks the headline a story goes by: a report's (never an
// opinion piece's while the story has a report), without loaded wording (a
// question or exclamation mark, "I" or "you", "should", a loaded or
// evaluative word: framing.HeadlineCue) whenever one is, and of those the
// most representative. A story told
// only in opinion pieces is titled by one of them, marked "Opinion:".
// g is in publication order.
func storyTitle(g []Item, summary []string) string {
	var cands []int
	for i, it := range g {
		if it.DuplicateOf == 0 && it.Analysis.Genre.Label != framing.Opinion {
			cands = append(cands, i)
		}
	}
	opinionOnly := len(cands) == 0
	if opinionOnly {
		for i, it := range g {
			if it.DuplicateOf == 0 {
				cands = append(cands, i)
			}
		}
	}
	if len(cands) == 0 {
		cands = []int{0}
	}
	// A headline without loaded wording wins whenever there is one.
	var neutral []int
	for _, i := range cands {
		if headlineCue(g[i]) == "" {
			neutral = append(neutral, i)
		}
	}
	if len(neutral) == 0 && !opinionOnly {
		for _, i := range cands {
			if t, ok := framing.DropPraise(cleanHeadline(g[i])); ok {
				return t
			}
		}
	}
	if len(neutral) > 0 {
		cands = neutral
	} else if !opinionOnly && len(cands) > 1 && len(summary) > 0 {
		// Every report's headline is loaded: the summary's first sentence,
		// cleared of partisan wording, states the event in its main clause.
		// (A story of one report keeps its headline: the reader sees whose
		// it is.)
		if t, ok := leadTitle(summary[0]); ok && framing.HeadlineCue(t) == "" {
			return t
		}
	}
	best, bestScore := cands[0], 0.0
	if len(cands) > 1 {
		leans := false
		for _, it := range g {
			leans = leans || it.Lean != ""
		}
		profiles := make([]termVec, len(g))
		for i, it := range g {
			profiles[i] = newTermVec(text.Terms(it.Title + " " + lead(it.Text)))
		}
		for k, i := range cands {
			sc := titleScore(g, i, profiles, leans)
			if k == 0 || sc > bestScore {
				best, bestScore = i, sc
			}
		}
	}
	title := cleanHeadline(g[best])
	if opinionOnly {
		return "Opinion: " + title
	}
	return title
}

// titleScore rates g[i]'s headline as the story's title.
func titleScore(g []Item, i int, profiles []termVec, leans bool) float64 {
	it := g[i]
	head := newTermVec(text.Terms(cleanHeadline(it)))
	var sim float64
	others := 0
	for j := range g {
		if j != i && g[j].Source != it.Source {
			sim += head.dot(profiles[j])
			others++
		}
	}
	score := 0.0
	if others > 0 {
		score = consensusWeight * sim / float64(others)
	}
	if it.Analysis.Genre.Label == framing.Analysis {
		score -= analysisPenalty
	}
	if len(text.Tokens(it.Title)) < shortHeadline {
		score -= shortPenalty
	}
	if leans && (strings.EqualFold(it.Lean, "center") || wireService(it)) {
		score += centerBonus
	}
	return score
}

// Limits of a title cut from a summary sentence.
const (
	maxLeadTitleWords = 16
	minLeadTitleWords = 6
)

// leadClauseEnds end a sentence's main clause: punctuation, or a
// conjunction that starts a new clause of its own (not "that" or "who",
// which may belong to the subject).
var leadClauseEnds = []string{", ", "; ", " — ", " – ", " after ", " while ", " because "}

// leadTitle cuts a title from a sentence: the sentence itself when short,
// else its main clause, up to maxLeadTitleWords words.
func leadTitle(sentence string) (string, bool) {
	s := strings.TrimRight(strings.TrimSpace(sentence), ".!?")
	if len(strings.Fields(s)) <= maxLeadTitleWords {
		return s, len(strings.Fields(s)) >= minLeadTitleWords/2
	}
	words := strings.Fields(s)
	head := strings.Join(words[:minLeadTitleWords], " ")
	rest := s[len(head):]
	cut := -1
	for _, e := range leadClauseEnds {
		if i := strings.Index(rest, e); i >= 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 {
		return "", false
	}
	t := strings.TrimSpace(head + rest[:cut])
	if len(strings.Fields(t)) > maxLeadTitleWords {
		return "", false
	}
	return t, true
}

// termVec is a unit-length term-count vector.
type termVec map[string]float64

func newTermVec(terms []string) termVec {
	v := termVec{}
	for _, t := range terms {
		v[t]++
	}
	var n float64
	for _, c := range v {
		n += c * c
	}
	n = math.Sqrt(n)
	for t := range v {
		v[t] /= n
	}
	return v
}

// dot is the cosine of two unit vectors.
func (v termVec) dot(o termVec) float64 {
	if len(o) < len(v) {
		v, o = o, v
	}
	var s float64
	for t, w := range v {
		s += w * o[t]
	}
	return s
}

// lead is the first paragraph of a text, where a report states its event.
func lead(body string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	if len(p) > 600 {
		p = p[:600]
	}
	return p
}

// wireService reports whether the item's genre came from a wire service.
func wireService(it Item) bool {
	return strings.HasPrefix(it.Analysis.Genre.Signal, "wire service")
}

// headlinePrefix is a label outlets put before a headline that is not part
// of it ("WATCH:", "LIVE:", "BREAKING:").
var headlinePrefix = regexp.MustCompile(`^(?i:watch|live|live updates|breaking|breaking news|update|updated|exclusive|video|photos|just in)\s*[:|–—-]\s*`)

// cleanHeadline drops an outlet's decoration from its headline: a leading
// label and a trailing " - Outlet" or " | Outlet" naming the outlet itself
// (a trailing " - Scottish study" is part of the headline and stays).
func cleanHeadline(it Item) string {
	h := strings.TrimSpace(it.Title)
	if c := headlinePrefix.ReplaceAllString(h, ""); len(strings.Fields(c)) >= 3 {
		h = c
	}
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		i := strings.LastIndex(h, sep)
		if i < 0 {
			continue
		}
		tail := strings.ToLower(strings.TrimSpace(h[i+len(sep):]))
		outlet := strings.ToLower(it.Source)
		if tail != "" && (strings.Contains(outlet, tail) || strings.Contains(tail, outlet)) && len(strings.Fields(h[:i])) >= 3 {
			h = h[:i]
			break
		}
	}
	return h
}
