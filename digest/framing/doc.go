package framing

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// doc is an article prepared once for every labeller: tokens, sentences,
// quotation marks and headings, all in byte offsets of body.
type doc struct {
	body    string
	title   string
	toks    []text.Token
	words   []string    // normalised lower-case tokens
	quoted  []bool      // token inside quotation marks
	cand    []bool      // token may start a lexicon entry
	infos   []wordInfo  // the word and matcher bits of each token
	bufs    *docBuffers // where the slices above came from (release)
	tokSent []int       // sentence index of each token
	sents   []sentence
	quotes  [][2]int // quoted byte ranges, sorted

	headline   bool            // the text is a headline, not a body
	lowerWords map[string]bool // words seen in lower case (made by lowerElsewhere)
	surnames   map[string]bool // last words of names of two words or more (filled by findActors)
}

type sentence struct {
	span     text.Span
	tokA     int  // first token index
	tokB     int  // one past the last token index
	heading  bool // a title-case line without final punctuation
	question bool // ends with '?'
	quoted   bool // mostly inside quotation marks
}

func newDoc(title, body string) *doc {
	b := docPool.Get().(*docBuffers)
	d := &doc{body: body, title: title, bufs: b}
	d.toks = text.AppendTokens(b.toks[:0], body)
	n := len(d.toks)
	d.words = resize(b.words, n)
	d.cand = resize(b.cand, n)
	d.infos = resize(b.infos, n)
	d.quoted = resize(b.quoted, n)
	d.tokSent = resize(b.tokSent, n)
	d.sents = b.sents[:0]
	masksSealed.Store(true)
	wordInfos.Fill(d.toks, d.infos)
	for i, in := range d.infos {
		d.words[i] = in.word
		d.cand[i] = in.exact|in.pre != 0
	}
	d.quotes = quoteRanges(body)
	q := 0
	for i, t := range d.toks {
		for q < len(d.quotes) && d.quotes[q][1] <= t.Start {
			q++
		}
		d.quoted[i] = q < len(d.quotes) && d.quotes[q][0] <= t.Start
	}
	d.splitSentences()
	return d
}

// docBuffers are the per-token slices of a document. Every newDoc writes
// each element it uses (tokens, words, masks, quotation and sentence of
// every token; sentences are appended from empty), so a document's buffers
// can serve the next once the first is released: they are half of what
// analysing an article allocates.
type docBuffers struct {
	toks    []text.Token
	words   []string
	cand    []bool
	infos   []wordInfo
	quoted  []bool
	tokSent []int
	sents   []sentence
}

var docPool = sync.Pool{New: func() any { return new(docBuffers) }}

// maxPooledTokens is the largest document whose buffers are kept for the
// next: an outsized text's should not stay in memory.
const maxPooledTokens = 1 << 15

// release hands d's buffers to the next document. d must not be used after.
func (d *doc) release() {
	if cap(d.toks) > maxPooledTokens {
		return
	}
	*d.bufs = docBuffers{toks: d.toks, words: d.words, cand: d.cand, infos: d.infos,
		quoted: d.quoted, tokSent: d.tokSent, sents: d.sents}
	docPool.Put(d.bufs)
	*d = doc{}
}

// resize returns s with length n, reusing its array when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// wordInfo is what newDoc needs of a token: its normalised word and the
// matchers whose entries may start at it (wordMasks), and the word classes
// it belongs to.
type wordInfo struct {
	word       string
	exact, pre uint64
	classes    wordClass
}

// wordInfoWords bounds wordInfos: some tens of thousands of word forms cover
// nearly every token of English news, at a few megabytes.
const wordInfoWords = 1 << 16

// wordInfos memoizes a token's wordInfo by its text: lower-casing it and
// looking it up in the lexicon's first words costs an allocation and two
// map look-ups, a cached token one look-up.
var wordInfos = text.NewWordCache(wordInfoWords, func(tok string) wordInfo {
	w := normWord(tok)
	exact, pre := wordMasks(w)
	return wordInfo{word: w, exact: exact, pre: pre, classes: classesOf(w)}
})

// normWord lower-cases a token, folds typographic apostrophes and drops a
// possessive ending.
func normWord(s string) string {
	w := strings.ToLower(s)
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	w = strings.TrimSuffix(w, "'s")
	return strings.TrimSuffix(w, "'")
}

// splitSentences splits body into lines and each line into sentences.
func (d *doc) splitSentences() {
	ti := 0
	for lineStart := 0; lineStart < len(d.body); {
		lineEnd := strings.IndexByte(d.body[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(d.body)
		} else {
			lineEnd += lineStart
		}
		line := d.body[lineStart:lineEnd]
		for _, sp := range text.Sentences(line) {
			s := sentence{span: text.NewSpan(d.body, lineStart+sp.Start, lineStart+sp.End)}
			for ti < len(d.toks) && d.toks[ti].Start < s.span.Start {
				d.tokSent[ti] = max(len(d.sents)-1, 0)
				ti++
			}
			s.tokA = ti
			for ti < len(d.toks) && d.toks[ti].Start < s.span.End {
				d.tokSent[ti] = len(d.sents)
				ti++
			}
			s.tokB = ti
			if s.tokA == s.tokB {
				continue
			}
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s.span.Text, "\"'”’)] "))
			s.question = last == '?'
			s.heading = d.isHeading(s, last)
			nq := 0
			for k := s.tokA; k < s.tokB; k++ {
				if d.quoted[k] {
					nq++
				}
			}
			s.quoted = nq*2 > s.tokB-s.tokA
			d.sents = append(d.sents, s)
		}
		lineStart = lineEnd + 1
	}
	for ti < len(d.toks) {
		d.tokSent[ti] = max(len(d.sents)-1, 0)
		ti++
	}
}

