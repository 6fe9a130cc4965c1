package bot

import (
	"strconv"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
)

// detailQuotes bounds the quotes per article in the details of a brief
// digest: the framing line quotes its cues, these add the actors'.
const detailQuotes = 2

// DetailSections are the details behind a brief digest, one section per
// story: every article with its outlet (and the operator's lean label),
// headline, full framing line and the quotes it rests on. Slack posts them
// as one thread reply under the digest.
func DetailSections(stories []digest.Story) []Section {
	out := make([]Section, 0, len(stories))
	for i, s := range stories {
		sec := Section{Heading: strconv.Itoa(i+1) + ". " + s.Title, URL: bestReport(s).URL}
		for _, a := range s.Articles {
			name := a.Source
			if a.Lean != "" {
				name += " (" + a.Lean + ")"
			}
			if a.DuplicateOf != "" {
				name += ", republishes " + a.DuplicateOf
			}
			sec.Fields = append(sec.Fields, Field{Name: name, Value: detailLine(a), URL: a.URL})
		}
		out = append(out, sec)
	}
	return out
}

// detailLine is an article's headline, framing line and the quotes behind
// its stances.
func detailLine(a digest.StoryArticle) string {
	var b strings.Builder
	b.WriteString("«" + oneLineText(a.Title) + "»")
	if a.Line != "" {
		b.WriteString("\n" + a.Line)
	}
	quotes := 0
	for _, ac := range a.Actors {
		if quotes == detailQuotes || len(ac.Evidence) == 0 || ac.Stance == "" || ac.Stance == "neutral" {
			continue
		}
		b.WriteString("\n" + ac.Name + " (" + ac.Stance + ", " + ac.Voice + " voice): «" + shorten(ac.Evidence[0].Text, 140) + "»")
		quotes++
	}
	return b.String()
}
