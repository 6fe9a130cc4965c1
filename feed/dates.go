package feed

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // IANA zone names in feed dates must resolve in a scratch container too
	"unicode"
	"unicode/utf8"

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
	// The two forms most feeds use, fast.
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC1123Z, s); err == nil {
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

// dateToken is a piece of a date: a number, a word (folded: lower case,
// no accents) or one punctuation character.
type dateToken struct {
	kind  byte // 'n' number, 'w' word, 'p' punctuation
	text  string
	space bool // whitespace came before it
	used  bool // read as part of the date
}

var (
	// dateGroup is a parenthesised or bracketed remark after a date:
	// "GMT+0100 (CET)", "…Z[UTC]".
	dateGroup = regexp.MustCompile(`[(\[][^)\]]*[)\]]`)
	// meridiemDots matches "a.m.", "p. m." and the like.
	meridiemDots = regexp.MustCompile(`\b([ap])\.\s?m\b\.?`)
)

// dateParts collects the parts of a date as parseDateParts finds them.
type dateParts struct {
	toks                       []dateToken
	year, month, day           int
	hour, minute, second, nsec int
	hasDate, hasTime           bool
	timeEnd                    int // index of the first token after the time
	meridiem                   string
	offset                     int
	hasOffset, offsetIsUTCWord bool
	loc                        *time.Location
}

// parseDateParts reads a date by its parts, wherever they stand: the time
// (h:mm, h:mm:ss.fff, 10h30, with am/pm), the zone (a numeric offset after
// the time, an abbreviation, an IANA name), then the date (numeric, or with
// a month name and the day and year around it). Every word must be known:
// a month, a weekday, a zone or a filler word; otherwise it is not a date.
func parseDateParts(s string) (time.Time, error) {
	p := &dateParts{}
	if m := ianaZone.FindStringIndex(s); m != nil {
		if loc := loadZone(s[m[0]:m[1]]); loc != nil {
			p.loc = loc
			s = s[:m[0]] + " " + s[m[1]:]
		}
	}
	var remark string
	s = dateGroup.ReplaceAllStringFunc(s, func(g string) string {
		if remark == "" {
			remark = strings.TrimSpace(g[1 : len(g)-1])
		}
		return " "
	})
	s = meridiemDots.ReplaceAllString(strings.ToLower(s), "${1}m")
	p.toks = tokenizeDate(s)
	if p.toks == nil {
		return time.Time{}, errBadDate
	}
	p.readTime()
	p.readZone()
	if err := p.readDate(); err != nil {
		return time.Time{}, err
	}
	if !p.hasOffset && p.loc == nil && remark != "" {
		p.zoneFromRemark(remark)
	}
	return p.build()
}

// tokenizeDate splits s into numbers, folded words and punctuation. It
// returns nil for a number too long to be part of a date.
func tokenizeDate(s string) []dateToken {
	var toks []dateToken
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j-i > 8 {
				return nil
			}
			toks = append(toks, dateToken{kind: 'n', text: s[i:j], space: space})
			i, space = j, false
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n
			}
			toks = append(toks, dateToken{kind: 'w', text: foldAccents.Replace(s[i:j]), space: space})
			i, space = j, false
		case unicode.IsSpace(r):
			i, space = i+size, true
		default:
			toks = append(toks, dateToken{kind: 'p', text: s[i : i+size], space: space})
			i, space = i+size, false
		}
	}
	return toks
}

func (p *dateParts) num(i, minLen, maxLen int) (int, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].used || p.toks[i].kind != 'n' {
		return 0, false
	}
	t := p.toks[i].text
	if len(t) < minLen || len(t) > maxLen {
		return 0, false
	}
	n, err := strconv.Atoi(t)
	return n, err == nil
}

func (p *dateParts) is(i int, text string) bool {
	return i >= 0 && i < len(p.toks) && !p.toks[i].used && p.toks[i].text == text
}

func (p *dateParts) use(from, to int) {
	for i := from; i < to && i < len(p.toks); i++ {
		p.toks[i].used = true
	}
}

// readTime finds the time of day: h:mm[:ss[.fff]] or 10h30, then am/pm;
// or the compact ISO 8601 form 20240312T101500.
func (p *dateParts) readTime() {
	for i := range p.toks {
		if hh, ok := p.num(i, 1, 2); ok {
			sep := i + 1
			if !p.is(sep, ":") && !p.is(sep, "h") {
				continue
			}
			mm, ok := p.num(i+2, 2, 2)
			if !ok {
				continue
			}
			p.hour, p.minute, p.hasTime = hh, mm, true
			j := i + 3
			if p.is(sep, ":") && p.is(j, ":") {
				if ss, ok := p.num(j+1, 2, 2); ok {
					p.second, j = ss, j+2
					if (p.is(j, ".") || p.is(j, ",")) && j+1 < len(p.toks) && p.toks[j+1].kind == 'n' && !p.toks[j+1].space {
						p.nsec, j = int(fractionNanos(p.toks[j+1].text)), j+2
					}
				}
			}
			if p.is(j, "am") || p.is(j, "pm") {
				p.meridiem, j = p.toks[j].text, j+1
			}
			p.use(i, j)
			p.timeEnd = j
			return
		}
		// 20240312T101500: date, "t", time.
		if date, ok := p.num(i, 8, 8); ok && p.is(i+1, "t") {
			clock := p.toks[min(i+2, len(p.toks)-1)].text
			if _, ok := p.num(i+2, 4, 6); ok && len(clock)%2 == 0 {
				p.year, p.month, p.day, p.hasDate = date/10000, date/100%100, date%100, true
				p.hour, _ = strconv.Atoi(clock[0:2])
				p.minute, _ = strconv.Atoi(clock[2:4])
				if len(clock) == 6 {
					p.second, _ = strconv.Atoi(clock[4:6])
				}
				p.hasTime = true
				p.use(i, i+3)
				p.timeEnd = i + 3
				return
			}
		}
	}
}

