// Package cron reads the one schedule grammar of newsdigest, used by the
// configuration file and the chat schedule command alike: five fields
// (minute hour day-of-month month day-of-week) or a descriptor such as
// @daily, read in an IANA time zone given apart from the expression.
package cron

import (
	"errors"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // IANA zones inside the binary, for scratch images
)

// ErrInvalid is returned for a cron expression or time zone that cannot be used.
var ErrInvalid = errors.New("invalid schedule")

// SyntaxError says what is wrong with an expression; it matches ErrInvalid.
type SyntaxError struct {
	Expr   string
	Reason string // e.g. `is not a valid cron expression: hour 25 is out of range 0-23`
}

// Error names the expression and what is wrong with it.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s: %q %s", ErrInvalid, e.Expr, e.Reason)
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *SyntaxError) Is(target error) bool { return target == ErrInvalid }

// maxCronSearch bounds the search for the next run: a valid expression such
// as "0 0 29 2 1" (29 February on a Monday) can be years away.
const maxCronSearch = 30 * 366

// Expr is a parsed cron expression in a time zone.
type Expr struct {
	expr                     string
	minute, hour, dom, month uint64 // bit i set: value i matches
	dow                      uint64 // bit 0 is Sunday
	domStar, dowStar         bool   // the field was "*": see dayMatches
	loc                      *time.Location
}

// descriptors are the named schedules, as the five fields they stand for.
var descriptors = map[string]string{
	"@yearly":   "0 0 1 1 *",
	"@annually": "0 0 1 1 *",
	"@monthly":  "0 0 1 * *",
	"@weekly":   "0 0 * * 0",
	"@daily":    "0 0 * * *",
	"@midnight": "0 0 * * *",
	"@hourly":   "0 * * * *",
}

// Parse parses a 5-field cron expression (or @hourly, @daily, @midnight,
// @weekly, @monthly, @yearly, @annually) to be read in the IANA time zone tz
// ("" means UTC). It refuses "Local", which would mean different times on
// different machines, and an expression that never fires (31 February).
func Parse(expr, tz string) (Expr, error) {
	expr = strings.TrimSpace(expr)
	c, err := parseFields(expr)
	if err != nil {
		return Expr{}, err
	}
	if c.loc, err = location(tz); err != nil {
		return Expr{}, err
	}
	if _, err := c.Next(time.Now()); err != nil {
		return Expr{}, err
	}
	return c, nil
}

// location loads an IANA zone by name.
func location(tz string) (*time.Location, error) {
	if tz == "" {
		return time.UTC, nil
	}
	if tz == "Local" {
		return nil, fmt.Errorf("%w: the time zone \"Local\" differs from machine to machine; name one like Europe/Berlin", ErrInvalid)
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, fmt.Errorf("%w: unknown time zone %q (use an IANA name like Europe/Berlin)", ErrInvalid, tz)
	}
	return loc, nil
}

// String returns the expression as given.
func (c Expr) String() string { return c.expr }

// Location returns the zone the expression is read in.
func (c Expr) Location() *time.Location { return c.loc }
