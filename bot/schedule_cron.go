package bot

import (
	"errors"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // IANA zones inside the binary, for scratch images

	"github.com/robfig/cron/v3"
)

// ErrBadCron is returned for a cron expression or time zone that cannot be used.
var ErrBadCron = errors.New("invalid schedule")

// cronParser reads the usual 5 fields (minute hour day-of-month month
// day-of-week) and descriptors such as @daily.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// starBit marks a field written as "*" (robfig/cron's convention), which
// changes how day-of-month and day-of-week combine.
const starBit = 1 << 63

// maxCronSearch bounds the search for the next run: a valid expression such
// as "0 0 29 2 1" (29 February on a Monday) can be years away.
const maxCronSearch = 30 * 366

// Cron is a parsed 5-field cron expression in a time zone.
type Cron struct {
	expr string
	spec *cron.SpecSchedule
	loc  *time.Location
}

// ParseCron parses a 5-field cron expression (or @hourly, @daily, @weekly,
// @monthly, @yearly) to be read in the IANA time zone tz ("" means UTC).
func ParseCron(expr, tz string) (Cron, error) {
	expr = strings.TrimSpace(expr)
	if expr == "" {
		return Cron{}, fmt.Errorf("%w: empty cron expression", ErrBadCron)
	}
	if strings.HasPrefix(expr, "TZ=") || strings.HasPrefix(expr, "CRON_TZ=") {
		return Cron{}, fmt.Errorf("%w: give the time zone separately, not in %q", ErrBadCron, expr)
	}
	if tz == "" {
		tz = "UTC"
	}
	loc, err := time.LoadLocation(tz)
	if tz == "Local" {
		// The server's own zone: not one the channel chose, and it moves
		// when the bot does. The config refuses it too.
		err = errors.New("the server's local zone")
	}
	if err != nil {
		return Cron{}, fmt.Errorf("%w: unknown time zone %q (use an IANA name like Europe/Berlin)", ErrBadCron, tz)
	}
	sched, err := cronParser.Parse(expr)
	if err != nil {
		return Cron{}, fmt.Errorf("%w: %q: %v (want 5 fields: minute hour day-of-month month day-of-week)", ErrBadCron, expr, err)
	}
	spec, ok := sched.(*cron.SpecSchedule)
	if !ok {
		return Cron{}, fmt.Errorf("%w: %q is not a calendar schedule", ErrBadCron, expr)
	}
	c := Cron{expr: expr, spec: spec, loc: loc}
	if _, err := c.Next(time.Now()); err != nil {
		return Cron{}, err
	}
	return c, nil
}

// String returns the expression as given.
func (c Cron) String() string { return c.expr }

// Location returns the zone the expression is read in.
func (c Cron) Location() *time.Location { return c.loc }

// Next returns the first run after the instant after. Runs are local
// wall-clock times: each matching local time fires exactly once. A time
// that does not exist because the clocks jump forward fires at the instant
// the jump lands on (02:30 becomes 03:30); a time that happens twice because
// the clocks go back fires only the first time.
func (c Cron) Next(after time.Time) (time.Time, error) {
	if c.spec == nil {
		return time.Time{}, fmt.Errorf("%w: no expression", ErrBadCron)
	}
	after = after.In(c.loc)
	from := wall(after).Truncate(time.Minute).Add(time.Minute)
	day := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	for range maxCronSearch {
		if c.dayMatches(day) {
			for h := range 24 {
				if c.spec.Hour&(1<<uint(h)) == 0 {
					continue
				}
				for m := range 60 {
					if c.spec.Minute&(1<<uint(m)) == 0 {
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
	return time.Time{}, fmt.Errorf("%w: %q never fires", ErrBadCron, c.expr)
}

// dayMatches applies cron's day rule: when either day field is "*", both
// must match; otherwise either may.
func (c Cron) dayMatches(day time.Time) bool {
	if c.spec.Month&(1<<uint(day.Month())) == 0 {
		return false
	}
	dom := c.spec.Dom&(1<<uint(day.Day())) != 0
	dow := c.spec.Dow&(1<<uint(day.Weekday())) != 0
	if c.spec.Dom&starBit != 0 || c.spec.Dow&starBit != 0 {
		return dom && dow
	}
	return dom || dow
}

// instant returns the earliest instant whose local wall clock reads w, or,
// when w falls into a gap, the instant the gap ends on.
func (c Cron) instant(w time.Time) time.Time {
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

// NextRun parses expr in zone tz and returns its first run after after.
func NextRun(expr, tz string, after time.Time) (time.Time, error) {
	c, err := ParseCron(expr, tz)
	if err != nil {
		return time.Time{}, err
	}
	return c.Next(after)
}
