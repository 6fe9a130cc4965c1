package summarize

import (
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// A report may slip into the writer's own verdict: "Sadly, the targets
// have little chance of being met", "The truth is that the rhetoric does
// not matter", "It's time to reopen the schools". Such a sentence is the
// writer's opinion, not what happened, and no summary shows it. The
// markers are ours, from general knowledge of English commentary; inside
// quotation marks they are a speaker's words and say nothing of the
// writer.

// verdictOpeners are sentence adverbs that give the writer's feeling about
// what the sentence states, when they open it.
var verdictOpeners = map[string]bool{
	"sadly": true, "thankfully": true, "fortunately": true, "unfortunately": true, "mercifully": true,
	"shamefully": true, "tragically": true, "ironically": true, "predictably": true, "inexplicably": true,
	"alas": true, "hopefully": true, "luckily": true, "unsurprisingly": true, "naturally": true,
	"obviously": true, "clearly": true, "frankly": true, "admittedly": true, "regrettably": true,
	"absurdly": true, "laughably": true, "incredibly": true, "astonishingly": true,
}

// verdictPhrases state the writer's verdict wherever they stand.
var verdictPhrases = [][]string{
	{"the", "truth", "is"}, {"the", "fact", "is"}, {"make", "no", "mistake"}, {"let's", "be", "clear"},
	{"let", "us", "be", "clear"}, {"it's", "time", "to"}, {"it", "is", "time", "to"}, {"it's", "time", "for"},
	{"it", "is", "time", "for"}, {"needless", "to", "say"}, {"of", "course"}, {"to", "be", "sure"},
	{"in", "my", "view"}, {"in", "our", "view"}, {"we", "must"}, {"we", "should"}, {"we", "need", "to"},
	{"ought", "to"}, {"let's"}, {"let", "us"},
}

// addressWords are the writer speaking to the reader ("you may have
// forgotten") or for a "we" of writer and readers ("as we think about the
// schools"): a column's voice, or a quotation that lost its marks. "US" the
// country is upper case and is no "us"; "the worst is behind us" is an
// idiom.
var addressWords = map[string]bool{
	"you": true, "your": true, "yours": true, "yourself": true, "we": true, "our": true, "ours": true,
	"ourselves": true, "us": true, "you're": true, "you've": true, "we're": true, "we've": true, "let's": true,
}

// writersVerdict reports whether s (tokens toks, quotedMask quoted or nil)
// gives the writer's verdict or speaks to the reader outside quotation
// marks.
func writersVerdict(s string, toks []text.Token, quoted []bool) bool {
	inQuote := func(t text.Token) bool { return t.Start < len(quoted) && quoted[t.Start] }
	for i, t := range toks {
		if len(t.Text) > maxMarkerBytes {
			continue
		}
		kind := markerKind(t.Text)
		if kind == 0 || inQuote(t) {
			continue
		}
		if kind&opener != 0 && i == 0 && len(toks) > 1 {
			return true
		}
		if kind&address != 0 && t.Text != "US" && !(i > 0 && strings.EqualFold(toks[i-1].Text, "behind")) && !reported(s, toks, quoted, i) {
			return true
		}
		if kind&phraseStart != 0 {
			for _, p := range verdictStarts[strings.ReplaceAll(strings.ToLower(t.Text), "’", "'")] {
				if startsPhrase(toks[i:], p) && !reported(s, toks, quoted, i) {
					return true
				}
			}
		}
	}
	return false
}

// Kinds of marker words, one lookup per word.
const (
	opener = 1 << iota
	address
	phraseStart
)

// markerWords holds every word that may start a verdict or address the
// reader, in both apostrophe forms.
var markerWords = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(w string, k uint8) {
		m[w] |= k
		m[strings.ReplaceAll(w, "'", "’")] |= k
	}
	for w := range verdictOpeners {
		add(w, opener)
	}
	for w := range addressWords {
		add(w, address)
	}
	for _, p := range verdictPhrases {
		add(p[0], phraseStart)
	}
	return m
}()

// markerKind returns markerWords of the lower-cased word w (at most
// maxMarkerBytes long). An ASCII word is lower-cased into a buffer on the
// stack: most sentences' capitalised first word would otherwise cost an
// allocation.
func markerKind(w string) uint8 {
	var buf [maxMarkerBytes]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return markerWords[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return markerWords[string(buf[:len(w)])]
}

// startsPhrase reports whether toks open with the words of p.
func startsPhrase(toks []text.Token, p []string) bool {
	if len(toks) < len(p) {
		return false
	}
	for k, w := range p {
		if !strings.EqualFold(strings.ReplaceAll(toks[k].Text, "’", "'"), w) {
			return false
		}
	}
	return true
}

// verdictStarts indexes verdictPhrases by their first word; maxMarkerBytes
// is the longest word that can start a marker ("unsurprisingly").
var verdictStarts = indexPhrases(verdictPhrases)

const maxMarkerBytes = len("unsurprisingly")

func indexPhrases(phrases [][]string) map[string][][]string {
	m := map[string][][]string{}
	for _, p := range phrases {
		m[p[0]] = append(m[p[0]], p)
	}
	return m
}

// attributionTail is how near a sentence's end a speech verb stands when it
// attributes the whole sentence ("…, the agency says.").
const attributionTail = 6

// reported reports whether word i's sentence attributes what it says to
// someone: a speech verb before it ("Officials said it is time to
// reopen"), or after a comma near the end ("If you are vaccinated, you
// need no booster, the agency says"). A passive "he was declared the
// winner" attributes nothing.
func reported(s string, toks []text.Token, quoted []bool, i int) bool {
	outside := func(k int) bool { return !(toks[k].Start < len(quoted) && quoted[toks[k].Start]) }
	for k := 0; k < i; k++ {
		if speechVerbs[toks[k].Lower()] && outside(k) {
			return true
		}
	}
	for k := max(i+1, len(toks)-attributionTail); k < len(toks); k++ {
		if speechVerbs[toks[k].Lower()] && outside(k) && commaBefore(s, toks, k) {
			return true
		}
	}
	return false
}

// commaBefore reports whether a comma stands in s before token k, within
// the three words before it ("…, the agency says").
func commaBefore(s string, toks []text.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if strings.Contains(s[toks[j].End:toks[j+1].Start], ",") {
			return true
		}
	}
	return false
}
