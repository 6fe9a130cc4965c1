package framing

import (
	"math"
	"sort"
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

var (
	firstPerson  = map[string]bool{"i": true, "me": true, "my": true, "we": true, "us": true, "our": true, "ours": true, "myself": true, "ourselves": true}
	secondPerson = map[string]bool{"you": true, "your": true, "yours": true, "yourself": true}
	prescriptive = map[string]bool{"must": true, "should": true, "ought": true, "shouldn't": true, "mustn't": true}
	attribution  = map[string]bool{"said": true, "says": true, "told": true, "stated": true, "announced": true, "according": true, "reported": true, "confirmed": true, "added": true}
	// Analysis explains rather than argues or reports.
	analysisMarkers = newMatcher([]string{
		"analysis", "explainer", "what it means", "here's why", "here is why",
		"what to know", "what we know", "the question is", "on the other hand", "in other words",
		"this means", "that means", "the reason", "the upshot", "it remains to be seen", "key question",
		"to understand", "explains", "in context", "the stakes", "takeaways", "depends on",
	})
	opinionMarkers = newMatcher([]string{
		"opinion", "commentary", "editorial", "op-ed", "column", "in my view", "i believe", "i think",
		"we need", "let us", "let's", "make no mistake", "the truth is", "the fact is", "clearly",
		"obviously", "of course", "certainly", "undoubtedly", "shameful", "it is time", "it's time",
	})
)

// genreFeatures are the writer-voice signals that separate genres, each with
// the spans that show it.
type genreFeatures struct {
	words                     int // writer-voice words
	firstPerson, secondPerson []text.Span
	questions, prescriptive   []text.Span
	evaluative                []text.Span
	opinionMarks, analysis    []text.Span
	attributions              int
	quotedShare               float64
	headlineEval              bool
	headings                  []text.Span // subheadings that evaluate
}

func collectGenre(d *doc, cues []Cue) genreFeatures {
	var f genreFeatures
	quotedBytes := 0
	for _, q := range d.quotes {
		quotedBytes += q[1] - q[0]
	}
	if len(d.body) > 0 {
		f.quotedShare = float64(quotedBytes) / float64(len(d.body))
	}
	for i, w := range d.words {
		if d.quoted[i] {
			continue
		}
		f.words++
		sp := text.NewSpan(d.body, d.toks[i].Start, d.toks[i].End)
		switch {
		case d.is(i, firstPersonWords) && !(w == "us" && d.toks[i].Text == "US") && !initial(d, i):
			f.firstPerson = append(f.firstPerson, sp)
		case d.is(i, secondPersonWords):
			f.secondPerson = append(f.secondPerson, sp)
		case d.is(i, prescriptiveWords) && !reportedEarlier(d, i):
			f.prescriptive = append(f.prescriptive, d.sents[d.tokSent[i]].span)
		case d.is(i, attributionWords):
			f.attributions++
		}
		if n := d.match(analysisMarkers, i); n > 0 {
			f.analysis = append(f.analysis, d.span(i, i+n))
		}
		if n := d.match(lex.evaluative, i); n > 0 && !d.sents[d.tokSent[i]].heading {
			f.evaluative = append(f.evaluative, d.span(i, i+n))
		}
		if n := d.match(opinionMarkers, i); n > 0 {
			f.opinionMarks = append(f.opinionMarks, d.span(i, i+n))
		}
	}
	for _, c := range cues {
		switch c.Type {
		case RhetoricalQuestion:
			f.questions = append(f.questions, c.Span())
		case NameCalling, LoadedLanguage, GlitteringGenerality, AppealToFear, Doubt:
			if !d.inQuote(c.Start) {
				f.evaluative = append(f.evaluative, c.Span())
			}
		}
	}
	f.headlineEval = headlineEvaluates(d.title)
	for _, s := range d.sents {
		if s.heading && headlineEvaluates(s.span.Text) {
			f.headings = append(f.headings, s.span)
		}
	}
	return f
}

// reportVerbs introduce someone else's view: "most say the law should
// change" reports a prescription, it does not make one.
var reportVerbs = map[string]bool{
	"say": true, "says": true, "said": true, "think": true, "thinks": true, "believe": true,
	"believes": true, "argue": true, "argues": true, "argued": true, "want": true, "wants": true,
	"wanted": true, "told": true, "according": true, "insist": true, "insists": true, "insisted": true,
	"urge": true, "urges": true, "urged": true, "warn": true, "warns": true, "warned": true,
	"voted": true, "ruled": true, "found": true, "finds": true, "agreed": true, "decided": true,
	"recommended": true, "asked": true, "demanded": true,
}

// initial reports whether token i is a letter of an abbreviation such as
// "R.I." (the state in "D-R.I."), not the pronoun "I".
func initial(d *doc, i int) bool {
	t := d.toks[i]
	return t.End < len(d.body) && d.body[t.End] == '.' || t.Start > 0 && d.body[t.Start-1] == '.'
}

// reportedEarlier reports whether a report verb precedes token i in its sentence.
func reportedEarlier(d *doc, i int) bool {
	for j := d.sents[d.tokSent[i]].tokA; j < i; j++ {
		if reportVerbs[d.words[j]] {
			return true
		}
	}
	return false
}

// headlineEvaluates reports whether a headline asks, exclaims, speaks in the
// first person or uses evaluative words.
func headlineEvaluates(title string) bool { return HeadlineCue(title) != "" }

// HeadlineCue returns what makes a headline more than a report of the event
// (a question or exclamation mark, "I" or "you" or "should" outside a
// quotation, a loaded, praising, pejorative or evaluative word), or "" for
// a neutral headline.
// A story is titled by a neutral headline when it has one.
func HeadlineCue(title string) string {
	if title == "" {
		return ""
	}
	if i := strings.IndexAny(title, "?!"); i >= 0 {
		return title[i : i+1]
	}
	toks := text.Tokens(title)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = normWord(t.Text)
	}
	quoted := quoteRanges(title)
	inQuote := func(p int) bool {
		for _, q := range quoted {
			if q[0] <= p && p < q[1] {
				return true
			}
		}
		return false
	}
	for i, w := range words {
		// "Biles to Congress: ‘I blame the system’" quotes her "I"; the
		// outlet does not speak as "I" or tell anyone what they should do.
		if (firstPerson[w] && w != "us" || secondPerson[w] || prescriptive[w]) && !inQuote(toks[i].Start) {
			return toks[i].Text
		}
		for _, m := range []*matcher{lex.praise, lex.loaded, lex.pejoratives, lex.evaluative, opinionMarkers} {
			if n := m.match(words, i); n > 0 {
				return title[toks[i].Start:toks[i+n-1].End]
			}
		}
	}
	return ""
}