// readZone finds the time zone: an abbreviation anywhere, or a numeric
// offset right after the time (or after GMT/UTC, or standing apart). The
// first zone wins, except that GMT+2 is read as +02:00; a later one is a
// stray suffix ("-05:00Z", "+0000 GMT") and is passed over.
func (p *dateParts) readZone() {
	for i := range p.toks {
		t := &p.toks[i]
		if t.used {
			continue
		}
		if t.kind == 'w' {
			if offset, ok := zoneOffsets[t.text]; ok {
				if !p.hasOffset && p.loc == nil {
					p.offset, p.hasOffset = offset, true
					p.offsetIsUTCWord = offset == 0
				}
				t.used = true
			} else if region, ok := zoneRegions[t.text]; ok && p.hasTime {
				if loc := loadZone(region); loc != nil && !p.hasOffset && p.loc == nil {
					p.loc = loc
				}
				t.used = true
			}
			continue
		}
		if !p.hasTime || i < p.timeEnd || (t.text != "+" && t.text != "-") {
			continue
		}
		afterTime := i == p.timeEnd || (i == p.timeEnd+1 && isSign(p.toks[p.timeEnd].text)) // "--0700"
		afterUTCWord := i > 0 && p.toks[i-1].kind == 'w' && p.toks[i-1].used && p.offsetIsUTCWord
		if !afterTime && !afterUTCWord && !t.space {
			continue
		}
		offset, end, ok := p.offsetAt(i)
		if !ok {
			continue
		}
		if !p.hasOffset || p.offsetIsUTCWord {
			p.offset, p.hasOffset, p.offsetIsUTCWord = offset, true, false
		}
		p.use(i, end)
	}
}

// offsetAt reads a numeric offset whose sign is at i: +hhmm, +hh:mm, +hh
// or +h. It returns the offset in seconds and the index after it.
func (p *dateParts) offsetAt(i int) (offset, end int, ok bool) {
	sign := 1
	if p.toks[i].text == "-" {
		sign = -1
	}
	digits := ""
	if i+1 < len(p.toks) && p.toks[i+1].kind == 'n' {
		digits = p.toks[i+1].text
	}
	var hh, mm int
	end = i + 2
	switch len(digits) {
	case 4, 3:
		hh, _ = strconv.Atoi(digits[:len(digits)-2])
		mm, _ = strconv.Atoi(digits[len(digits)-2:])
	case 1, 2:
		hh, _ = strconv.Atoi(digits)
		if m, ok := p.num(i+3, 2, 2); ok && p.is(i+2, ":") {
			mm, end = m, i+4
		}
	default:
		return 0, 0, false
	}
	if hh > 14 || mm > 59 {
		return 0, 0, false
	}
	return sign * (hh*3600 + mm*60), end, true
}

// readDate finds the calendar date among the tokens the time and zone
// left: year-month-day, day.month.year or month/day/year, or a month name
// with the day and year beside it. Any word left that is not a weekday or
// a filler makes the text not a date.
func (p *dateParts) readDate() error {
	if !p.hasDate {
		p.readNumericDate()
	}
	month, err := p.readMonthName()
	if err != nil {
		return err
	}
	var nums []string
	for i := range p.toks {
		if t := &p.toks[i]; !t.used && t.kind == 'n' {
			nums = append(nums, t.text)
			t.used = true
		}
	}
	switch {
	case p.hasDate:
		if month != 0 || len(nums) > 0 {
			return errBadDate // a second date, or numbers that are no part of one
		}
	case month != 0 && len(nums) == 2:
		p.month = int(month)
		dayFirst := len(nums[0]) <= 2 && (len(nums[1]) == 4 || len(nums[1]) == 2)
		yearFirst := len(nums[0]) == 4 && len(nums[1]) <= 2
		switch {
		case dayFirst:
			p.day, _ = strconv.Atoi(nums[0])
			p.year = fullYear(nums[1])
		case yearFirst:
			p.year, _ = strconv.Atoi(nums[0])
			p.day, _ = strconv.Atoi(nums[1])
		default:
			return errBadDate
		}
		p.hasDate = true
	default:
		return errBadDate
	}
	return nil
}

