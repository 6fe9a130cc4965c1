package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// mostlyLowerCaseRef is mostlyLowerCase without the ASCII path and the
// early answer: the definition the fast version must agree with.
func mostlyLowerCaseRef(s string) bool {
	if len(s) > 8000 {
		s = s[:8000]
	}
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 20 && upper*200 < letters
}

func TestMostlyLowerCase(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"ordinary prose", "The council met on Monday. It voted to close the bridge.", false},
		{"lower-cased corpus", strings.Repeat("the council met on monday . it voted to close the bridge . ", 20), true},
		{"one capital in a long lower text", "A" + strings.Repeat(" lower case words here", 30), true},
		{"too few letters", "a b c d", false},
		{"non-ASCII capitals", strings.Repeat("été à l'école ", 10) + "École Été", false},
		{"non-ASCII lower", strings.Repeat("été à l'école ", 30), true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mostlyLowerCase(tt.s); got != tt.want {
				t.Errorf("mostlyLowerCase = %v, want %v", got, tt.want)
			}
			if ref := mostlyLowerCaseRef(tt.s); ref != tt.want {
				t.Errorf("reference = %v, want %v", ref, tt.want)
			}
		})
	}
	// Random texts around the threshold, where the early answer matters.
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", "Z", "É", "é", " ", ".", "ß", "\xff", "1", "Ω", "ω", "\n"}
	for range 1500 {
		var b strings.Builder
		size := rng.IntN(9000)
		caps := rng.IntN(400) + 1
		for b.Len() < size {
			p := pieces[rng.IntN(len(pieces))]
			if (p == "Z" || p == "É" || p == "Ω") && rng.IntN(caps) != 0 {
				p = "x"
			}
			b.WriteString(p)
		}
		if s := b.String(); mostlyLowerCase(s) != mostlyLowerCaseRef(s) {
			t.Fatalf("mostlyLowerCase(%d bytes) = %v, reference %v", len(s), mostlyLowerCase(s), mostlyLowerCaseRef(s))
		}
	}
}