// genreOf is the genre the feed's signals give, else the text's.
func genreOf(d *doc, cues []Cue, s Signals) Genre {
	if g, ok := GenreFromSignals(s); ok {
		return g
	}
	return classifyGenre(d, collectGenre(d, cues))
}

// DropPraise returns a headline without its praise adjectives ("Voss
// secures bold accord" → "Voss secures accord"), when removing them leaves a
// neutral headline (HeadlineCue is "") of at least four words; ok is false
// otherwise. Only single praise words in front of another word are
// dropped: the headline says less, never something else.
func DropPraise(title string) (string, bool) {
	toks := text.Tokens(title)
	var b strings.Builder
	last, dropped := 0, false
	for i, t := range toks {
		if i == 0 || i == len(toks)-1 || !lex.praise.has(normWord(t.Text)) || title[t.End:toks[i+1].Start] != " " {
			continue
		}
		b.WriteString(title[last:t.Start])
		last, dropped = toks[i+1].Start, true
	}
	if !dropped {
		return title, false
	}
	b.WriteString(title[last:])
	out := b.String()
	return out, HeadlineCue(out) == "" && len(text.Tokens(out)) >= 4
}

// classifyGenre weighs the features into reporting, opinion or analysis.
// Advocacy written as news (evaluative words and praise or attack in the
// writer's own voice, an evaluative headline) counts as opinion.
func classifyGenre(d *doc, f genreFeatures) Genre {
	per100 := func(n int) float64 { return float64(n) * 100 / float64(max(f.words, 50)) }
	// One "we" or "us" is often an idiom ("the worst may be behind us");
	// a column says it again.
	opinion := firstPersonWeight*per100(max(len(f.firstPerson)-1, 0)) + 0.8*per100(len(f.secondPerson)) +
		3*per100(len(f.questions)) + 1.2*per100(len(f.prescriptive)) +
		evaluativeWeight*per100(len(f.evaluative)) + 1.5*per100(len(f.opinionMarks)) +
		0.5*float64(min(len(f.headings), 3))
	if f.headlineEval {
		opinion += 0.8
	}
	reporting := 1.0 + 2*per100(f.attributions) + 2*f.quotedShare
	analysis := 0.6 + 3*per100(len(f.analysis))
	scores := map[string]float64{Opinion: opinion, Reporting: reporting, Analysis: analysis}
	// Reporting is the default: a text must argue clearly (by textMargin)
	// to be called opinion or analysis, since the label takes an article's
	// sentences out of story summaries and titles.
	label := Reporting
	for _, l := range []string{Opinion, Analysis} {
		if scores[l]-textMargin > scores[label] {
			label = l
		}
	}
	total := opinion + reporting + analysis
	g := Genre{Label: label, Confidence: math.Round(scores[label]/total*100) / 100}
	var ev []text.Span
	switch label {
	case Opinion:
		ev = append(ev, f.questions...)
		ev = append(ev, f.headings...)
		ev = append(ev, f.opinionMarks...)
		ev = append(ev, f.firstPerson...)
		ev = append(ev, f.prescriptive...)
		ev = append(ev, f.evaluative...)
	case Analysis:
		ev = f.analysis
	default:
		ev = attributionSpans(d)
	}
	g.Evidence = firstDistinct(ev, 3)
	return g
}

