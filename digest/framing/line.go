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
// "opinion · criticises Ann Lee; praises Bo Kim · Security and defense · tone anti · name-calling «…» in the headline, fear appeal «…»".
// It shows only what the labels hold with confidence: the outlet's own
// stances and its own cues (headline first); quoted cues are left out.
func (l Labels) Line() string {
	var parts []string
	if l.Genre.Label != "" {
		parts = append(parts, l.Genre.Label)
	}
	if st := stanceLine(l.Actors); st != "" {
		parts = append(parts, st)
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
				where := ""
				if c.Field == FieldTitle {
					where = " in the headline"
				}
				cs = append(cs, cn.name+" «"+shorten(c.Text, 60)+"»"+where)
				break
			}
		}
	}
	if len(cs) > 0 {
		parts = append(parts, strings.Join(cs, ", "))
	}
	return strings.Join(parts, " · ")
}

// stanceLine describes the outlet's stances: "criticises A, B; praises C".
func stanceLine(actors []Actor) string {
	var crit, praise []string
	for _, a := range actors {
		if a.Voice == VoiceQuoted {
			continue // a speaker's stance, not the outlet's
		}
		switch a.Stance {
		case Negative:
			crit = append(crit, a.Name)
		case Positive:
			praise = append(praise, a.Name)
		}
	}
	var st []string
	if len(crit) > 0 {
		st = append(st, "criticises "+strings.Join(crit, ", "))
	}
	if len(praise) > 0 {
		st = append(st, "praises "+strings.Join(praise, ", "))
	}
	return strings.Join(st, "; ")
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
