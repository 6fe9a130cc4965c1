package feed

import (
	"testing"
	"time"
)

func utc(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}

// issueDateFormats are the date formats issue 15 lists as found in real
// feeds, one invented example each, with the instant it must be read as
// (so the time zone is checked, not only the wall clock).
var issueDateFormats = []struct {
	format, in string
	want       time.Time
}{
	{"space for T, colon in offset", "2025-10-23 04:07:42 +00:00", utc(2025, 10, 23, 4, 7, 42)},
	{"no seconds", "9 Dec 2016 12:00 GMT", utc(2016, 12, 9, 12, 0, 0)},
	{"no time zone means UTC", "2024-05-06 17:45:10", utc(2024, 5, 6, 17, 45, 10)},
	{"12-hour clock 3:09pm", "October 23, 2025 3:09pm", utc(2025, 10, 23, 15, 9, 0)},
	{"12-hour clock 10:57 a.m.", "Oct. 23, 2025, 10:57 a.m. EDT", utc(2025, 10, 23, 14, 57, 0)},
	{"German weekday and month", "Di, 12 Mär 2024 10:00:00 +0100", utc(2024, 3, 12, 9, 0, 0)},
	{"French weekday and month", "mer., 3 avr. 2024 08:00:00 +0200", utc(2024, 4, 3, 6, 0, 0)},
	{"Spanish", "lunes, 5 de febrero de 2024 10:00 CET", utc(2024, 2, 5, 9, 0, 0)},
	{"Italian", "mar, 12 mar 2024 18:30:00 +0100", utc(2024, 3, 12, 17, 30, 0)},
	{"Dutch", "di 12 mrt 2024 07:15:00 +0100", utc(2024, 3, 12, 6, 15, 0)},
	{"Portuguese", "ter, 12 março 2024 09:00:00 -0300", utc(2024, 3, 12, 12, 0, 0)},
	{"numeric with slashes", "03/30/2020 - 19:19", utc(2020, 3, 30, 19, 19, 0)},
	{"Unix timestamp", "1700000000", utc(2023, 11, 14, 22, 13, 20)},
	{"zone abbreviation EST", "Mon, 06 Jan 2025 08:00:00 EST", utc(2025, 1, 6, 13, 0, 0)},
	{"zone abbreviation EDT", "Mon, 07 Jul 2025 08:00:00 EDT", utc(2025, 7, 7, 12, 0, 0)},
	{"zone abbreviation CEST", "Mon, 07 Jul 2025 08:00:00 CEST", utc(2025, 7, 7, 6, 0, 0)},
	{"IANA zone name", "2024-03-12 10:00:00 Europe/Brussels", utc(2024, 3, 12, 9, 0, 0)},
	{"stray suffix after the offset", "2024-03-12T10:00:00-05:00Z", utc(2024, 3, 12, 15, 0, 0)},
	{"12-hour clock with a zone (1:55 PM EST)", "Tue, 14 Jan 2025 1:55 PM EST", utc(2025, 1, 14, 18, 55, 0)},
}

