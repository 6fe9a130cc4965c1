package framing

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsdigest/newsdigest/digest/text"
)

// entity is one person or organisation and where the article mentions it.
type entity struct {
	name     string         // display name: the most complete form seen
	forms    map[string]int // surface forms and counts
	person   bool
	org      bool
	mentions []mention
}

type mention struct {
	a, b    int  // token range in the doc
	pronoun bool // carried over from a previous sentence
	label   bool // a pejorative label standing for the actor ("this demagogue")
}

// candidate is a run of capitalised tokens, stripped of titles.
type candidate struct {
	a, b   int
	words  []string // surface words
	titled bool     // a title preceded the name ("President Trump")
}

var pronouns = map[string]bool{"he": true, "she": true, "his": true, "her": true, "him": true}

// findActors detects people and organisations, merges aliases (surname-only
// and titled forms), carries simple pronouns over, and returns them by
// number of mentions.
func findActors(d *doc, cues []Cue) []*entity {
	d.lowerWords = map[string]bool{}
	for i, w := range d.words {
		if !isCapitalised(d.toks[i].Text) {
			d.lowerWords[w] = true
		}
	}
	cands := nameRuns(d)
	midCaps := map[string]bool{}
	for _, c := range cands {
		if c.a != d.sents[d.tokSent[c.a]].tokA || c.titled {
			for _, w := range c.words {
				midCaps[strings.ToLower(w)] = true
			}
		}
	}
	kept := cands[:0]
	for _, c := range cands {
		if len(c.words) == 1 && !c.titled && c.a == d.sents[d.tokSent[c.a]].tokA && !midCaps[strings.ToLower(c.words[0])] {
			continue // a capitalised first word seen nowhere else is not a name
		}
		kept = append(kept, c)
	}
	cands = kept
	byName := map[string]*entity{}
	var order []*entity
	get := func(key string) *entity {
		e := byName[key]
		if e == nil {
			e = &entity{forms: map[string]int{}}
			byName[key] = e
			order = append(order, e)
		}
		return e
	}
	// Multi-word names first, so surnames can attach to them.
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].words) > len(cands[j].words) })
	surname := map[string]*entity{}
	for _, c := range cands {
		full := strings.Join(c.words, " ")
		key := strings.ToLower(full)
		if !c.titled && isPlace(c.words) {
			continue
		}
		isOrg := isOrgName(c.words)
		var e *entity
		switch {
		case len(c.words) == 1 && surname[key] != nil:
			e = surname[key]
		default:
			e = get(key)
		}
		e.forms[full]++
		e.mentions = append(e.mentions, mention{a: c.a, b: c.b})
		if isOrg {
			e.org = true
		} else if c.titled || len(c.words) >= 2 {
			e.person = true
		}
		if len(c.words) >= 2 && !isOrg {
			last := strings.ToLower(c.words[len(c.words)-1])
			if surname[last] == nil {
				surname[last] = e
			}
			first := strings.ToLower(c.words[0])
			if surname[first] == nil {
				surname[first] = e
			}
		}
	}
	// Single-word entities whose word is a known surname merge into the full name.
	var out []*entity
	for _, e := range order {
		if len(e.forms) == 1 {
			for f := range e.forms {
				if t := surname[strings.ToLower(f)]; t != nil && t != e && !strings.Contains(f, " ") {
					t.forms[f] += e.forms[f]
					t.mentions = append(t.mentions, e.mentions...)
					t.person = t.person || e.person
					e.mentions = nil
				}
			}
		}
		if len(e.mentions) > 0 {
			out = append(out, e)
		}
	}
	for _, e := range out {
		sort.Slice(e.mentions, func(i, j int) bool { return e.mentions[i].a < e.mentions[j].a })
		e.name = displayName(e.forms)
	}
	carryPronouns(d, out)
	attachLabels(d, out, cues)
	// Named people and organisations outrank names of unknown kind (often places).
	weight := func(e *entity) int {
		if e.person || e.org {
			return 2 * len(e.mentions)
		}
		return len(e.mentions)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if weight(out[i]) != weight(out[j]) {
			return weight(out[i]) > weight(out[j])
		}
		return out[i].mentions[0].a < out[j].mentions[0].a
	})
	return out
}

// attachLabels adds, for each name-calling cue introduced by a demonstrative
// or definite article ("this reckless demagogue"), a label mention to the
// person most recently named within the three sentences before it.
func attachLabels(d *doc, es []*entity, cues []Cue) {
	for _, c := range cues {
		if c.Type != NameCalling {
			continue
		}
		k := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= c.Start })
		if k == 0 || k >= len(d.toks) || !determiners[d.words[k-1]] || d.words[k-1] == "a" || d.words[k-1] == "an" {
			continue
		}
		end := k
		for end < len(d.toks) && d.toks[end].End <= c.End {
			end++
		}
		var best *entity
		bestAt := -1
		for _, e := range es {
			if !e.person {
				continue
			}
			for _, m := range e.mentions {
				if m.a < k && m.a > bestAt && d.tokSent[k]-d.tokSent[m.a] <= 3 {
					best, bestAt = e, m.a
				}
			}
		}
		if best != nil {
			best.mentions = append(best.mentions, mention{a: k, b: max(end, k+1), label: true})
		}
	}
}

// isPlace reports whether a name is a known place or is built like one
// ("Quay Street", "Port Avery", "Eastern Europe").
func isPlace(words []string) bool {
	lw := strings.ToLower(strings.Join(words, " "))
	if lex.places[lw] || lex.places[strings.ToLower(words[len(words)-1])] {
		return true
	}
	if len(words) < 2 || isOrgName(words) {
		return false
	}
	return lex.placeWords[strings.ToLower(words[len(words)-1])] || lex.placeWords[strings.ToLower(words[0])]
}

