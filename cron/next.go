package cron

import (
	"fmt"
	"time"
)

// Next returns the first run after the instant after. Runs are local
// wall-clock times: each matching local time fires exactly once. A time
// that does not exist because the clocks jump forward fires at the instant
// the jump lands on (02:30 becomes 03:30); a time that happens twice because
// the clocks go back fires only the first time.
func (c Expr) Next(after time.Time) (time.Time, error) {
	if c.loc == nil {
		return time.Time{}, fmt.Errorf("%w: no expression", ErrInvalid)
	}
	after = after.In(c.loc)
	from := wall(after).Truncate(time.Minute).Add(time.Minute)
	day := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	for range maxCronSearch {
		if c.dayMatches(day) {
			for h := range 24 {
				if c.hour&(1<<uint(h)) == 0 {
					continue
				}
				for m := range 60 {
					if c.minute&(1<<uint(m)) == 0 {
						continue
					}
					w := day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
					if w.Before(from) {
						continue
					}
					if t := c.instant(w); t.After(after) {
						return t, nil
					}
				}
			}
		}
		day = day.AddDate(0, 0, 1)
	}
	return time.Time{}, fmt.Errorf("%w: %q never fires", ErrInvalid, c.expr)
}

// dayMatches applies cron's day rule: when either day field is "*", both
// must match; otherwise either may.
func (c Expr) dayMatches(day time.Time) bool {
	if c.month&(1<<uint(day.Month())) == 0 {
		return false
	}
	dom := c.dom&(1<<uint(day.Day())) != 0
	dow := c.dow&(1<<uint(day.Weekday())) != 0
	if c.domStar || c.dowStar {
		return dom && dow
	}
	return dom || dow
}

// instant returns the earliest instant whose local wall clock reads w, or,
// when w falls into a gap, the instant the gap ends on.
func (c Expr) instant(w time.Time) time.Time {
	t := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), 0, 0, c.loc)
	if !wall(t).Equal(w) {
		return t // in a gap: time.Date moved it past the jump
	}
	// Clocks that go back repeat an hour (or half an hour): prefer the first.
	for _, d := range []time.Duration{3 * time.Hour, 2 * time.Hour, time.Hour, 30 * time.Minute} {
		if u := t.Add(-d); wall(u).Equal(w) {
			return u
		}
	}
	return t
}

// wall returns t's local date and clock reading as a UTC time, so wall
// clocks compare without offsets.
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}
