package framing

import (
	"embed"
	"fmt"
	"strings"
	"sync/atomic"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// phrase is one lexicon entry: lower-case words, the last of which may be a
// prefix ("appeas*").
type phrase struct {
	words  []string
	prefix bool
	tag    int // which list an entry of a combined matcher came from
}

// matcher finds lexicon phrases in a sequence of normalised words.
type matcher struct {
	exact map[string][]phrase // by first word
	pre   map[string][]phrase // by the first three bytes of a one-word prefix entry
	bit   uint64              // this matcher's bit in firstWords and prefixKeys
}

// lexicon holds every embedded list, parsed once.
type lexicon struct {
	loaded, pejoratives, labels, praise, fear, fearTriggers  *matcher
	hedges, doubt, exaggeration, history, positive, negative *matcher
	evaluative, weak, literal, descriptive                   *matcher
	titles                                                   *matcher
	groups, orgWords, places, placeWords, givenNames         map[string]bool
	descriptors, identities, genericOrgs, demonyms           map[string]bool
	nonActors, nonActorHeads, nonActorFirsts                 map[string]bool
	frames                                                   []frameCues
	frameIndex                                               *matcher // every frame's entries, tagged by frame
}

type frameCues struct {
	name string
	m    *matcher
}

var lex = mustLoadLexicon()

func mustLoadLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		panic(err) // the lists are embedded at build time; a parse error is a programming error
	}
	return l
}

func loadLexicon() (*lexicon, error) {
	var l lexicon
	var err error
	for _, f := range []struct {
		name string
		dst  **matcher
	}{
		{"loaded", &l.loaded}, {"pejoratives", &l.pejoratives}, {"labels", &l.labels},
		{"praise", &l.praise}, {"fear", &l.fear}, {"fear_triggers", &l.fearTriggers},
		{"hedges", &l.hedges}, {"doubt", &l.doubt}, {"exaggeration", &l.exaggeration},
		{"history", &l.history}, {"positive", &l.positive}, {"negative", &l.negative},
		{"titles", &l.titles}, {"evaluative", &l.evaluative}, {"weak", &l.weak},
		{"literal", &l.literal}, {"descriptive", &l.descriptive},
	} {
		lines, e := readList(f.name)
		if e != nil {
			return nil, e
		}
		*f.dst = newMatcher(lines)
	}
	for _, f := range []struct {
		name string
		dst  *map[string]bool
	}{
		{"groups", &l.groups}, {"orgwords", &l.orgWords}, {"givennames", &l.givenNames}, {"places", &l.places}, {"placewords", &l.placeWords},
		{"descriptors", &l.descriptors}, {"identities", &l.identities}, {"genericorgs", &l.genericOrgs},
		{"demonyms", &l.demonyms},
		{"nonactors", &l.nonActors}, {"nonactorheads", &l.nonActorHeads}, {"nonactorfirsts", &l.nonActorFirsts},
	} {
		lines, e := readList(f.name)
		if e != nil {
			return nil, e
		}
		set := map[string]bool{}
		for _, ln := range lines {
			if f.name == "places" || f.name == "nonactors" {
				set[ln] = true
				continue
			}
			for _, w := range strings.Fields(ln) {
				set[w] = true
			}
		}
		*f.dst = set
	}
	lines, err := readList("frames")
	if err != nil {
		return nil, err
	}
	for _, ln := range lines {
		name, cues, ok := strings.Cut(ln, ":")
		if !ok {
			return nil, fmt.Errorf("framing: lexicon frames: line %q has no colon", ln)
		}
		name = frameName(strings.TrimSpace(name))
		if name == "" {
			return nil, fmt.Errorf("framing: lexicon frames: unknown frame in %q", ln)
		}
		var entries []string
		for _, c := range strings.Split(cues, ",") {
			if c = strings.TrimSpace(c); c != "" {
				entries = append(entries, c)
			}
		}
		l.frames = append(l.frames, frameCues{name: name, m: newMatcher(entries)})
	}
	l.frameIndex = &matcher{exact: map[string][]phrase{}, pre: map[string][]phrase{}}
	for k, fc := range l.frames {
		for w, ps := range fc.m.exact {
			for _, p := range ps {
				p.tag = k
				l.frameIndex.exact[w] = append(l.frameIndex.exact[w], p)
			}
		}
		for w, ps := range fc.m.pre {
			for _, p := range ps {
				p.tag = k
				l.frameIndex.pre[w] = append(l.frameIndex.pre[w], p)
			}
		}
	}
	return &l, nil
}

// frameName returns the canonical spelling of a frame name, or "".
func frameName(s string) string {
	for _, f := range Frames {
		if strings.EqualFold(f, s) {
			return f
		}
	}
	return ""
}

