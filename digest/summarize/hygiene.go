package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/text"
)

// A summary sentence must stand on its own in front of a reader: whole, with
// no newsletter label, and no quotation whose speaker it does not name.
// These checks decide which sentences may be picked; the others still
// count for what the articles agree on.

// cutEnds end a teaser line the feed cut short; moreMarkers send the reader
// on to the rest of the article. Plain string tests: this runs on every
// sentence of every article.
var (
	cutEnds     = []string{"...", "…", "[…]", "[...]", "(…)", "(...)", "[ … ]"}
	moreMarkers = []string{"Read more", "read more", "READ MORE", "Continue reading", "continue reading",
		"Read the full story", "read the full story", "Read the full article", "read the full article",
		"Click here", "click here", "Keep reading", "keep reading"}
)

// cutOff reports whether s is a teaser line: it ends in an ellipsis ("...",
// "…", "[…]"), inside closing quotes or not, or sends the reader on ("Read
// more").
func cutOff(s string) bool {
	end := strings.TrimRight(s, "\"'”’)] \t")
	for _, e := range cutEnds {
		if strings.HasSuffix(end, e) || strings.HasSuffix(s, e) {
			return true
		}
	}
	// A "Read more" line is short, or ends a teaser paragraph.
	tail := s
	if len(tail) > maxMoreTail {
		tail = tail[len(tail)-maxMoreTail:]
	}
	for _, m := range moreMarkers {
		if strings.Contains(tail, m) {
			return true
		}
	}
	return false
}

// maxMoreTail is how far from a sentence's end a "Read more" is looked for.
const maxMoreTail = 60

// isQuestion reports whether s asks rather than states: a summary tells
// what happened, and a question in one is the writer's hook or argument.
func isQuestion(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, "\"'”’)» "), "?")
}

// leadInLabels are the labels newsletter-style outlets open a paragraph
// with. Any short label of the same shape is stripped too (leadInShape).
var leadInLabels = []string{
	"why it matters", "driving the news", "the big picture", "between the lines", "the bottom line",
	"bottom line", "the backstory", "backstory", "go deeper", "what they're saying", "what they’re saying",
	"what's next", "what’s next", "what we're watching", "what we’re watching", "by the numbers",
	"state of play", "zoom in", "zoom out", "yes, but", "the other side", "the latest", "catch up quick",
	"flashback", "context", "details", "reality check", "the intrigue", "our thought bubble", "be smart",
	"breaking", "update", "updated", "editor's note", "editor’s note", "key quote", "the catch",
	"what to watch", "the kicker", "worth noting", "for the record", "background", "the details",
}

// leadInShape is a label's shape: a capitalised word and up to three more
// in lower case, then a colon, or a short run in capitals ("BREAKING:").
var leadInShape = regexp.MustCompile(`^(?:[A-Z][a-z’']+(?: [a-z’']+){0,3}|[A-Z][A-Z’' ]{2,24}):[\s\p{Zs}]+`)

// speechVerbs mark attribution; a label ending in one ("Biden said:")
// introduces a quotation and is not a newsletter label.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"asked": true, "asks": true, "wrote": true, "writes": true, "tweeted": true, "tweets": true,
	"stated": true, "states": true, "declared": true, "declares": true, "argued": true, "argues": true,
	"warned": true, "warns": true, "explained": true, "explains": true, "noted": true, "notes": true,
	"insisted": true, "insists": true, "continued": true, "announced": true, "announces": true,
	"replied": true, "replies": true, "recalled": true, "acknowledged": true, "urged": true, "urges": true,
	"testified": true, "posted": true, "according": true, "called": true, "calls": true, "calling": true,
	"described": true, "describes": true, "dubbed": true, "vowed": true, "vows": true, "claimed": true,
	"claims": true, "admitted": true, "conceded": true, "countered": true, "responded": true,
	"predicted": true, "promised": true, "pledged": true, "suggested": true, "saying": true, "statement": true,
	"reported": true, "reports": true, "commented": true, "comments": true, "remarked": true, "stressed": true,
	"emphasized": true, "emphasised": true, "cautioned": true, "complained": true, "alleged": true,
	"asserted": true, "maintained": true, "concluded": true, "observed": true, "quipped": true, "joked": true,
}

