package feed

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

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
	// The regular expressions are the slow part: run each only when the
	// character it needs is there.
	if strings.IndexByte(s, '/') >= 0 {
		if m := ianaZone.FindStringIndex(s); m != nil {
			if loc := loadZone(s[m[0]:m[1]]); loc != nil {
				p.loc = loc
				s = s[:m[0]] + " " + s[m[1]:]
			}
		}
	}
	var remark string
	if strings.ContainsAny(s, "([") {
		s = dateGroup.ReplaceAllStringFunc(s, func(g string) string {
			if remark == "" {
				remark = strings.TrimSpace(g[1 : len(g)-1])
			}
			return " "
		})
	}
	s = strings.ToLower(s)
	if strings.Contains(s, "a.") || strings.Contains(s, "p.") {
		s = meridiemDots.ReplaceAllString(s, "${1}m")
	}
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
			word := s[i:j]
			if !isASCII(word) {
				word = foldAccents.Replace(word)
			}
			toks = append(toks, dateToken{kind: 'w', text: word, space: space})
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

func isDateSep(s string) bool { return s == "-" || s == "/" || s == "." }

func isSign(s string) bool { return s == "+" || s == "-" }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
