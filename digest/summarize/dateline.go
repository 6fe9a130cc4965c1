package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Datelines open many wire and newspaper stories: "(CNN)", "Boston (CNN)",
// "WASHINGTON (AP) —", "NAIROBI, Kenya —". They name the place and agency,
// not the news, so a summary drops them.
// placeName is one to four capitalised words ("New Delhi", "St. Louis").
const placeName = `[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*){0,3}`

var (
	agencyDateline = regexp.MustCompile(`^(?:` + placeName + `(?:, ` + placeName + `){0,2}\s*)?` +
		`(?:\(|-[Ll][Rr][Bb]-)\s*(?:[A-Z][A-Za-z.&' ]{0,24}?|[a-z]{2,12})\s*(?:\)|-[Rr][Rr][Bb]-)\s*(?:(?:[-—–]+|:)\s*)?`)
	placeDateline = regexp.MustCompile(`^[A-Z][A-Z.'’ ]{2,30}(?:, [\p{L}.'’ ]{2,30})?\s+(?:[—–]|--?)\s+`)
)

// stripDateline removes a leading dateline from the first sentence of an
// article, if what remains still starts like a sentence.
func stripDateline(s string) string {
	loc := agencyDateline.FindStringIndex(s)
	if loc == nil {
		loc = placeDateline.FindStringIndex(s)
	}
	if loc == nil || loc[1] >= len(s) {
		return s
	}
	rest := strings.TrimSpace(s[loc[1]:])
	first, _ := utf8.DecodeRuneInString(rest)
	startsLikeSentence := unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“'‘`", first) ||
		unicode.IsLower(first) && strings.ToLower(s) == s // lower-cased corpora
	if len(strings.Fields(rest)) < 3 || !startsLikeSentence {
		return s
	}
	return rest
}