// stripLeadIn removes a newsletter lead-in label ("Why it matters: …") and
// returns the sentence that follows, or ok false when s opens with a label
// but what follows is no sentence of its own (too short, or lower case).
// A sentence without a label is returned as it is.
func stripLeadIn(s string) (out string, ok bool) {
	if i := strings.IndexByte(s, ':'); i < 0 || i > maxLeadInBytes {
		return s, true // no label can end this far in
	}
	loc := leadInShape.FindStringIndex(s)
	if loc == nil {
		return s, true
	}
	label := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[:loc[1]]), ":")))
	words := strings.Fields(label)
	known := false
	for _, l := range leadInLabels {
		if label == l {
			known = true
			break
		}
	}
	if !known && speechVerbs[words[len(words)-1]] {
		return s, false // "Biden said: …" — a quotation's lead, not a label
	}
	rest := strings.TrimLeftFunc(s[loc[1]:], unicode.IsSpace)
	first, _ := utf8.DecodeRuneInString(rest)
	if len(text.Tokens(rest)) < minLeadInRest || !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“‘'", first)) {
		return s, false
	}
	return rest, true
}

// minLeadInRest is the fewest words a sentence keeps after its label;
// maxLeadInBytes bounds where a label's colon may stand.
const (
	minLeadInRest  = 5
	maxLeadInBytes = 48
)

// Quotations. A sentence that is mostly a quotation is a speaker's words; a
// summary may show it only when the sentence itself names the speaker.
const (
	// quoteShareLimit is the share of a sentence inside quotation marks
	// from which it counts as a quotation even when it opens with the
	// reporter's words (a quoted phrase or title does not).
	quoteShareLimit = 0.5
	// speakerReach is how many words from an attribution verb a speaker's
	// name may stand ("…," said Mira Costa, the authority's chair).
	speakerReach = 6
	// reportedClause is how many words outside the quotation marks make a
	// sentence a report that quotes a phrase ("Governor Ines Rook signed a
	// bill that lets "any resident sue …""), when they name someone.
	reportedClause = 10
)

// notNames are capitalised words that open sentences or stand for unnamed
// speakers; a speaker must be named by something else.
var notNames = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true, "this": true,
	"that": true, "these": true, "those": true, "the": true, "a": true, "an": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "officials": true, "official": true, "sources": true,
	"source": true, "critics": true, "experts": true, "analysts": true, "residents": true, "people": true,
	"some": true, "one": true, "many": true, "others": true, "someone": true, "and": true, "but": true,
	"in": true, "on": true, "at": true, "as": true, "when": true, "after": true, "while": true, "if": true,
	"mr": true, "mrs": true, "ms": true, "dr": true,
	// Days and months are capitalised but name no one ("…," he said Thursday).
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true,
}

// unattributedQuote reports whether s is a quotation (opening with one, the
// tail of one opened in an earlier sentence, or mostly inside quotation
// marks) that does not name its speaker: no attribution verb with a
// capitalised name near it outside the quotation marks. "…," he said names
// no one.
//
// quoted is quotedMask(s), or nil when s has no quotation mark.
func unattributedQuote(s string, quoted []bool) bool {
	if len(quoted) == 0 || len(quoted) != len(s) {
		return false // most sentences: no quotation mark to look at
	}
	inside := 0
	for _, q := range quoted {
		if q {
			inside++
		}
	}
	if !quoted[0] && float64(inside)/float64(len(s)) < quoteShareLimit {
		return false
	}
	toks := text.Tokens(s)
	var outside []text.Token
	for _, t := range toks {
		if !quoted[t.Start] {
			outside = append(outside, t)
		}
	}
	if len(outside) >= reportedClause {
		for _, t := range outside[1:] {
			if isName(t.Text) {
				return false
			}
		}
	}
	for i, t := range outside {
		if !speechVerbs[strings.ToLower(t.Text)] {
			continue
		}
		for j := max(0, i-speakerReach); j < min(len(outside), i+speakerReach+1); j++ {
			if j != i && isName(outside[j].Text) {
				return false
			}
		}
	}
	return true
}

// isName reports whether a word could be (part of) a name: capitalised and
// not a pronoun, article or word for unnamed people.
func isName(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !notNames[strings.ToLower(strings.TrimSuffix(w, "."))]
}

