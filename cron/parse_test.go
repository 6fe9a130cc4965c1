package cron

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestGrammar pins what each form means by the first runs after a fixed
// instant (Sunday 2026-03-01 00:00 UTC).
func TestGrammar(t *testing.T) {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 3, day, hour, minute, 0, 0, time.UTC) }
	for _, tt := range []struct {
		expr string
		want []time.Time
	}{
		{"0 8 * * *", []time.Time{at(1, 8, 0), at(2, 8, 0)}},
		{"@daily", []time.Time{at(2, 0, 0), at(3, 0, 0)}},
		{"@midnight", []time.Time{at(2, 0, 0), at(3, 0, 0)}},
		{"@HOURLY", []time.Time{at(1, 1, 0), at(1, 2, 0)}},
		{"@weekly", []time.Time{at(8, 0, 0), at(15, 0, 0)}},
		{"@monthly", []time.Time{time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}},
		{"@yearly", []time.Time{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"*/20 9 * * *", []time.Time{at(1, 9, 0), at(1, 9, 20), at(1, 9, 40), at(2, 9, 0)}},
		{"15/20 9 * * *", []time.Time{at(1, 9, 15), at(1, 9, 35), at(1, 9, 55), at(2, 9, 15)}},
		{"0 9-17/4 * * *", []time.Time{at(1, 9, 0), at(1, 13, 0), at(1, 17, 0), at(2, 9, 0)}},
		{"30 7 * * 1-5", []time.Time{at(2, 7, 30), at(3, 7, 30)}},
		{"30 7 * * MON-fri", []time.Time{at(2, 7, 30), at(3, 7, 30)}},
		{"0 12 * * 7", []time.Time{at(1, 12, 0), at(8, 12, 0)}},
		{"0 12 * * sun,wed", []time.Time{at(1, 12, 0), at(4, 12, 0), at(8, 12, 0)}},
		{"0 6 1,15 * *", []time.Time{at(1, 6, 0), at(15, 6, 0)}},
		// Both day fields restricted: either may match (Vixie cron's rule).
		{"0 6 10 * 1", []time.Time{at(2, 6, 0), at(9, 6, 0), at(10, 6, 0), at(16, 6, 0)}},
		{"0 0 1 apr ?", []time.Time{time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}},
	} {
		t.Run(tt.expr, func(t *testing.T) {
			c, err := Parse(tt.expr, "UTC")
			if err != nil {
				t.Fatal(err)
			}
			next := start
			for i, want := range tt.want {
				if next, err = c.Next(next); err != nil || !next.Equal(want) {
					t.Fatalf("run %d = %v (%v), want %v", i+1, next, err, want)
				}
			}
		})
	}
}

func TestParseReasons(t *testing.T) {
	for _, tt := range []struct{ expr, tz, reason string }{
		{"", "UTC", "is empty"},
		{"0 8 * *", "UTC", "has 4 fields"},
		{"0 0 8 * * *", "UTC", "has 6 fields"},
		{"0 25 * * *", "UTC", "hour 25 is out of range 0-23"},
		{"0 8 * * 8", "UTC", "day-of-week 8 is out of range 0-7"},
		{"0 8 0 * *", "UTC", "day-of-month 0 is out of range 1-31"},
		{"0 8 * smarch *", "UTC", `month "smarch" is not a number`},
		{"5-2 * * * *", "UTC", `minute range "5-2" runs backwards`},
		{"*/0 * * * *", "UTC", `minute step "0" is not a positive number`},
		{"@every 5m", "UTC", "is not a known descriptor"},
		{"@fortnightly", "UTC", "is not a known descriptor"},
		{"TZ=UTC 0 8 * * *", "UTC", "give the time zone separately"},
		{"0 0 31 2 *", "UTC", "never fires"},
		{"0 8 * * *", "Local", `"Local" differs from machine to machine`},
		{"0 8 * * *", "Europe/Atlantis", "unknown time zone"},
	} {
		_, err := Parse(tt.expr, tt.tz)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("Parse(%q, %q) = %v, want ErrInvalid saying %q", tt.expr, tt.tz, err, tt.reason)
		}
	}
	var se *SyntaxError
	if _, err := Parse("0 25 * * *", ""); !errors.As(err, &se) || !strings.HasPrefix(se.Reason, "is not a valid cron expression") {
		t.Errorf("a bad field: %v, want a *SyntaxError whose reason the config can quote", err)
	}
}
