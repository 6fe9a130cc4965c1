package framing

import (
	"strings"
	"unicode/utf8"
)

// cueNames are the human names of cue types, in the order Line shows them.
var cueNames = []struct{ typ, name string }{
	{NameCalling, "name-calling"}, {AppealToFear, "fear appeal"}, {RhetoricalQuestion, "rhetorical question"},
	{GlitteringGenerality, "praise words"}, {AnonymousSource, "anonymous source"},
	{HistoricalAnalogy, "historical analogy"}, {LoadedLanguage, "loaded language"},
	{Exaggeration, "exaggeration"}, {Doubt, "doubt"}, {Hedge, "hedge"},
}

// maxLineCues is how many cue types Line quotes.
const maxLineCues = 3

// Line is the one-line framing description the digest shows for an article, e.g.
// "opinion · criticises Donald Trump, Vladimir Putin · Security and defense · tone anti · name-calling «…», fear appeal «…»".
func (l Labels) Line() string {
	var parts []string
	if l.Genre.Label != "" {
		parts = append(parts, l.Genre.Label)
	}
	var crit, praise []string
	for _, a := range l.Actors {
		name := a.Name
		if a.Voice == VoiceQuoted {
			name += " (quoted)"
		}
		switch a.Stance {
		case Negative:
			crit = append(crit, name)
		case Positive:
			praise = append(praise, name)
		}
	}
	var st []string
	if len(crit) > 0 {
		st = append(st, "criticises "+strings.Join(crit, ", "))
	}
	if len(praise) > 0 {
		st = append(st, "praises "+strings.Join(praise, ", "))
	}
	if len(st) > 0 {
		parts = append(parts, strings.Join(st, "; "))
	}
	if len(l.Frames) > 0 {
		parts = append(parts, strings.ReplaceAll(l.Frames[0].Name, "_", " "))
	}
	if l.Tone != "" {
		parts = append(parts, "tone "+l.Tone)
	}
	var cs []string
	for _, cn := range cueNames {
		if len(cs) == maxLineCues {
			break
		}
		for _, c := range l.Cues {
			if c.Type == cn.typ {
				cs = append(cs, cn.name+" «"+shorten(c.Text, 60)+"»")
				break
			}
		}
	}
	if len(cs) > 0 {
		parts = append(parts, strings.Join(cs, ", "))
	}
	return strings.Join(parts, " · ")
}

// shorten cuts s to at most n runes at a word boundary, marking the cut with "…".
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
