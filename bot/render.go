package bot

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
)

// DigestMessage renders a digest as a message: one section per story with
// its outlets, summary, and one framing line per article.
func DigestMessage(title string, d digest.Digest) Message {
	m := Message{Title: title}
	period := periodText(d)
	if len(d.Stories) == 0 {
		m.Text = "Nothing new " + period + "."
		return m
	}
	m.Text = fmt.Sprintf("%d %s %s.", len(d.Stories), plural(len(d.Stories), "story", "stories"), period)
	for _, s := range d.Stories {
		m.Sections = append(m.Sections, StorySection(s))
	}
	return m
}

// periodText says which period a digest covers.
func periodText(d digest.Digest) string {
	if d.Since.IsZero() {
		return "up to " + d.Until.Format("Mon 2 Jan 15:04 MST")
	}
	return "from " + d.Since.Format("Mon 2 Jan 15:04") + " to " + d.Until.Format("Mon 2 Jan 15:04 MST")
}

// StorySection renders one story.
func StorySection(s digest.Story) Section {
	sec := Section{
		Heading: s.Title,
		Balance: balance(s.Coverage),
		Update:  s.Update,
	}
	if len(s.Articles) > 0 {
		sec.URL = s.Articles[0].URL
	}
	var b strings.Builder
	b.WriteString("Covered by " + strings.Join(s.Outlets, ", ") + coverageNote(s) + ".\n")
	if s.OpinionOnly {
		b.WriteString("Opinion pieces only, no news report yet; what they argue:\n")
	}
	for i, sent := range s.Summary {
		b.WriteString(sent)
		if (len(s.Outlets) > 1 || s.OpinionOnly) && i < len(s.SummarySources) && len(s.SummarySources[i]) > 0 {
			b.WriteString(" (" + strings.Join(s.SummarySources[i], ", ") + ")")
		}
		b.WriteString("\n")
	}
	for _, ex := range s.OnlyIn {
		b.WriteString("Only " + ex.Source + ": " + ex.Text + "\n")
	}
	if s.Blindspot {
		b.WriteString("Blindspot: " + s.BlindspotNote + ".\n")
	}
	sec.Text = strings.TrimSpace(b.String())
	for _, a := range s.Articles {
		name := a.Source
		if a.DuplicateOf != "" {
			name += " (republishes " + a.DuplicateOf + ")"
		}
		sec.Fields = append(sec.Fields, Field{Name: name, Value: a.Line, URL: a.URL})
	}
	id := strconv.FormatInt(s.ID, 10)
	if len(s.Articles) > 1 {
		sec.Actions = append(sec.Actions, Action{ID: "compare", Label: "Compare framings", Value: id})
	}
	sec.Actions = append(sec.Actions, Action{ID: "sources", Label: "Sources", Value: id})
	return sec
}

// coverageNote lists the operator's lean labels behind a story, if any.
func coverageNote(s digest.Story) string {
	var leans []string
	for lean, n := range s.Coverage {
		if lean != "unrated" {
			leans = append(leans, fmt.Sprintf("%s %d", lean, n))
		}
	}
	if len(leans) == 0 {
		return ""
	}
	sort.Strings(leans)
	return " (operator-rated lean: " + strings.Join(leans, ", ") + ")"
}

// balance summarises coverage by side for the adapters' colour choice.
func balance(coverage map[string]int) string {
	left, right, center := 0, 0, 0
	for lean, n := range coverage {
		l := strings.ToLower(lean)
		switch {
		case strings.Contains(l, "left"):
			left += n
		case strings.Contains(l, "right"):
			right += n
		case l == "center" || l == "centre":
			center += n
		}
	}
	switch {
	case left > 0 && right > 0:
		return "balanced"
	case left > 0:
		return "left"
	case right > 0:
		return "right"
	case center > 0:
		return "center"
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
