package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are abbreviations that precede a name, so a period after them
// never ends a sentence ("Dr. Smith", "Gov. Newsom").
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cpl": true,
	"adm": true, "maj": true, "st": true, "pres": true, "gens": true, "rev": true, "hon": true,
	"supt": true, "det": true, "insp": true, "amb": true, "atty": true, "mt": true, "ft": true,
	"reps": true, "sens": true, "messrs": true,
	"v": true, // a case name: "Roe v. Wade"
}

// abbreviations end in a period that usually does not end a sentence, but may
// ("... Acme Inc. The company said").
var abbreviations = map[string]bool{
	"jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "vs": true,
	"etc": true, "e.g": true, "i.e": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true,
	"dec": true, "no": true, "nos": true, "approx": true, "est": true, "dept": true, "univ": true,
	"assn": true, "bros": true, "ave": true, "blvd": true, "rd": true, "fig": true, "vol": true,
	"op": true, "cf": true, "al": true, "p": true, "pp": true, "mins": true, "hrs": true,
	"min": true, "sec": true, "mon": true, "tue": true, "tues": true, "wed": true, "thu": true,
	"thurs": true, "fri": true, "sat": true, "sun": true, "a.m": true, "p.m": true,
}

type abbrevKind int

const (
	abbrevNone    abbrevKind = iota
	abbrevTitle              // precedes a name: never ends a sentence
	abbrevInitial            // a single capital or dotted initials: "W.", "B.B.", "U.S."
	abbrevOther              // usually mid-sentence, may end one
)

// abbreviationKind classifies the word that ends before (the text up to a
// period).
func abbreviationKind(before string) abbrevKind {
	k := len(before)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= size
	}
	raw := strings.TrimLeft(before[k:], ".")
	if raw == "" {
		return abbrevNone
	}
	word := strings.ToLower(raw)
	switch {
	case titles[word]:
		return abbrevTitle
	case abbreviations[word]:
		return abbrevOther
	case isInitials(raw):
		return abbrevInitial
	}
	return abbrevNone
}

// isInitials reports whether w is one capital letter or letters separated by
// periods ("U.S", "B.B", "j.p").
func isInitials(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	letters := 0
	prevLetter := false
	for _, r := range w {
		if r == '.' {
			if !prevLetter {
				return false
			}
			prevLetter = false
			continue
		}
		if !unicode.IsLetter(r) || prevLetter {
			return false
		}
		prevLetter = true
		letters++
	}
	return letters >= 2 && strings.Contains(w, ".")
}
