package digest

import (
	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/summarize"
)

// SummarySentences is how many sentences an article summary has at most.
const SummarySentences = 3

// Analyze summarises one article and labels its framing. It does no I/O; all
// offsets in the result are byte offsets into a.Text.
func Analyze(a Article) Analysis {
	return Analysis{
		Title:   a.Title,
		Summary: summarize.Article(a.Title, a.Text, SummarySentences),
		Labels: framing.AnalyzeWith(a.Title, a.Text, framing.Signals{
			Declared: a.Genre, URL: a.URL, Title: a.Title, Categories: a.Categories,
			Author: a.Author, Outlet: a.Source, FeedTitle: a.FeedTitle,
		}),
	}
}