func displayName(forms map[string]int) string {
	best, bestN := "", 0
	for f, n := range forms {
		words := len(strings.Fields(f))
		bw := len(strings.Fields(best))
		if words > bw || (words == bw && (n > bestN || (n == bestN && f < best))) {
			best, bestN = f, n
		}
	}
	return best
}

func isOrgName(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		if lex.orgWords[lw] {
			return true
		}
		if len(w) >= 2 && len(w) <= 5 && strings.ToUpper(w) == w && unicode.IsLetter(rune(w[0])) {
			return true
		}
	}
	return false
}

// nameRuns returns the runs of capitalised words that can be names.
func nameRuns(d *doc) []candidate {
	var out []candidate
	for _, s := range d.sents {
		if s.heading {
			continue
		}
		for i := s.tokA; i < s.tokB; {
			if !isCapitalised(d.toks[i].Text) {
				i++
				continue
			}
			j := i + 1
			for j < s.tokB && (d.adjacent(j-1) || abbreviatedTitle(d, j-1)) && !possessive(d.toks[j-1].Text) {
				if isCapitalised(d.toks[j].Text) {
					j++
					continue
				}
				// "Bank of England", "Secretary of State"; not "Merz of Germany"
				if d.words[j] == "of" && j+1 < s.tokB && d.adjacent(j) && isCapitalised(d.toks[j+1].Text) && runIsOrg(d, i, j) {
					j += 2
					continue
				}
				break
			}
			if c, ok := makeCandidate(d, s, i, j); ok {
				out = append(out, c)
			}
			i = j
		}
	}
	return out
}

// runIsOrg reports whether tokens a..b-1 contain an organisation word or
// are all title words ("Bank of England", "Secretary of State"; not
// "Minister Ann Lee of Spain").
func runIsOrg(d *doc, a, b int) bool {
	titles := true
	for k := a; k < b; k++ {
		if lex.orgWords[d.words[k]] {
			return true
		}
		titles = titles && lex.titles.has(d.words[k])
	}
	return titles
}

// abbreviatedTitle reports whether token i is an abbreviated title followed
// by its full stop and a name: "Mr. Reid", "Dr. Okoro".
func abbreviatedTitle(d *doc, i int) bool {
	if i+1 >= len(d.toks) || !lex.titles.has(d.words[i]) {
		return false
	}
	return d.body[d.toks[i].End:d.toks[i+1].Start] == ". "
}

func possessive(s string) bool {
	return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s")
}

// makeCandidate strips a run of its sentence-initial function word, leading
// demonyms and titles, and possessive endings.
func makeCandidate(d *doc, s sentence, a, b int) (candidate, bool) {
	c := candidate{}
	// Sentence-initial words are capitalised anyway: drop common ones.
	for a < b && a == s.tokA && (text.IsStopWord(d.words[a]) || lowerElsewhere(d, d.words[a])) {
		a++
	}
	// Titles: keep what follows the last title word.
	last := -1
	for k := a; k < b; k++ {
		if n := d.matchIn(lex.titles, k, b); n > 0 && k+n < b {
			last = k + n
			k += n - 1
		}
	}
	if last > 0 {
		c.titled = true
		a = last
		if a+1 < b && d.words[a] == "of" {
			a += 2
		}
	}
	if a >= b {
		return c, false
	}
	for k := a; k < b; k++ {
		w := d.toks[k].Text
		if possessive(w) {
			w = w[:strings.LastIndexAny(w, "'’")]
		}
		c.words = append(c.words, w)
	}
	// A lone demonym or adjective before a lower-case word is not a name ("Russian missiles").
	if len(c.words) == 1 && !c.titled {
		lw := strings.ToLower(c.words[0])
		if isDemonym(lw) || text.IsStopWord(lw) || len(lw) < 2 || monthsDays[lw] {
			return c, false
		}
	}
	if allLower := strings.ToLower(strings.Join(c.words, " ")); monthsDays[allLower] {
		return c, false
	}
	c.a, c.b = a, b
	return c, true
}

var monthsDays = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april may june july august september october
	november december monday tuesday wednesday thursday friday saturday sunday god i`) {
		m[w] = true
	}
	return m
}()

func isDemonym(w string) bool {
	for _, suf := range []string{"ian", "ean", "ese", "ish", "ic", "an", "i", "ern"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// lowerElsewhere reports whether w occurs in lower case somewhere in d.
func lowerElsewhere(d *doc, w string) bool {
	return d.lowerWords[w]
}

// carryPronouns adds a mention for he/she/his/her/him at the start of a
// sentence whose previous sentence mentioned exactly one person.
func carryPronouns(d *doc, es []*entity) {
	lastPerson := make([]*entity, len(d.sents))
	count := make([]int, len(d.sents))
	for _, e := range es {
		if !e.person {
			continue
		}
		for _, m := range e.mentions {
			si := d.tokSent[m.a]
			if lastPerson[si] != e {
				count[si]++
			}
			lastPerson[si] = e
		}
	}
	for si := 1; si < len(d.sents); si++ {
		s := d.sents[si]
		if count[si] > 0 || count[si-1] != 1 || s.tokA >= s.tokB {
			continue
		}
		for k := s.tokA; k < min(s.tokB, s.tokA+3); k++ {
			if pronouns[d.words[k]] && !d.quoted[k] {
				e := lastPerson[si-1]
				e.mentions = append(e.mentions, mention{a: k, b: k + 1, pronoun: true})
				break
			}
		}
	}
}
