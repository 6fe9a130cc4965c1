package cron

import (
	"errors"
	"testing"
	"time"
)

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// runs lists every run of expr in zone from start up to end.
func runs(t *testing.T, expr, zone string, start, end time.Time) []time.Time {
	t.Helper()
	c, err := Parse(expr, zone)
	if err != nil {
		t.Fatal(err)
	}
	var out []time.Time
	for at := start; ; {
		next, err := c.Next(at)
		if err != nil {
			t.Fatal(err)
		}
		if !next.Before(end) {
			return out
		}
		if !next.After(at) {
			t.Fatalf("Next(%v) = %v does not move forward", at, next)
		}
		out = append(out, next)
		at = next
	}
}

func TestCronAcrossBerlinDST(t *testing.T) {
	loc := berlin(t)
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name       string
		expr       string
		start, end time.Time
		want       []string // instants in UTC
	}{
		{
			name:  "spring forward: 02:30 does not exist and fires once at 03:30 CEST",
			expr:  "30 2 * * *",
			start: time.Date(2026, 3, 27, 12, 0, 0, 0, loc),
			end:   time.Date(2026, 3, 31, 12, 0, 0, 0, loc),
			want:  []string{"2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z"},
		},
		{
			name:  "fall back: 02:30 happens twice and fires only the first time",
			expr:  "30 2 * * *",
			start: time.Date(2026, 10, 23, 12, 0, 0, 0, loc),
			end:   time.Date(2026, 10, 27, 12, 0, 0, 0, loc),
			want:  []string{"2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z", "2026-10-27T01:30:00Z"},
		},
		{
			name:  "morning digest keeps its local time across spring",
			expr:  "0 8 * * *",
			start: time.Date(2026, 3, 28, 0, 0, 0, 0, loc),
			end:   time.Date(2026, 3, 31, 0, 0, 0, 0, loc),
			want:  []string{"2026-03-28T07:00:00Z", "2026-03-29T06:00:00Z", "2026-03-30T06:00:00Z"},
		},
		{
			name:  "morning digest keeps its local time across autumn",
			expr:  "0 8 * * *",
			start: time.Date(2026, 10, 24, 0, 0, 0, 0, loc),
			end:   time.Date(2026, 10, 27, 0, 0, 0, 0, loc),
			want:  []string{"2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z", "2026-10-26T07:00:00Z"},
		},
		{
			name:  "weekday mornings skip the weekend",
			expr:  "15 7 * * 1-5",
			start: time.Date(2026, 3, 26, 12, 0, 0, 0, loc),
			end:   time.Date(2026, 3, 31, 12, 0, 0, 0, loc),
			want:  []string{"2026-03-27T06:15:00Z", "2026-03-30T05:15:00Z", "2026-03-31T05:15:00Z"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runs(t, tt.expr, "Europe/Berlin", tt.start, tt.end)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d runs %v, want %v", len(got), got, tt.want)
			}
			for i, w := range tt.want {
				if !got[i].Equal(utc(w)) {
					t.Errorf("run %d = %v, want %s", i, got[i].UTC(), w)
				}
			}
		})
	}
}

// TestCronHourlyOnDSTDays: an hourly schedule fires once per local hour
// on both change days: 23 runs when an hour is missing (its run merges into
// 03:00), 24 when an hour repeats (the repeat does not fire again).
func TestCronHourlyOnDSTDays(t *testing.T) {
	loc := berlin(t)
	for _, tt := range []struct {
		day  time.Time
		want int
	}{
		{time.Date(2026, 3, 29, 0, 0, 0, 0, loc), 23},
		{time.Date(2026, 10, 25, 0, 0, 0, 0, loc), 24},
		{time.Date(2026, 6, 1, 0, 0, 0, 0, loc), 24},
	} {
		got := runs(t, "0 * * * *", "Europe/Berlin", tt.day.Add(-time.Minute), tt.day.AddDate(0, 0, 1).Add(-time.Minute))
		seen := map[int]bool{}
		for _, r := range got {
			h := r.In(loc).Hour()
			if seen[h] {
				t.Errorf("%s: local hour %d fired twice", tt.day.Format(time.DateOnly), h)
			}
			seen[h] = true
		}
		if len(got) != tt.want {
			t.Errorf("%s: %d runs, want %d: %v", tt.day.Format(time.DateOnly), len(got), tt.want, got)
		}
	}
}

func TestParseCronErrors(t *testing.T) {
	for _, tt := range []struct{ expr, tz string }{
		{"", "UTC"},
		{"* * * *", "UTC"},
		{"0 8 * * * *", "UTC"},
		{"61 8 * * *", "UTC"},
		{"0 8 * * *", "Mars/Olympus"},
		{"@every 5m", "UTC"},
		{"CRON_TZ=Europe/Berlin 0 8 * * *", "UTC"},
		{"0 0 31 2 *", "UTC"},
	} {
		if _, err := Parse(tt.expr, tt.tz); !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%q, %q) = %v, want ErrInvalid", tt.expr, tt.tz, err)
		}
	}
	if _, err := Parse("@daily", ""); err != nil {
		t.Errorf("@daily: %v", err)
	}
}

func BenchmarkCronNext(b *testing.B) {
	c, err := Parse("30 8 * * 1-5", "Europe/Berlin")
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		next, err := c.Next(at)
		if err != nil {
			b.Fatal(err)
		}
		at = next
	}
}

// FuzzParseCron: expressions typed in chat never panic, and whatever
// parses yields runs that move forward.
func FuzzParseCron(f *testing.F) {
	for _, s := range []string{"0 8 * * *", "*/15 9-17 * * 1-5", "@daily", "30 2 29 2 *", "0 0 1,15 * MON", "a b c d e", "0 8 * * * *", "5-2 * * * *", "*/0 * * * *"} {
		f.Add(s, "Europe/Berlin")
	}
	f.Add("0 8 * * *", "America/St_Johns")
	f.Fuzz(func(t *testing.T, expr, zone string) {
		c, err := Parse(expr, zone)
		if err != nil {
			return
		}
		at := time.Date(2026, 10, 24, 23, 0, 0, 0, time.UTC)
		for range 3 {
			next, err := c.Next(at)
			if err != nil {
				return
			}
			if !next.After(at) {
				t.Fatalf("%q in %q: Next(%v) = %v", expr, zone, at, next)
			}
			at = next
		}
	})
}
