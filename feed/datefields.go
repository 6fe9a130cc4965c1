package feed

import (
	"strconv"
	"time"
)

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
