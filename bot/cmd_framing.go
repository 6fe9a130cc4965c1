package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/internal/urlrule"
	"github.com/newsdigest/newsdigest/store"
)

// framingNeedsPermission answers a member who asks about a page the bot has
// not stored for this server or workspace.
const framingNeedsPermission = "I have not seen that article in this server's or the operator's feeds. " +
	"Analysing a page I have not seen means fetching it for you, which needs the same permission as feeds add " +
	"(Manage Server on Discord, a workspace admin on Slack). Try an article from this channel's digests."

// framing analyses one article: the stored one when this scope (or the
// operator) has it, else, for a user who may manage feeds, the page
// fetched and extracted now.
func (h *Handler) framing(ctx context.Context, c Command) (Message, error) {
	u, err := urlrule.Parse(c.Args["url"], false)
	if err != nil {
		return Message{}, userErrorf("that is not an http(s) link to an article")
	}
	a, err := h.Store.ArticleByURL(ctx, c.Scope, urlrule.Canonical(u.String()))
	switch {
	case err == nil && a.Analysis != nil:
		return AnalysisMessage(u.String(), *a.Analysis), nil
	case err == nil:
		// Stored but not analysed yet: analyse the stored text rather than
		// fetch the page again.
		return AnalysisMessage(u.String(), digest.Analyze(a.Article)), nil
	case !errors.Is(err, store.ErrNotFound):
		return Message{}, fmt.Errorf("look up article: %w", err)
	}
	if !c.CanManage {
		return Message{Text: framingNeedsPermission, Ephemeral: true}, nil
	}
	f := h.fetcher(c)
	if f == nil {
		return Message{}, userErrorf("fetching articles is not configured on this bot")
	}
	title, body, err := f.ExtractArticle(ctx, u.String())
	if err != nil {
		return Message{}, userWrap("I could not read that page", err)
	}
	return AnalysisMessage(u.String(), digest.Analyze(digest.Article{URL: u.String(), Title: title, Text: body})), nil
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