// quotedMask marks the bytes of s inside quotation marks (see
// quotedShare). A closing mark with no opening one before it closes a
// quotation that began in an earlier sentence, so what precedes it is
// quoted too.
func quotedMask(s string) []bool {
	mask := make([]bool, len(s))
	var open rune
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(quoteRunes, r) {
			i += size
			continue
		}
		if strings.HasPrefix(s[i:], "``") || strings.HasPrefix(s[i:], "''") {
			r, size = '"', 2
		}
		family, opens, closes := quoteMark(s, i, r, size)
		if r == '"' && open == 0 && closerContext(s, i, size) {
			opens = false // `by," Biden said`: a straight quote that closes
		}
		switch {
		case family == 0:
		case open == 0 && family == '"' && closes && !opens && !anyQuoteBefore(s, i):
			// The tail of a quotation from the previous sentence.
			for k := 0; k < i+size; k++ {
				mask[k] = true
			}
		case open == 0 && opens:
			open, start = family, i
		case open == family && closes:
			for k := start; k < i+size; k++ {
				mask[k] = true
			}
			open = 0
		}
		i += size
	}
	if open != 0 {
		for k := start; k < len(s); k++ {
			mask[k] = true
		}
	}
	return mask
}

// closerContext reports whether the mark at s[i:i+size] sits where a
// quotation ends: after a word or punctuation, before a space or the end.
func closerContext(s string, i, size int) bool {
	if i == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after := ' '
	if i+size < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+size:])
	}
	return !unicode.IsSpace(before) && (unicode.IsSpace(after) || unicode.IsPunct(after))
}

// hasQuoteMark reports whether s holds any mark quoteMark knows, by byte
// search: straight quotes and backticks, and the UTF-8 forms of “ ” ‘ ’ « ».
func hasQuoteMark(s string) bool {
	if strings.IndexByte(s, '"') >= 0 || strings.IndexByte(s, '\'') >= 0 || strings.IndexByte(s, '`') >= 0 {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		switch c := s[i]; {
		case c < 0xC2:
		case c == 0xC2 && (s[i+1] == 0xAB || s[i+1] == 0xBB):
			return true
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x98 || s[i+2] == 0x99 || s[i+2] == 0x9C || s[i+2] == 0x9D):
			return true
		}
	}
	return false
}

// anyQuoteBefore reports whether a double quotation mark occurs in s[:i].
func anyQuoteBefore(s string, i int) bool {
	return strings.ContainsAny(s[:i], "\"“«")
}

// minSummaryWords is the fewest words of a sentence a summary shows: a
// shorter one ("Indeed, it is.") leans on the sentences around it.
const minSummaryWords = 5

// fragment reports whether s is too short to stand alone.
func fragment(s string) bool { return len(text.Tokens(s)) < minSummaryWords }

// firstPersonWords are the words a speaker uses of themself.
var firstPersonWords = map[string]bool{
	"I": true, "me": true, "my": true, "My": true, "mine": true, "myself": true, "I'm": true, "I’m": true,
	"I've": true, "I’ve": true, "I'd": true, "I’d": true, "I'll": true, "I’ll": true,
}

// firstPersonUnquoted reports whether s (tokens toks) speaks as "I"
// outside quotation marks without naming who speaks: in a report that is a
// quotation whose marks were lost (a teaser cut between two paragraphs of a
// quote). quoted is quotedMask(s), or nil when s has no quotation mark.
func firstPersonUnquoted(s string, toks []text.Token, quoted []bool) bool {
	inQuote := func(i int) bool { return i < len(quoted) && quoted[i] }
	found := false
	for _, t := range toks {
		if !firstPersonWords[t.Text] || t.Text == "I" && (t.End < len(s) && s[t.End] == '.' || t.Start > 0 && s[t.Start-1] == '.') {
			continue // not "I", or the "I." of "C.P.I."
		}
		if !inQuote(t.Start) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	for i, t := range toks {
		if speechVerbs[strings.ToLower(t.Text)] {
			for j := max(0, i-speakerReach); j < min(len(toks), i+speakerReach+1); j++ {
				if j != i && !inQuote(toks[j].Start) && isName(toks[j].Text) && toks[j].Text != "I" {
					return false
				}
			}
		}
	}
	return true
}
