package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsdigest/newsdigest/internal/urlrule"
	"github.com/newsdigest/newsdigest/store"
)

// why explains what happened to one article of this scope's or the
// operator's feeds: seen or not, when, in which story, and whether it can
// appear in a digest. Another server's articles are "not seen".
func (h *Handler) why(ctx context.Context, c Command) (Message, error) {
	u, err := urlrule.Parse(c.Args["url"], false)
	if err != nil {
		return Message{}, userErrorf("that is not an http(s) link to an article")
	}
	a, err := h.Store.ArticleByURL(ctx, c.Scope, urlrule.Canonical(u.String()))
	if errors.Is(err, store.ErrNotFound) {
		return Message{Text: "I have not seen " + u.String() + ". It is in a digest only if one of this channel's feeds lists it; check feeds list.", Ephemeral: true}, nil
	}
	if err != nil {
		return Message{}, fmt.Errorf("look up article: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Seen first at %s (feed #%d).", a.FirstSeenAt.UTC().Format("2006-01-02 15:04 MST"), a.FeedID)
	ids, err := h.feedIDs(ctx, c.Scope)
	if err != nil {
		return Message{}, err
	}
	followed := false
	for _, id := range ids {
		followed = followed || id == a.FeedID
	}
	if !followed {
		b.WriteString(" Its feed is not one this channel follows, so it is not in this channel's digests.")
	}
	switch {
	case a.Analysis == nil:
		b.WriteString(" It has not been analysed yet; it will be in the next digest.")
	case a.DuplicateOf != 0:
		fmt.Fprintf(&b, " It republishes article %d, so it is listed with that story rather than counted as separate coverage.", a.DuplicateOf)
	case a.StoryID != 0:
		fmt.Fprintf(&b, " It belongs to story %d.", a.StoryID)
	}
	if a.Backlog {
		b.WriteString(" It came with the feed's first fetch (its backlog), so live mode did not post it; scheduled digests include it.")
	}
	if a.Updated {
		b.WriteString(" It was edited after it first appeared; the edit updated it in place and was not posted again.")
	}
	return Message{Title: "Why: " + a.Title, Text: b.String(), Ephemeral: true}, nil
}