// TestIssueDateFormats is the evidence for the issue's date count: each
// listed format, read with the time zone right.
func TestIssueDateFormats(t *testing.T) {
	read := 0
	for _, tt := range issueDateFormats {
		got, err := parseDate(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%s: parseDate(%q) = %v, %v; want %v", tt.format, tt.in, got.UTC(), err, tt.want)
			continue
		}
		read++
	}
	t.Logf("read %d of %d listed date formats with the time zone right", read, len(issueDateFormats))
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		// RFC 822/1123 and RFC 3339, and their usual variations.
		{"Tue, 03 Jun 2003 09:39:21 GMT", utc(2003, 6, 3, 9, 39, 21)},
		{"Tue, 3 Jun 2003 09:39:21 +0200", utc(2003, 6, 3, 7, 39, 21)},
		{"Tue, 03 Jun 03 09:39:21 GMT", utc(2003, 6, 3, 9, 39, 21)},
		{"2026-02-27T08:30:00+01:00", utc(2026, 2, 27, 7, 30, 0)},
		{"2026-02-27T08:30:00.123456Z", time.Date(2026, 2, 27, 8, 30, 0, 123456000, time.UTC)},
		{"2026-02-27T08:30:00+0100", utc(2026, 2, 27, 7, 30, 0)},
		{"2026-02-27T08:30", utc(2026, 2, 27, 8, 30, 0)},
		{"2026-02-27", utc(2026, 2, 27, 0, 0, 0)},
		{"20260227T083000Z", utc(2026, 2, 27, 8, 30, 0)},
		{"Tue, 03 Jun 2003 09:39:21 -0700 MST", utc(2003, 6, 3, 16, 39, 21)},
		{"Tue, 03 Jun 2003 09:39:21 +0000 (UTC)", utc(2003, 6, 3, 9, 39, 21)},
		{"Tue, 03 Jun 2003 09:39:21 --0700", utc(2003, 6, 3, 16, 39, 21)},
		// JavaScript's Date.toString and Java's ZonedDateTime.
		{"Tue Mar 12 2024 10:00:00 GMT+0100 (Central European Standard Time)", utc(2024, 3, 12, 9, 0, 0)},
		{"2024-03-12T10:00:00[Europe/Paris]", utc(2024, 3, 12, 9, 0, 0)},
		{"Tue, 12 Mar 2024 10:00:00 (CET)", utc(2024, 3, 12, 9, 0, 0)},
		// Offsets written as GMT+h, zones named by region.
		{"12 Mar 2024 10:00 GMT+2", utc(2024, 3, 12, 8, 0, 0)},
		{"12 Mar 2024 10:00 UTC-05:30", utc(2024, 3, 12, 15, 30, 0)},
		{"July 4, 2025 9:00 AM ET", utc(2025, 7, 4, 13, 0, 0)},
		{"January 4, 2025 9:00 AM ET", utc(2025, 1, 4, 14, 0, 0)},
		{"2025-07-04 09:00 America/Argentina/Buenos_Aires", utc(2025, 7, 4, 12, 0, 0)},
		{"2025-07-04 09:00 Asia/Kolkata", utc(2025, 7, 4, 3, 30, 0)},
		{"2025-07-04 09:00 IST", utc(2025, 7, 4, 3, 30, 0)},
		// 12-hour clocks.
		{"March 12th, 2024 at 12:05 AM", utc(2024, 3, 12, 0, 5, 0)},
		{"March 12th, 2024 at 12:05 p.m.", utc(2024, 3, 12, 12, 5, 0)},
		{"12/03/2024 9:41pm PST", utc(2024, 12, 4, 5, 41, 0)},
		// Other languages, full names and abbreviations.
		{"Dienstag, 12. März 2024, 10:00 Uhr MEZ", utc(2024, 3, 12, 9, 0, 0)},
		{"am 1. Okt. 2024 um 14:30", utc(2024, 10, 1, 14, 30, 0)},
		{"jeudi 1er février 2024 10h30", utc(2024, 2, 1, 10, 30, 0)},
		{"sam., 17 août 2024 22:05:00 +0200", utc(2024, 8, 17, 20, 5, 0)},
		{"miércoles, 3 de diciembre de 2025 19:00", utc(2025, 12, 3, 19, 0, 0)},
		{"giovedì 9 gennaio 2025 alle ore 11:00", utc(2025, 1, 9, 11, 0, 0)},
		{"vr 5 sep 2025 16:45 CEST", utc(2025, 9, 5, 14, 45, 0)},
		{"zo, 3 mei 2026 07:00:00 +0200", utc(2026, 5, 3, 5, 0, 0)},
		{"segunda-feira, 2 de junho de 2025 08:00 BRT", utc(2025, 6, 2, 11, 0, 0)},
		{"qui, 5 fev 2026 13:00:00 -0300", utc(2026, 2, 5, 16, 0, 0)},
		// Numeric dates.
		{"12.03.2024 10:00", utc(2024, 3, 12, 10, 0, 0)},
		{"30/03/2020 19:19", utc(2020, 3, 30, 19, 19, 0)},
		{"2020/03/30 19:19:05", utc(2020, 3, 30, 19, 19, 5)},
		{"03/04/2020", utc(2020, 3, 4, 0, 0, 0)},
		{"04-03-2020 08:00", utc(2020, 3, 4, 8, 0, 0)},
		// Unix timestamps in seconds and milliseconds.
		{"1700000000.5", time.Date(2023, 11, 14, 22, 13, 20, 500000000, time.UTC)},
		{"1700000000123", time.Date(2023, 11, 14, 22, 13, 20, 123000000, time.UTC)},
		// A stray Z after a zone, and stray words dateparse knows.
		{"Tue, 12 Mar 2024 10:00:00 +0100 Z", utc(2024, 3, 12, 9, 0, 0)},
		{"2014年04月08日", utc(2014, 4, 8, 0, 0, 0)},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got.UTC(), err, tt.want)
		}
	}
}

