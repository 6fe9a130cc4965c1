package feed

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Month and weekday names as feeds write them, in English, German, French,
// Spanish, Italian, Dutch and Portuguese, folded (lower case, accents
// removed). A month may be written as any prefix of three letters or more
// that names one month only ("sept", "févr", "mär"), or by an alias below.
var monthNames = map[time.Month][]string{
	time.January:   {"january", "januar", "janvier", "enero", "gennaio", "januari", "janeiro"},
	time.February:  {"february", "februar", "fevrier", "febrero", "febbraio", "februari", "fevereiro"},
	time.March:     {"march", "marz", "mars", "marzo", "maart", "marco"},
	time.April:     {"april", "avril", "abril", "aprile"},
	time.May:       {"may", "mai", "mayo", "maggio", "mei", "maio"},
	time.June:      {"june", "juni", "juin", "junio", "giugno", "junho"},
	time.July:      {"july", "juli", "juillet", "julio", "luglio", "julho"},
	time.August:    {"august", "aout", "agosto", "augustus"},
	time.September: {"september", "septembre", "septiembre", "setiembre", "settembre", "setembro"},
	time.October:   {"october", "oktober", "octobre", "octubre", "ottobre", "outubro"},
	time.November:  {"november", "novembre", "noviembre", "novembro"},
	time.December:  {"december", "dezember", "decembre", "diciembre", "dicembre", "dezembro"},
}

// monthAliases are abbreviations that are not prefixes of a full name.
var monthAliases = map[string]time.Month{
	"mrz": time.March, // German
	"mrt": time.March, // Dutch
}

// weekdayNames are the full weekday names; any prefix of two letters or
// more is read as a weekday, which a date does not need and is dropped.
var weekdayNames = []string{
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
	"lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica",
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
	"segunda", "terca", "quarta", "quinta", "sexta",
}

// dateFillers are words dates are written with that carry no part of the
// date: prepositions and articles ("5 de febrero", "am 12. März um 10
// Uhr", "March 12 at 3 PM"), ordinal suffixes ("12th", "1er", "1º") and
// the ISO "T".
var dateFillers = map[string]bool{
	"de": true, "del": true, "da": true, "do": true, "at": true, "on": true, "of": true, "the": true,
	"um": true, "am": true, "den": true, "le": true, "la": true, "el": true, "a": true, "as": true,
	"alle": true, "ore": true, "om": true, "uur": true, "uhr": true, "h": true, "hs": true, "hrs": true,
	"horas": true, "feira": true, "y": true, "st": true, "nd": true, "rd": true, "th": true, "er": true,
	"o": true, "t": true,
}

var (
	monthByName   = buildMonthTable()
	weekdayByName = buildWeekdayTable()
)

// buildMonthTable maps every prefix (three letters or more) of every
// month name to its month, leaving out prefixes two months share.
func buildMonthTable() map[string]time.Month {
	table := map[string]time.Month{}
	shared := map[string]bool{}
	for m, names := range monthNames {
		for _, name := range names {
			for n := 3; n <= utf8.RuneCountInString(name); n++ {
				p := string([]rune(name)[:n])
				if old, ok := table[p]; ok && old != m {
					shared[p] = true
				}
				table[p] = m
			}
		}
	}
	for p := range shared {
		delete(table, p)
	}
	for alias, m := range monthAliases {
		table[alias] = m
	}
	return table
}

func buildWeekdayTable() map[string]bool {
	table := map[string]bool{}
	for _, name := range weekdayNames {
		for n := 2; n <= utf8.RuneCountInString(name); n++ {
			table[string([]rune(name)[:n])] = true
		}
	}
	return table
}

// foldAccents lower-cases a word and removes the accents of the letters
// month and weekday names use.
var foldAccents = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ç", "c", "ñ", "n", "º", "o", "ª", "a",
)
