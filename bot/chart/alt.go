package chart

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest"
)

// MaxAlt bounds the alt text: Discord allows 1,024 characters for an
// attachment's description, and a screen reader user wants the gist.
const MaxAlt = 1000

// AltText says in words what the chart shows, for screen readers and for
// chat apps that do not load the picture.
func AltText(stories []digest.Story) string {
	if len(stories) == 0 {
		return "Coverage by outlet lean: no stories."
	}
	var b strings.Builder
	b.WriteString("Coverage by outlet lean, as the operator labelled the feeds.")
	for i, s := range stories {
		line := " " + strconv.Itoa(i+1) + ". " + oneLine(s.Title) + ": " + strings.Replace(countsText(Split(s.Coverage)), "  (", " (", 1) + "."
		if s.Blindspot {
			line += " Blindspot: " + oneLine(s.BlindspotNote) + "."
		}
		rest := ""
		if i+1 < len(stories) {
			rest = " And " + strconv.Itoa(len(stories)-i-1) + " more."
		}
		if utf8.RuneCountInString(b.String()+line+rest) > MaxAlt {
			b.WriteString(" And " + strconv.Itoa(len(stories)-i) + " more.")
			break
		}
		b.WriteString(line)
	}
	return b.String()
}
