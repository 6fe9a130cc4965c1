package cron

import (
	"fmt"
	"strconv"
	"strings"
)

// field is one of the five positions of an expression.
type field struct {
	name     string
	min, max int
	names    []string // names[i] stands for min+i ("jan" is 1); nil: numbers only
}

var (
	months   = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	weekdays = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

	minuteField = field{name: "minute", min: 0, max: 59}
	hourField   = field{name: "hour", min: 0, max: 23}
	domField    = field{name: "day-of-month", min: 1, max: 31}
	monthField  = field{name: "month", min: 1, max: 12, names: months}
	// Day-of-week takes 7 for Sunday too, as most crons do.
	dowField = field{name: "day-of-week", min: 0, max: 7, names: weekdays}
)

// fieldsHelp ends the reason of a malformed expression.
const fieldsHelp = "a schedule has 5 fields: minute hour day-of-month month day-of-week, e.g. \"0 8 * * 1-5\", or one of @hourly, @daily, @weekly, @monthly, @yearly"

// parseFields reads the expression without its time zone.
func parseFields(expr string) (Expr, error) {
	bad := func(format string, args ...any) error {
		return &SyntaxError{Expr: expr, Reason: fmt.Sprintf(format, args...)}
	}
	if expr == "" {
		return Expr{}, bad("is empty; %s", fieldsHelp)
	}
	if strings.HasPrefix(expr, "TZ=") || strings.HasPrefix(expr, "CRON_TZ=") {
		return Expr{}, bad("names its time zone inside; give the time zone separately")
	}
	fields := strings.Fields(expr)
	if strings.HasPrefix(expr, "@") {
		five, ok := descriptors[strings.ToLower(expr)]
		if !ok {
			return Expr{}, bad("is not a known descriptor; %s", fieldsHelp)
		}
		fields = strings.Fields(five)
	}
	if len(fields) != 5 {
		return Expr{}, bad("has %d fields; %s", len(fields), fieldsHelp)
	}
	c := Expr{expr: expr}
	var err error
	set := []struct {
		bits *uint64
		star *bool
		f    field
	}{{&c.minute, nil, minuteField}, {&c.hour, nil, hourField}, {&c.dom, &c.domStar, domField}, {&c.month, nil, monthField}, {&c.dow, &c.dowStar, dowField}}
	for i, s := range set {
		var star bool
		if *s.bits, star, err = s.f.parse(fields[i]); err != nil {
			return Expr{}, bad("is not a valid cron expression: %v", err)
		}
		if s.star != nil {
			*s.star = star
		}
	}
	if c.dow&(1<<7) != 0 { // 7 is Sunday
		c.dow = c.dow&^(1<<7) | 1
	}
	return c, nil
}

// parse reads one field: a comma-separated list of *, ?, N, N-M, each with
// an optional /STEP (N/STEP runs from N to the field's end). star reports a
// field that is exactly "*" or "?", which changes how the two day fields
// combine.
func (f field) parse(s string) (bits uint64, star bool, err error) {
	if s == "*" || s == "?" {
		star = true
	}
	for item := range strings.SplitSeq(s, ",") {
		b, err := f.parseItem(item)
		if err != nil {
			return 0, false, err
		}
		bits |= b
	}
	return bits, star, nil
}

// parseItem reads one list item.
func (f field) parseItem(item string) (uint64, error) {
	span, stepText, hasStep := strings.Cut(item, "/")
	step := 1
	if hasStep {
		n, err := strconv.Atoi(stepText)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("%s step %q is not a positive number", f.name, stepText)
		}
		step = n
	}
	var lo, hi int
	switch {
	case span == "*" || span == "?":
		lo, hi = f.min, f.max
		if f.name == dowField.name {
			hi = 6 // 7 would repeat Sunday
		}
	case strings.Contains(span, "-"):
		a, b, _ := strings.Cut(span, "-")
		var err error
		if lo, err = f.value(a); err != nil {
			return 0, err
		}
		if hi, err = f.value(b); err != nil {
			return 0, err
		}
		if lo > hi {
			return 0, fmt.Errorf("%s range %q runs backwards", f.name, span)
		}
	default:
		v, err := f.value(span)
		if err != nil {
			return 0, err
		}
		lo, hi = v, v
		if hasStep {
			hi = f.max
		}
	}
	var bits uint64
	for v := lo; v <= hi; v += step {
		bits |= 1 << uint(v)
	}
	return bits, nil
}

// value reads a number or, where the field has them, a name (jan, mon).
func (f field) value(s string) (int, error) {
	for i, n := range f.names {
		if strings.EqualFold(s, n) {
			return f.min + i, nil
		}
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%s %q is not a number", f.name, s)
	}
	if v < f.min || v > f.max {
		return 0, fmt.Errorf("%s %d is out of range %d-%d", f.name, v, f.min, f.max)
	}
	return v, nil
}