// A subheading is short and capitalises most content words: at most
// maxHeadingWords words (maxHeadingQuestion for a question) and
// headingCapsTenths tenths of its content words capitalised. By hand, on
// our own examples.
const (
	maxHeadingWords    = 14
	maxHeadingQuestion = 8
	headingCapsTenths  = 7
)

// isHeading reports whether a sentence looks like a subheading: short, no
// final full stop, and most content words capitalised.
func (d *doc) isHeading(s sentence, last rune) bool {
	n := s.tokB - s.tokA
	if n > maxHeadingWords || last == '.' || last == '!' || last == ',' || last == ';' {
		return false
	}
	if last == '?' && n > maxHeadingQuestion {
		return false
	}
	caps, content := 0, 0
	for k := s.tokA; k < s.tokB; k++ {
		if text.IsStopWord(d.words[k]) {
			continue
		}
		content++
		if isCapitalised(d.toks[k].Text) {
			caps++
		}
	}
	return content > 0 && caps*10 >= content*headingCapsTenths
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// quoteRanges returns the byte ranges inside quotation marks. Curly quotes
// pair “…” and ‘…’; straight quotes alternate within a line, a single
// straight quote counting only at a word edge (so "don't" and "the dogs'"
// do not open one). A quote left open runs to the end of its line.
func quoteRanges(s string) [][2]int {
	var out [][2]int
	open := -1
	var closer rune // the mark that closes the open quote
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != '\n' {
			i++ // most bytes are no quotation mark: skip the rune decoding
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '"' && r != '\'' && r != '\n' && r != '“' && r != '”' && r != '‘' && r != '’' {
			i += size
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		atStart := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([—–-", prev)
		wordNext := unicode.IsLetter(next) || unicode.IsDigit(next)
		switch {
		case r == '\n':
			if open >= 0 {
				out = append(out, [2]int{open, i})
				open = -1
			}
		case open < 0 && (r == '“' || r == '"'):
			open, closer = i+size, closingMark(r)
		case open < 0 && (r == '‘' || r == '\'') && atStart && wordNext:
			open, closer = i+size, closingMark(r)
		case open >= 0 && (r == closer || (closer == '”' && r == '"') || (closer == '"' && r == '”')):
			if (r == '’' || r == '\'') && wordNext {
				break // an apostrophe inside a word
			}
			out = append(out, [2]int{open, i})
			open = -1
		}
		i += size
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(s)})
	}
	return out
}

// closingMark returns the quotation mark that closes one opened with r.
func closingMark(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	}
	return r
}

// inQuote reports whether byte offset p is inside quotation marks.
func (d *doc) inQuote(p int) bool {
	return quoteAt(d, p) >= 0
}

// match is m.match over the document's words, skipping tokens that start no
// entry of m.
func (d *doc) match(m *matcher, i int) int {
	return d.matchIn(m, i, len(d.words))
}

// matchIn is match with the words cut at token index end (a sentence end).
func (d *doc) matchIn(m *matcher, i, end int) int {
	if m.bit == lateMatchers {
		return m.match(d.words[:end], i)
	}
	exact, pre := d.infos[i].exact&m.bit != 0, d.infos[i].pre&m.bit != 0
	if !exact && !pre {
		return 0
	}
	return m.matchSome(d.words[:end], i, exact, pre)
}

// has is m.has of token i's word, skipping a word that starts no entry of m.
func (d *doc) has(m *matcher, i int) bool {
	if m.bit != lateMatchers && (d.infos[i].exact|d.infos[i].pre)&m.bit == 0 {
		return false
	}
	return m.has(d.words[i])
}

// span returns the span from the start of token a to the end of token b-1.
func (d *doc) span(a, b int) text.Span {
	return text.NewSpan(d.body, d.toks[a].Start, d.toks[b-1].End)
}

// adjacent reports whether tokens i and i+1 are separated only by spaces.
func (d *doc) adjacent(i int) bool {
	if i+1 >= len(d.toks) {
		return false
	}
	return blank(d.body[d.toks[i].End:d.toks[i+1].Start])
}

// blank reports whether gap is only spaces on one line: ASCII spaces, or the
// no-break and thin spaces of typeset text.
func blank(gap string) bool {
	for _, r := range gap {
		if r == '\n' || r == '\r' || !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// gapIs reports whether the gap after token i is punct followed by spaces
// on the same line (". " after "Mr", ", " before an apposition).
func (d *doc) gapIs(i int, punct string) bool {
	if i+1 >= len(d.toks) {
		return false
	}
	gap := d.body[d.toks[i].End:d.toks[i+1].Start]
	rest, ok := strings.CutPrefix(gap, punct)
	return ok && rest != "" && blank(rest)
}
