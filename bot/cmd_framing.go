package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/store"
)

// framing analyses one article: the stored analysis when we have seen it,
// else the page fetched and extracted now.
func (h *Handler) framing(ctx context.Context, c Command) (Message, error) {
	raw := strings.TrimSpace(c.Args["url"])
	u, err := feed.ValidateURL(raw, false)
	if err != nil {
		return Message{}, asUser(err)
	}
	a, err := h.Store.ArticleByURL(ctx, feed.CanonicalURL(u.String()))
	var an digest.Analysis
	switch {
	case err == nil && a.Analysis != nil:
		an = *a.Analysis
	case err == nil || errors.Is(err, store.ErrNotFound):
		if h.Fetcher == nil {
			return Message{}, fmt.Errorf("fetching articles is not configured")
		}
		title, body, err := h.Fetcher.ExtractArticle(ctx, u.String())
		if err != nil {
			return Message{}, fmt.Errorf("could not read that page: %w", err)
		}
		an = digest.Analyze(digest.Article{URL: u.String(), Title: title, Text: body})
	default:
		return Message{}, fmt.Errorf("look up article: %w", err)
	}
	return AnalysisMessage(u.String(), an), nil
}

// AnalysisMessage renders one article's analysis.
func AnalysisMessage(url string, an digest.Analysis) Message {
	sec := Section{Heading: an.Title, URL: url, Text: strings.Join(an.Summary, " ")}
	sec.Fields = append(sec.Fields, Field{Name: "Genre", Value: fmt.Sprintf("%s (confidence %.0f%%)%s", an.Genre.Label, 100*an.Genre.Confidence, firstQuote(an.Genre.Evidence))})
	sec.Fields = append(sec.Fields, Field{Name: "Tone toward the event", Value: an.Tone})
	for _, a := range an.Actors {
		sec.Fields = append(sec.Fields, Field{Name: a.Name, Value: fmt.Sprintf("%s, %s voice, %d mentions%s", a.Stance, a.Voice, a.Mentions, firstQuote(a.Evidence))})
	}
	for _, f := range an.Frames {
		sec.Fields = append(sec.Fields, Field{Name: "Frame", Value: strings.ReplaceAll(f.Name, "_", " ") + firstQuote(f.Evidence)})
	}
	if len(an.Cues) > 0 {
		var cues []string
		for i, c := range an.Cues {
			if i == 10 {
				break
			}
			cues = append(cues, strings.ReplaceAll(c.Type, "_", " ")+": «"+c.Text+"»")
		}
		sec.Fields = append(sec.Fields, Field{Name: "Cues", Value: strings.Join(cues, "\n")})
	}
	return Message{Title: "Framing", Sections: []Section{sec}, Ephemeral: true}
}