func readList(name string) ([]string, error) {
	b, err := lexiconFS.ReadFile("lexicon/" + name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("framing: lexicon %s: %w", name, err)
	}
	var out []string
	for _, ln := range strings.Split(string(b), "\n") {
		if i := strings.IndexByte(ln, '#'); i >= 0 {
			ln = ln[:i]
		}
		ln = strings.ToLower(strings.TrimSpace(ln))
		if ln != "" {
			out = append(out, ln)
		}
	}
	return out, nil
}

// firstWords maps the first word of every entry of every matcher to the bits
// of the matchers that have an entry starting with it, and prefixKeys maps
// the three-byte keys of one-word prefix entries the same way: a token whose
// bits miss a matcher's starts no entry of it, so doc.match skips it without
// looking it up. They are filled while the package's matchers are made and
// only read once a document has been prepared (masksSealed).
var (
	firstWords  = map[string]uint64{}
	prefixKeys  = map[string]uint64{}
	matchers    int         // matchers given a bit of their own so far
	masksSealed atomic.Bool // set by the first newDoc
)

// lateMatchers is the bit shared by matchers past the 63rd or made after
// masksSealed.
const lateMatchers uint64 = 1 << 63

// matcherBit returns the bit for a new matcher: one of its own for the first
// 63, then lateMatchers, whose tokens doc.match never skips (a matcher made
// after masksSealed, as a test may, is missing from the cached token masks).
func matcherBit() uint64 {
	if matchers >= 63 || masksSealed.Load() {
		return lateMatchers
	}
	matchers++
	return 1 << (matchers - 1)
}

func newMatcher(entries []string) *matcher {
	m := &matcher{exact: map[string][]phrase{}, pre: map[string][]phrase{}, bit: matcherBit()}
	sealed := masksSealed.Load()
	for _, e := range entries {
		words := strings.Fields(e)
		p := phrase{words: words}
		last := words[len(words)-1]
		if strings.HasSuffix(last, "*") {
			p.prefix = true
			words[len(words)-1] = strings.TrimSuffix(last, "*")
		}
		if p.prefix && len(words) == 1 {
			k := words[0]
			if len(k) > 3 {
				k = k[:3]
			}
			m.pre[k] = append(m.pre[k], p)
			if !sealed {
				prefixKeys[k] |= m.bit
			}
			continue
		}
		m.exact[words[0]] = append(m.exact[words[0]], p)
		if !sealed {
			firstWords[words[0]] |= m.bit
		}
	}
	return m
}

// wordMasks returns the matcher bits of the entries that may start at the
// normalised word w: those whose first word is w, and those whose prefix
// key is w's first three bytes.
func wordMasks(w string) (exact, pre uint64) {
	exact = firstWords[w]
	if len(w) >= 3 {
		pre = prefixKeys[w[:3]]
	}
	return exact, pre
}

// match returns the number of words of the longest entry that starts at
// words[i], or 0.
func (m *matcher) match(words []string, i int) int {
	return m.matchSome(words, i, true, true)
}

// matchSome is match looking only at the entries the caller says may start
// at words[i]: whole-word entries (exact) and one-word prefix entries (pre).
func (m *matcher) matchSome(words []string, i int, exact, pre bool) int {
	w := words[i]
	best := 0
	if exact {
		for _, p := range m.exact[w] {
			if n := p.matchAt(words, i); n > best {
				best = n
			}
		}
	}
	if pre && best == 0 && len(w) >= 3 {
		for _, p := range m.pre[w[:3]] {
			if strings.HasPrefix(w, p.words[0]) {
				return 1
			}
		}
	}
	return best
}

func (p phrase) matchAt(words []string, i int) int {
	if i+len(p.words) > len(words) {
		return 0
	}
	for k, pw := range p.words {
		w := words[i+k]
		if k == len(p.words)-1 && p.prefix {
			if !strings.HasPrefix(w, pw) {
				return 0
			}
			continue
		}
		if w != pw {
			return 0
		}
	}
	return len(p.words)
}

// each calls fn with the length and tag of every entry that starts at words[i].
func (m *matcher) each(words []string, i int, fn func(n, tag int)) {
	w := words[i]
	for _, p := range m.exact[w] {
		if n := p.matchAt(words, i); n > 0 {
			fn(n, p.tag)
		}
	}
	if len(w) >= 3 {
		for _, p := range m.pre[w[:3]] {
			if strings.HasPrefix(w, p.words[0]) {
				fn(1, p.tag)
			}
		}
	}
}

// has reports whether the single word w is an entry (or matches a prefix entry).
func (m *matcher) has(w string) bool {
	return m.match([]string{w}, 0) == 1
}
