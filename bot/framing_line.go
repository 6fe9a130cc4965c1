package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/bot/chart"
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/framing"
)

// strongCues, strongest first, are the cues that make an outlet's framing
// stand out. Hedges and unnamed sources are left out: most news reports
// hedge a forecast or cite officials, so they set no outlet apart.
var strongCues = []struct{ typ, name string }{
	{framing.NameCalling, "name-calling"}, {framing.LoadedLanguage, "loaded language"},
	{framing.AppealToFear, "fear appeal"}, {framing.Exaggeration, "exaggeration"},
	{framing.GlitteringGenerality, "praise words"}, {framing.HistoricalAnalogy, "historical analogy"},
	{framing.RhetoricalQuestion, "rhetorical question"}, {framing.Doubt, "doubt"},
}

// framingQuote and framingHeadline bound the quotes of a framing line so
// that it stays one line on a phone in most cases.
const (
	framingQuote    = 60
	framingHeadline = 90
)

// frame is what sets an article's framing apart from a plain news report;
// the zero value is a plain report (reporting, neutral tone, no stance in
// the author's voice, no strong cue), which a brief digest does not print.
type frame struct {
	genre   string   // "" for reporting
	tone    string   // "" for neutral
	stances []string // "criticises X", "praises Y", in the author's voice
	cue     string   // the strongest cue, named and quoted
	cueType string
}

func frameOf(a digest.StoryArticle) frame {
	var f frame
	if a.Genre != "" && a.Genre != framing.Reporting {
		f.genre = a.Genre
	}
	if a.Tone != "" && a.Tone != framing.ToneNeutral {
		f.tone = "tone " + a.Tone
	}
	for _, ac := range a.Actors {
		if ac.Voice != framing.VoiceAuthor {
			continue
		}
		switch ac.Stance {
		case framing.Negative:
			f.stances = append(f.stances, "criticises "+ac.Name)
		case framing.Positive:
			f.stances = append(f.stances, "praises "+ac.Name)
		}
	}
	for _, sc := range strongCues {
		i := slices.IndexFunc(a.Cues, func(c framing.Cue) bool { return c.Type == sc.typ })
		if i >= 0 {
			f.cue = sc.name + " «" + shorten(a.Cues[i].Text, framingQuote) + "»"
			f.cueType = sc.typ
			break
		}
	}
	return f
}

// same reports whether two articles frame the story alike: same genre,
// tone and stances, and both with or both without a strong cue.
func (f frame) same(g frame) bool {
	return f.genre == g.genre && f.tone == g.tone && slices.Equal(f.stances, g.stances) && (f.cue == "") == (g.cue == "")
}

// FramingLine is the one line a brief digest shows about how a story's
// outlets frame it, or "" when they frame it alike. With outlets on both
// sides of the operator's lean labels it puts their headlines side by side
// ("Left: «…» · Right: «…»"); otherwise it names what sets one outlet
// apart ("Meridian Daily: opinion · name-calling «…»"). A story from one
// outlet gets a line only when that outlet's piece is not a news report.
func FramingLine(s digest.Story) string {
	var arts []digest.StoryArticle
	for _, a := range s.Articles {
		if a.DuplicateOf == "" {
			arts = append(arts, a)
		}
	}
	frames := make([]frame, len(arts))
	for i, a := range arts {
		frames[i] = frameOf(a)
	}
	switch len(arts) {
	case 0:
		return ""
	case 1:
		if frames[0].genre != "" {
			return arts[0].Source + ": " + frames[0].genre
		}
		return ""
	}
	alike := true
	for _, f := range frames[1:] {
		alike = alike && f.same(frames[0])
	}
	if alike {
		return ""
	}
	if line := headlinesSideBySide(arts, frames); line != "" {
		return line
	}
	return standsApart(arts, frames)
}

// headlinesSideBySide shows the headline of a left- and a right-labelled
// outlet, preferring on each side the one whose framing is least plain.
func headlinesSideBySide(arts []digest.StoryArticle, frames []frame) string {
	pick := func(side func(chart.Bucket) bool) int {
		best, bestScore := -1, -1
		for i, a := range arts {
			if a.Lean == "" || !side(chart.BucketOf(a.Lean)) {
				continue
			}
			if sc := frames[i].weight(); sc > bestScore {
				best, bestScore = i, sc
			}
		}
		return best
	}
	l := pick(func(b chart.Bucket) bool { return b == chart.Left || b == chart.CenterLeft })
	r := pick(func(b chart.Bucket) bool { return b == chart.Right || b == chart.CenterRight })
	if l < 0 || r < 0 {
		return ""
	}
	lt, rt := oneLineText(arts[l].Title), oneLineText(arts[r].Title)
	if lt == "" || rt == "" || strings.EqualFold(lt, rt) {
		return ""
	}
	return capitalise(arts[l].Lean) + ": «" + shorten(lt, framingHeadline) + "» · " +
		capitalise(arts[r].Lean) + ": «" + shorten(rt, framingHeadline) + "»"
}

// weight ranks how far an article's framing is from a plain report.
func (f frame) weight() int {
	w := 0
	if f.genre != "" {
		w += 4
	}
	if f.cue != "" {
		w += 3
	}
	w += 2 * len(f.stances)
	if f.tone != "" {
		w++
	}
	return w
}

// standsApart names the outlet whose framing the others do not share and
// what it is: only the labels no other outlet has.
func standsApart(arts []digest.StoryArticle, frames []frame) string {
	best, bestParts := -1, []string(nil)
	for i, f := range frames {
		var parts []string
		if f.genre != "" && !others(frames, i, func(g frame) bool { return g.genre == f.genre }) {
			parts = append(parts, f.genre)
		}
		for _, st := range f.stances {
			if !others(frames, i, func(g frame) bool { return slices.Contains(g.stances, st) }) {
				parts = append(parts, st)
				break
			}
		}
		if f.tone != "" && !others(frames, i, func(g frame) bool { return g.tone == f.tone }) {
			parts = append(parts, f.tone)
		}
		if f.cue != "" && !others(frames, i, func(g frame) bool { return g.cueType == f.cueType }) {
			parts = append(parts, f.cue)
		}
		if len(parts) > len(bestParts) {
			best, bestParts = i, parts
		}
	}
	if best < 0 {
		return ""
	}
	return arts[best].Source + ": " + strings.Join(bestParts, " · ")
}

// others reports whether any frame but frames[skip] satisfies ok.
func others(frames []frame, skip int, ok func(frame) bool) bool {
	for i, f := range frames {
		if i != skip && ok(f) {
			return true
		}
	}
	return false
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

func capitalise(s string) string {
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// shorten cuts s to at most n runes at a word boundary, marking the cut.
func shorten(s string, n int) string {
	s = oneLineText(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := string([]rune(s)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
