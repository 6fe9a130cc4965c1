package cluster

import (
	"slices"
	"testing"

	"github.com/newsdigest/newsdigest/digest/text"
)

// TestNamesSkipHeadingLines: in a line written in Title Case or capitals
// every word has a capital, so none of them counts as a name; in running
// text a capital away from the start of a sentence does.
func TestNamesSkipHeadingLines(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		names    []string // words that must count as names
		notNames []string // words that must not
	}{
		{"title case line", "Overnight Fire Destroys Historic Creamery Building\nThe creamery in Orrin burned down, Marta Velez said.",
			[]string{"orrin", "marta", "velez"}, []string{"destroys", "historic", "creamery", "building"}},
		{"capitals", "HARBOUR BOARD SACKS DIRECTOR\nThe board of Tallis harbour voted on Monday.",
			[]string{"tallis"}, []string{"harbour", "board", "sacks", "director"}},
		{"sentence full of names", "Tallis Harbour Board chairman Ivo Brandt fired director Lena Ruiz after the vote.",
			[]string{"harbour", "board", "ivo", "brandt", "lena", "ruiz"}, nil},
		{"title case after a blank line", "Storm warning\n\nCoastal Towns Brace For Gales\nResidents of Pell stocked up.",
			[]string{"pell"}, []string{"coastal", "towns", "brace", "gales"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tz := newTermizer()
			_, names := tz.terms(Doc{Text: tt.text})
			key := func(w string) uint32 {
				k, ok := tz.key(text.Token{Text: w})
				if !ok {
					t.Fatalf("%q is not a term", w)
				}
				return k
			}
			for _, w := range tt.names {
				if !slices.Contains(names, key(w)) {
					t.Errorf("%q is not a name", w)
				}
			}
			for _, w := range tt.notNames {
				if slices.Contains(names, key(w)) {
					t.Errorf("%q counts as a name", w)
				}
			}
		})
	}
}

// FuzzTerms checks that any text gives sorted, distinct term keys with
// positive weights, and names and headline terms among them.
func FuzzTerms(f *testing.F) {
	f.Add("Title Case Line", "Title Case Line\nA sentence with Names in it.\n\nANOTHER ONE\n")
	f.Add("", "\n\n  \xff Ünïcode Wörds\n\tx")
	f.Fuzz(func(t *testing.T, title, body string) {
		v, names, headline := newTermizer().termsAndHeadline(Doc{Title: title, Text: body})
		if !slices.IsSorted(v.keys) || len(slices.Compact(slices.Clone(v.keys))) != len(v.keys) || len(v.vals) != len(v.keys) {
			t.Fatalf("keys not sorted and distinct: %v", v.keys)
		}
		for _, w := range v.vals {
			if !(w > 0) {
				t.Fatalf("weight %v", w)
			}
		}
		for _, list := range [][]uint32{names, headline} {
			for _, k := range list {
				if _, ok := slices.BinarySearch(v.keys, k); !ok {
					t.Fatalf("key %d is not a term", k)
				}
			}
		}
	})
}
