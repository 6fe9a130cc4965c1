package framing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Names: runs of capitalised words, cleaned of everything that is written
// next to a name without being part of it: weekdays and dates ("the Supreme
// Court Monday"), party tags ("D-Wash."), stray initials ("U.S."), titles
// and role words ("Treasury Secretary", "drugmaker"), possessive endings.

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
			j := runEnd(d, s, i)
			if i > s.tokA && partyTag(d.toks[i-1].Text) && d.body[d.toks[i-1].End:d.toks[i].Start] == "." {
				i = j
				continue // the state of a party tag: the "Va" of "D-W.Va."
			}
			for _, seg := range splitRun(d, i, j) {
				if c, ok := makeCandidate(d, s, seg[0], seg[1]); ok {
					out = append(out, c)
				}
			}
			i = j
		}
	}
	return out
}

// runEnd returns the end of the run of name words that starts at token i:
// capitalised words separated by single spaces, across "Mr. ", a middle
// initial ("Antony J. Blinken") and the connectors of organisation names
// ("Bank of England", "Centers for Disease Control and Prevention").
func runEnd(d *doc, s sentence, i int) int {
	j := i + 1
	for j < s.tokB && !possessive(d.toks[j-1].Text) {
		if !d.adjacent(j-1) && !abbreviatedTitle(d, j-1) && !middleInitial(d, j-1) {
			break
		}
		if isCapitalised(d.toks[j].Text) {
			j++
			continue
		}
		if n := connector(d, s, i, j); n > 0 {
			j += n
			continue
		}
		break
	}
	return j
}

// connector returns how many tokens a lower-case connector at j and the
// capitalised words after it add to the organisation name i..j-1, or 0.
// "of" and "for" join an organisation or a title ("Bank of England",
// "Secretary of State", "Center for Health Statistics"; not "Merz of
// Germany"); "and" joins only inside such a name ("Centers for Disease
// Control and Prevention") or before a last word that names an
// organisation ("Food and Drug Administration"), never two people.
func connector(d *doc, s sentence, i, j int) int {
	if j+1 >= s.tokB || !d.adjacent(j) || !isCapitalised(d.toks[j+1].Text) {
		return 0
	}
	switch d.words[j] {
	case "of", "for":
		if runIsOrg(d, i, j) || lex.titles.has(d.words[j-1]) { // "US Secretary of State"
			return 1
		}
	case "and":
		k := j + 1
		for k < s.tokB && isCapitalised(d.toks[k].Text) && (k == j+1 || d.adjacent(k-1)) && !possessive(d.toks[k-1].Text) {
			k++
		}
		if lex.orgWords[d.words[k-1]] && k-j >= 3 { // "Food and Drug Administration"; not "US and Nato"
			return k - j
		}
		joined := false
		for m := i; m < j; m++ {
			joined = joined || d.words[m] == "of" || d.words[m] == "for"
		}
		if joined && k == j+2 && !lex.titles.has(d.words[j+1]) {
			return 2
		}
	}
	return 0
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
	return d.gapIs(i, ".")
}

// middleInitial reports whether token i is a middle initial between a given
// name and a capitalised word: the "J" of "Antony J. Blinken".
func middleInitial(d *doc, i int) bool {
	if i == 0 || i+1 >= len(d.toks) || !singleLetter(d.toks[i].Text) || !isCapitalised(d.toks[i-1].Text) || !d.adjacent(i-1) {
		return false
	}
	return d.gapIs(i, ".") && isCapitalised(d.toks[i+1].Text) && !singleLetter(d.toks[i+1].Text)
}

// splitRun cuts the run a..b-1 at the tokens that are no part of a name
// and returns the pieces.
func splitRun(d *doc, a, b int) [][2]int {
	var out [][2]int
	start := a
	for k := a; k < b; k++ {
		if !nameBreak(d, k) {
			continue
		}
		if k > start {
			out = append(out, [2]int{start, k})
		}
		start = k + 1
	}
	if b > start {
		out = append(out, [2]int{start, b})
	}
	return out
}

// nameBreak reports whether token k is written next to names without
// being one: a weekday, a time zone, a month in a date ("Aug. 3", "May
// 5"), a party tag ("R-Texas", "D-W"), a letter of a dotted abbreviation
// ("U.S.") or a stray capital letter. A middle initial is skipped, not a
// break: its run goes on.
func nameBreak(d *doc, k int) bool {
	w, tok := d.words[k], d.toks[k].Text
	switch {
	case middleInitial(d, k):
		return false
	case weekdays[w] || timeZones[tok]:
		return true
	case months[w] && (abbreviatedMonth(w) || followedByNumber(d, k)):
		return true
	case partyTag(tok):
		return true
	case compoundAdjective(tok):
		return true // "Republican-led", "Russia-linked", "U-turn"
	case strings.ContainsAny(tok, "0123456789"):
		return true // "COVID-19" in "Moderna COVID-19 vaccine"
	case len(tok) > 6 && isAllCaps(tok):
		return true // shouted words: "ORIGINALLY PUBLISHED"
	case singleLetter(tok):
		return true // "I", the letters of "U.S.", "Plan B"
	}
	return false
}

