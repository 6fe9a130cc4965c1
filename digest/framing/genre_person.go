package framing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A feed named after a person ("Dana Whitlock", "Ian Corr") is one
// writer's: a columnist's page or a newsletter, whose pieces argue. Its
// articles are opinion unless the article itself says otherwise (an
// article-level signal such as a /news/ path wins, see signalGenre) or the
// operator sets the feed's genre. A name counts as a person's when it is two
// to four words, opens with a common given name (lexicon/givennames.txt),
// and has no word that names an outlet or an organisation ("Times",
// "Review", "Monitor", lexicon/orgwords.txt).

// outletWords make a name an outlet's, even after a given name
// ("Christian Science Monitor", "Billy Penn Daily").
var outletWords = map[string]bool{
	"news": true, "times": true, "post": true, "journal": true, "review": true, "daily": true,
	"weekly": true, "press": true, "media": true, "radio": true, "tv": true, "report": true,
	"reports": true, "magazine": true, "monitor": true, "herald": true, "tribune": true, "gazette": true,
	"observer": true, "guardian": true, "examiner": true, "standard": true, "telegraph": true,
	"courier": true, "chronicle": true, "sun": true, "star": true, "mail": true, "express": true,
	"wire": true, "online": true, "blog": true, "project": true, "today": true, "now": true,
	"insider": true, "business": true, "politics": true, "world": true, "live": true, "digest": true,
	"bulletin": true, "dispatch": true, "record": true, "register": true, "sentinel": true,
	"beacon": true, "ledger": true, "mirror": true, "channel": true, "podcast": true, "show": true,
	"weekend": true, "morning": true, "evening": true, "network": true, "newsletter": true,
	"science": true, "review's": true, "street": true, "hill": true, "nation": true, "week": true,
}

// nameParticles are the lower-case words a surname may hold ("Katrina
// vanden Heuvel", "Ana de Souza").
var nameParticles = map[string]bool{
	"van": true, "vanden": true, "von": true, "de": true, "der": true, "den": true, "del": true,
	"della": true, "da": true, "di": true, "du": true, "la": true, "le": true, "bin": true, "ibn": true,
}

// personName reports whether an outlet or feed name is a person's name.
func personName(name string) bool {
	words := strings.Fields(strings.TrimSpace(name))
	if len(words) < 2 || len(words) > 4 || !lex.givenNames[strings.ToLower(words[0])] {
		return false
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		if outletWords[lw] || lex.orgWords[lw] {
			return false
		}
		if i > 0 && nameParticles[lw] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsFunc(w, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.'
		}) || strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") {
			return false
		}
	}
	return true
}

// personSignals reads a feed or outlet name that is a person's (see above).
func personSignals(what, name string) []genreSignal {
	if !personName(name) {
		return nil
	}
	return []genreSignal{{Opinion, what + " " + quote(name) + " is a writer's name"}}
}
