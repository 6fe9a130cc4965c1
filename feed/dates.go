package feed

import (
	"errors"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // IANA zone names in feed dates must resolve in a scratch container too
	"unicode"

	"github.com/araddon/dateparse"
)

// Bounds on the dates newsdigest takes as written.
const (
	// maxFutureSkew is how far past the time of fetching a date may lie and
	// still be taken as written: clocks and hand-written zones are off by
	// hours. A date further ahead is wrong, and is dropped rather than
	// clamped: a clamped date would make an old item look like news.
	maxFutureSkew = 24 * time.Hour
	// minPlausibleYear: earlier dates are placeholders (0001-01-01, the
	// Unix epoch), not publication times.
	minPlausibleYear = 1990
	// maxDateLen: longer text is not a date, and is not worth scanning.
	maxDateLen = 128
)

// errBadDate is returned for text that is not a date newsdigest can read.
var errBadDate = errors.New("feed: unreadable date")

// readDate reads a date as a feed wrote it and checks that it is
// plausible: not before minPlausibleYear and at most maxFutureSkew after
// now. It returns the date in UTC, or false.
func readDate(raw string, now time.Time) (time.Time, bool) {
	t, err := parseDate(raw)
	if err != nil || t.Year() < minPlausibleYear || t.After(now.Add(maxFutureSkew)) {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// parseDate reads the dates feeds write: RFC 822/1123 and RFC 3339 and
// their many variations (a space for the T, a colon in the offset, no
// seconds, no zone — then UTC), 12-hour clocks, month and weekday names in
// English, German, French, Spanish, Italian, Dutch and Portuguese, numeric
// dates with slashes or dots, Unix timestamps, zone abbreviations with
// their real offsets, IANA zone names, and stray suffixes. What it cannot
// read goes to dateparse, whose answer is taken only when no zone it
// would misread is in sight.
func parseDate(raw string) (time.Time, error) {
	s := strings.TrimSpace(raw)
	if s == "" || len(s) > maxDateLen {
		return time.Time{}, errBadDate
	}
	// The forms most feeds use, fast. time.Parse reads a zone abbreviation
	// it does not know as UTC, so RFC 1123 with a named zone is taken here
	// only for GMT.
	if s[0] >= '0' && s[0] <= '9' {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t, nil
		}
	} else if strings.HasSuffix(s, " GMT") {
		if t, err := time.Parse(time.RFC1123, s); err == nil {
			return t.UTC(), nil
		}
	} else if t, err := time.Parse(time.RFC1123Z, s); err == nil {
		return t, nil
	}
	if t, ok := unixDate(s); ok {
		return t, nil
	}
	if t, err := parseDateParts(s); err == nil {
		return t, nil
	}
	return parseDateFallback(s)
}

// unixDate reads a Unix timestamp: seconds (9 or 10 digits, with an
// optional fraction) or milliseconds (12 or 13 digits).
func unixDate(s string) (time.Time, bool) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if !allDigits(whole) || (hasFrac && !allDigits(frac)) {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	switch {
	case len(whole) == 9 || len(whole) == 10:
		return time.Unix(n, fractionNanos(frac)).UTC(), true
	case (len(whole) == 12 || len(whole) == 13) && !hasFrac:
		return time.UnixMilli(n).UTC(), true
	}
	return time.Time{}, false
}

// parseDateFallback asks dateparse, which knows more layouts (Chinese
// dates among them) but reads an unknown zone abbreviation as UTC, ignores
// zone names and passes over words it does not know: its answer is taken
// only when every word in the text is one a date may hold, and its year is
// a real one.
func parseDateFallback(s string) (t time.Time, err error) {
	defer func() {
		if recover() != nil { // third-party code on feed input
			t, err = time.Time{}, errBadDate
		}
	}()
	if allDigits(s) || !onlyDateWords(s) {
		return time.Time{}, errBadDate
	}
	t, err = dateparse.ParseIn(s, time.UTC)
	if err != nil || t.Year() < 1900 {
		return time.Time{}, errBadDate
	}
	if name, offset := t.Zone(); offset == 0 && name != "UTC" && name != "GMT" && name != "UT" && name != "Z" && name != "" {
		return time.Time{}, errBadDate // an abbreviation it did not know, read as UTC
	}
	return t, nil
}

// onlyDateWords reports whether every word of s (a run of letters) is a
// month or weekday name, a filler, am/pm, UTC/GMT/Z, or a CJK date
// character.
func onlyDateWords(s string) bool {
	for _, word := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.Trim(word, "年月日时時分秒") == "" {
			continue
		}
		word = foldAccents.Replace(word)
		_, month := monthByName[word]
		switch {
		case month, weekdayByName[word], dateFillers[word]:
		case word == "am", word == "pm", word == "utc", word == "gmt", word == "ut", word == "z":
		default:
			return false
		}
	}
	return true
}

// fullYear reads a year of two or four digits; two-digit years are
// 1970–2069.
func fullYear(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) == 2 {
		if y < 70 {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

// fractionNanos reads the digits after a decimal point as nanoseconds.
func fractionNanos(frac string) int64 {
	if len(frac) > 9 {
		frac = frac[:9]
	}
	if frac == "" {
		return 0
	}
	n, _ := strconv.ParseInt(frac+strings.Repeat("0", 9-len(frac)), 10, 64)
	return n
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