// followedByNumber reports whether token k is followed by a number ("May 5").
func followedByNumber(d *doc, k int) bool {
	if k+1 >= len(d.toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.toks[k+1].Text)
	return unicode.IsDigit(r) && d.toks[k+1].Start-d.toks[k].End <= 2
}

// partyTag reports whether tok is a party-and-state tag: "R-Texas",
// "D-Wash", "I-Vt", "D-W" (from "D-W.Va.").
func partyTag(tok string) bool {
	if len(tok) < 3 || tok[1] != '-' || !strings.ContainsRune("DRI", rune(tok[0])) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tok[2:])
	return unicode.IsUpper(r)
}

// compoundAdjective reports whether tok is a hyphenated word whose last part
// is in lower case: an adjective made from a name, not the name.
func compoundAdjective(tok string) bool {
	i := strings.LastIndexByte(tok, '-')
	if i < 0 || i == len(tok)-1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(tok[i+1:])
	return unicode.IsLower(r)
}

// isAllCaps reports whether every letter of tok is a capital.
func isAllCaps(tok string) bool {
	for _, r := range tok {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func singleLetter(tok string) bool {
	r, size := utf8.DecodeRuneInString(tok)
	return size == len(tok) && unicode.IsUpper(r)
}

func abbreviatedMonth(w string) bool {
	switch w {
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

var (
	weekdays  = wordSet(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`)
	months    = wordSet(`january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`)
	timeZones = wordSet(`ET EDT EST CT CDT CST MT MDT MST PT PDT PST GMT UTC BST CET CEST`)
	// nameSuffixes follow a surname without adding to it.
	nameSuffixes = wordSet(`jr sr ii iii iv`)
	// partyWords describe a person's party before the name ("Republican
	// Susan Wright") and start a party's own name ("Democratic Party").
	partyWords = wordSet(`republican republicans democrat democrats democratic gop independent conservative liberal labour tory progressive`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func possessive(s string) bool {
	return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s")
}

// makeCandidate turns the run a..b-1 into a name: it drops a leading
// function word, role word or quantifier ("Several", "Drugmaker",
// "Republican" before a person), the titles and the department a title
// names ("Secretary of Homeland Security"), name suffixes and possessive
// endings, and rejects what is no actor (a place, a date, a law, a
// disease, a lone title or adjective).
func makeCandidate(d *doc, s sentence, a, b int) (candidate, bool) {
	c := candidate{}
	a = dropLeading(d, s, a, b)
	// Titles: keep what follows the last title word.
	last := -1
	for k := a; k < b; k++ {
		if n := d.matchIn(lex.titles, k, b); n > 0 {
			if k+n >= b {
				return c, false // a title with no name after it: "the Treasury Secretary"
			}
			last = k + n
			k += n - 1
		}
	}
	if last > 0 {
		c.titled = true
		a = last
		if d.words[a] == "of" || d.words[a] == "for" {
			// "Secretary of Homeland Security Alejandro Mayorkas": the
			// department runs up to the name, which is its last two words.
			rest := b - a - 1
			switch {
			case rest >= 3:
				a = b - 2
			case rest == 2:
				a = b - 1
			default:
				return c, false
			}
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
		if (nameSuffixes[strings.ToLower(w)] || middleInitial(d, k)) && k > a {
			continue
		}
		c.words = append(c.words, w)
	}
	if !actorName(d, c.words, c.titled, b) || modifiesRole(d, b) {
		return c, false
	}
	c.a, c.b = a, b
	c.acronym = acronymAfter(d, b, c.words)
	return c, true
}

// dropLeading skips the words at the start of a run that are no part of
// the name and returns the new start.
func dropLeading(d *doc, s sentence, a, b int) int {
	for a < b {
		w := d.words[a]
		switch {
		case text.IsStopWord(w) || lex.descriptors[w]:
			// "The", "Several", "Unlike", "Gymnast", "Drugmaker"; but a
			// party word starts organisation names ("Republican National
			// Committee").
			if partyWords[w] && runIsOrg(d, a, b) {
				return a
			}
			a++
		case partyWords[w] && a+1 < b && !runIsOrg(d, a, b):
			a++ // "Republican Susan Wright"
		case a == s.tokA && lowerElsewhere(d, w) && !lex.titles.has(w):
			a++ // a sentence-initial common word ("Critics", "Later")
		default:
			return a
		}
	}
	return a
}

// actorName reports whether words name a person, group or organisation:
// not a place, a date, a named event, law, disease or product, a lone
// title, role or adjective. next is the token after the name.
func actorName(d *doc, words []string, titled bool, next int) bool {
	if len(words) == 0 {
		return false
	}
	lower := strings.ToLower(strings.Join(words, " "))
	head := strings.ToLower(words[len(words)-1])
	first := strings.ToLower(words[0])
	if months[lower] || weekdays[lower] || lex.nonActors[lower] {
		return false
	}
	if len(words) >= 2 && (lex.nonActorHeads[head] || lex.nonActorFirsts[first]) && !isOrgName(words) {
		return false
	}
	if titled {
		return true
	}
	if len(words) > 1 {
		return true
	}
	// One word.
	w := first
	followedLower := next < len(d.toks) && !isCapitalised(d.toks[next].Text) && d.adjacent(next-1)
	switch {
	case len(w) < 2 || text.IsStopWord(w) || w == "i":
		return false
	case lex.titles.has(w) || lex.genericOrgs[w]:
		return false // "President", "Court", "Department": a title or a generic noun, not a name
	case lex.demonyms[w], isDemonym(w) && followedLower && !d.surnames[w], lex.identities[w]:
		return false // "Russian missiles", "Black voters", "are Muslim"; but "Mbeki fought" after "Grace Mbeki"
	case nameSuffixes[w]:
		return false // the "Jr" of a name cut at its full stop
	case strings.ContainsAny(w, "0123456789") && !lex.orgWords[w]:
		return false // "F-15s", "COVID-19": a model or a disease, not an actor
	case isAcronym(words[0]) && len(w) == 2 && !lex.orgWords[w]:
		return false // "TV", "ID", "OK": two capitals are rarely an organisation
	}
	return true
}

// roleNouns name a post or a body; a name right before one in lower case
// only says whose it is ("White House Covid coordinator Jeffrey Zients",
// "Senate Republican leader", "the Harbourside council").
var roleNouns = wordSet(`coordinator coordinators official officials aide aides adviser advisers advisor
staffer staffers spokesman spokeswoman spokesperson lawmakers lawmaker members member council
leader leaders chief chair chairman chairwoman director head envoy delegation`)

// modifiesRole reports whether the token at b, right after a name, is a
// lower-case role noun: the name is then a modifier, not an actor.
func modifiesRole(d *doc, b int) bool {
	return b < len(d.toks) && d.adjacent(b-1) && !isCapitalised(d.toks[b].Text) && roleNouns[d.words[b]]
}

// acronymAfter returns the acronym written in parentheses right after the
// name ("Centers for Disease Control and Prevention (CDC)") when its
// letters are the initials of the name's capitalised words.
func acronymAfter(d *doc, b int, words []string) string {
	if b >= len(d.toks) || len(words) < 2 || !strings.HasPrefix(d.body[d.toks[b-1].End:], " (") {
		return ""
	}
	acr := d.toks[b].Text
	if !isAcronym(acr) || !strings.HasPrefix(d.body[d.toks[b].End:], ")") {
		return ""
	}
	var initials strings.Builder
	for _, w := range words {
		if isCapitalised(w) {
			r, _ := utf8.DecodeRuneInString(w)
			initials.WriteRune(r)
		}
	}
	if !strings.EqualFold(initials.String(), acr) && !strings.HasPrefix(initials.String(), acr) {
		return ""
	}
	return acr
}

// isAcronym reports whether w is written in capitals only: "CDC", "FBI".
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return unicode.IsLetter(rune(w[0]))
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

// isOrgName reports whether a name holds an organisation word or is an
// acronym of three letters or more ("NATO", "CDC"; two capitals count only
// when the lexicon lists them, as "UN").
func isOrgName(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		if lex.orgWords[lw] {
			return true
		}
		if len(w) >= 3 && isAcronym(w) {
			return true
		}
	}
	return false
}

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
	if d.lowerWords == nil {
		// Made at the first question: most documents ask about few words.
		d.lowerWords = make(map[string]bool, len(d.words)/4)
		for i, w := range d.words {
			if !isCapitalised(d.toks[i].Text) {
				d.lowerWords[w] = true
			}
		}
	}
	return d.lowerWords[w]
}
