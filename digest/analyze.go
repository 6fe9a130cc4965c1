package digest

import (
	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/summarize"
	"github.com/newsdigest/newsdigest/digest/text"
)

// SummarySentences is how many sentences an article summary has at most.
const SummarySentences = 3

// Analyze summarises one article and labels its framing. It does no I/O; all
// offsets in the result are byte offsets into a.Text.
//
// Framing labels are English-only: an article detected as written in another
// language is summarised and keeps the genre its feed's signals give (a
// /opinion/ URL is one in any language), but gets no actors, frames, tone or
// cues. The summary leaves out sentences that carry partisan cues, teaser
// lines, newsletter labels and quotations without a named speaker.
func Analyze(a Article) Analysis {
	an := Analysis{Title: a.Title, Language: text.Language(a.Title + "\n" + a.Text)}
	signals := framing.Signals{
		Declared: a.Genre, URL: a.URL, Title: a.Title, Categories: a.Categories,
		Author: a.Author, Outlet: a.Source, FeedTitle: a.FeedTitle,
	}
	if !English(an.Language) {
		an.Labels = framing.Labels{Actors: []framing.Actor{}, Frames: []framing.Frame{}, Cues: []framing.Cue{}}
		if g, ok := framing.GenreFromSignals(signals); ok {
			an.Genre = g
		}
		an.Summary = summarize.Article(a.Title, a.Text, SummarySentences)
		return an
	}
	an.Labels = framing.AnalyzeWith(a.Title, a.Text, signals)
	an.Summary = summarize.Article(a.Title, a.Text, SummarySentences, avoidRanges(a.Text, an.Cues, an.QuotedCues)...)
	return an
}

// English reports whether a detected language gets framing labels: English,
// or a text too short to tell ("").
func English(lang string) bool { return lang == "" || lang == "en" }