func attributionSpans(d *doc) []text.Span {
	var out []text.Span
	for i, w := range d.words {
		if attribution[w] && !d.quoted[i] {
			out = append(out, d.span(i, i+1))
		}
	}
	return out
}

// firstDistinct returns up to n non-overlapping spans in text order.
func firstDistinct(spans []text.Span, n int) []text.Span {
	var out []text.Span
	for _, s := range spans {
		ok := true
		for _, o := range out {
			if s.Start < o.End && o.Start < s.End {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, s)
		}
		if len(out) == n {
			break
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Weights of the text's genre vote, used only when no feed signal decides
// (see Signals). They were chosen on DEV (../shared/eval/digest/replay-dev.jsonl),
// scoring the text alone against the genre the URL or outlet name gives
// (the 449 articles that have one): with the old weights (evaluative 0.7,
// first person 1.2, no margin) "opinion" had precision 0.41 at recall 0.59;
// with these, and one stray "we" or a state's "R.I." no longer counted, 0.80
// at recall 0.40. A wrong "opinion" takes a report out of summaries and
// titles; a missed one still loses its loaded sentences to the cue filter.
// The two seed articles (advocacy written as news) stay opinion.
const (
	// evaluativeWeight is the opinion weight of one evaluative word or cue
	// per 100 writer-voice words: lower than a question or a first-person
	// word, since sensational reports use charged words too.
	evaluativeWeight = 0.4
	// firstPersonWeight: a writer saying "I" or "we" outside quotes is the
	// surest sign of a column.
	firstPersonWeight = 2.0
	// textMargin is how far the opinion or analysis score must exceed the
	// reporting score.
	textMargin = 0.8
)