// readNumericDate reads 2024-03-12 (also with slashes or dots),
// 12.03.2024, 03/30/2020 and 20240312. With slashes the month comes first
// (03/04/2020 is March 4), with dots and dashes the day, unless a number
// above 12 says otherwise. Two-digit years are read after slashes and dots
// (12/03/24, 12.03.24) but not after dashes, where 20-04-10 could as well
// be year first.
func (p *dateParts) readNumericDate() {
	for i := range p.toks {
		if y, ok := p.num(i, 4, 4); ok {
			sep := i + 1
			if sep < len(p.toks) && isDateSep(p.toks[sep].text) && p.is(i+3, p.toks[sep].text) {
				m, ok1 := p.num(i+2, 1, 2)
				d, ok2 := p.num(i+4, 1, 2)
				if ok1 && ok2 {
					p.year, p.month, p.day, p.hasDate = y, m, d, true
					p.use(i, i+5)
					return
				}
			}
		}
		if a, ok := p.num(i, 1, 2); ok {
			sep := i + 1
			if sep >= len(p.toks) || !isDateSep(p.toks[sep].text) || !p.is(i+3, p.toks[sep].text) {
				continue
			}
			b, ok1 := p.num(i+2, 1, 2)
			if !ok1 || i+4 >= len(p.toks) {
				continue
			}
			yearText := p.toks[i+4].text
			if _, ok := p.num(i+4, 2, 4); !ok || len(yearText) == 3 {
				continue
			}
			if len(yearText) == 2 && p.toks[sep].text == "-" {
				continue // 20-04-10 may be year first or last: not a date to guess
			}
			monthFirst := p.toks[sep].text == "/"
			switch {
			case a > 12:
				monthFirst = false
			case b > 12:
				monthFirst = true
			}
			if monthFirst {
				a, b = b, a
			}
			p.day, p.month, p.year, p.hasDate = a, b, fullYear(yearText), true
			p.use(i, i+5)
			return
		}
		if n, ok := p.num(i, 8, 8); ok && (n/1000000 == 19 || n/1000000 == 20) {
			p.year, p.month, p.day, p.hasDate = n/10000, n/100%100, n%100, true
			p.use(i, i+1)
			return
		}
	}
}

// readMonthName reads the words left: a month name (0 if none), weekdays
// and fillers, which it passes over. "mar" is Tuesday in French, Spanish
// and Italian and March in most languages: with another month in the
// text it is the weekday, else the last one is the month.
func (p *dateParts) readMonthName() (time.Month, error) {
	var plain, ambiguous []int
	for i := range p.toks {
		t := &p.toks[i]
		if t.used || t.kind != 'w' {
			continue
		}
		_, isMonth := monthByName[t.text]
		switch {
		case isMonth && weekdayByName[t.text]:
			ambiguous = append(ambiguous, i)
		case isMonth:
			plain = append(plain, i)
		case dateFillers[t.text] || weekdayByName[t.text]:
			t.used = true
		default:
			return 0, errBadDate // a word that is no part of a date
		}
	}
	var chosen int
	switch {
	case len(plain) > 1:
		return 0, errBadDate
	case len(plain) == 1:
		chosen = plain[0]
	case len(ambiguous) > 0:
		chosen = ambiguous[len(ambiguous)-1]
	default:
		return 0, nil
	}
	p.use(chosen, chosen+1)
	for _, i := range ambiguous {
		p.toks[i].used = true
	}
	return monthByName[p.toks[chosen].text], nil
}

// zoneFromRemark takes the zone from a parenthesised remark when the date
// has none of its own: "(CET)", "[Europe/Paris]".
func (p *dateParts) zoneFromRemark(remark string) {
	if name := ianaZone.FindString(remark); name != "" {
		if loc := loadZone(name); loc != nil {
			p.loc = loc
			return
		}
	}
	if offset, ok := zoneOffsets[strings.ToLower(remark)]; ok {
		p.offset, p.hasOffset = offset, true
	}
}

// build checks the parts and makes the time: in the IANA zone or at the
// offset given, else in UTC.
func (p *dateParts) build() (time.Time, error) {
	if !p.hasDate {
		return time.Time{}, errBadDate
	}
	hour := p.hour
	switch p.meridiem {
	case "am", "pm":
		if hour < 1 || hour > 12 {
			return time.Time{}, errBadDate
		}
		hour %= 12
		if p.meridiem == "pm" {
			hour += 12
		}
	}
	if p.month < 1 || p.month > 12 || p.day < 1 || hour > 23 || p.minute > 59 || p.second > 60 {
		return time.Time{}, errBadDate
	}
	loc := time.UTC
	switch {
	case p.hasOffset:
		loc = time.FixedZone("", p.offset)
	case p.loc != nil:
		loc = p.loc
	}
	t := time.Date(p.year, time.Month(p.month), p.day, hour, p.minute, min(p.second, 59), p.nsec, loc)
	if t.Day() != p.day {
		return time.Time{}, errBadDate // 31 April and the like
	}
	return t, nil
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

func isDateSep(s string) bool { return s == "-" || s == "/" || s == "." }

func isSign(s string) bool { return s == "+" || s == "-" }

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