func TestParseDateRefuses(t *testing.T) {
	for _, in := range []string{
		"", "not a date", "yesterday", "12:00", "1:55 PM EST", "March 2024 10:00 XYZ", "31 Apr 2024",
		"2024-13-01", "25:00 12 Mar 2024", "Mon, 12 Mar 2024 10:00 Mars/Olympus", "13:00 pm 12 Mar 2024",
		"2024", "12345", "Mar 12", "12 Mar 2024 10:00 Foo/Bar",
		"Tue, 12 Mar 2024 10:00:00 XST", // an abbreviation dateparse would read as UTC
		"20-04-10T05:00:00+00:00",       // year first or last?
	} {
		if got, err := parseDate(in); err == nil {
			t.Errorf("parseDate(%q) = %v, want an error", in, got)
		}
	}
}

func TestReadDatePlausible(t *testing.T) {
	now := utc(2026, 3, 1, 12, 0, 0)
	tests := []struct {
		in   string
		ok   bool
		want time.Time
	}{
		{"Sun, 01 Mar 2026 08:00:00 GMT", true, utc(2026, 3, 1, 8, 0, 0)},
		{"Mon, 02 Mar 2026 11:00:00 GMT", true, utc(2026, 3, 2, 11, 0, 0)}, // within a day ahead: clocks are off
		{"Tue, 03 Mar 2026 08:00:00 GMT", false, time.Time{}},              // beyond: dropped, not clamped
		{"0001-01-01T00:00:00Z", false, time.Time{}},
		{"1970-01-01T00:00:00Z", false, time.Time{}},
		{"bad", false, time.Time{}},
	}
	for _, tt := range tests {
		got, ok := readDate(tt.in, now)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("readDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("readDate(%q) location %v, want UTC", tt.in, got.Location())
		}
	}
}

func TestMonthTable(t *testing.T) {
	tests := map[string]time.Month{
		"jan": time.January, "janv": time.January, "jan.": 0, "fev": time.February, "mar": time.March,
		"mrz": time.March, "mrt": time.March, "avr": time.April, "mai": time.May, "mag": time.May,
		"jui": 0, "juin": time.June, "juil": time.July, "ago": time.August, "sept": time.September,
		"set": time.September, "okt": time.October, "out": time.October, "dez": time.December, "dic": time.December,
	}
	for word, want := range tests {
		if got := monthByName[word]; got != want {
			t.Errorf("monthByName[%q] = %v, want %v", word, got, want)
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{
		"Tue, 03 Jun 2003 09:39:21 +0000",     // the fast path
		"Tue, 03 Jun 2003 09:39:21 GMT",       // the fast path
		"2026-02-27T08:30:00+01:00",           // the fast path
		"Tue, 3 Jun 2003 09:39:21 GMT",        // RFC 822 with a one-digit day
		"Di, 12 Mär 2024 10:00:00 +0100",      // another language
		"Oct. 23, 2025, 10:57 a.m. EDT",       // 12-hour clock, abbreviation
		"2024-03-12 10:00:00 Europe/Brussels", // IANA zone
	}
	for _, in := range inputs {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseDate(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
