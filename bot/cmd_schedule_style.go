package bot

import (
	"context"

	"github.com/newsdigest/newsdigest/store"
)

// setStyle applies the style options of a schedule set command (max_stories,
// detail, image) and describes the result; "" when there were none.
func (h *Handler) setStyle(ctx context.Context, ch Channel, args map[string]string) (string, error) {
	present := false
	for _, k := range StyleArgs {
		present = present || args[k] != ""
	}
	if !present {
		return "", nil
	}
	if h.Styles == nil {
		return "", userErrorf("digest settings are not enabled on this bot")
	}
	cur, err := h.Styles.ChannelStyle(ctx, ch)
	if err != nil {
		return "", err
	}
	next, _, err := applyStyleArgs(cur, args)
	if err != nil {
		return "", err
	}
	if err := h.Styles.SetChannelStyle(ctx, ch, next); err != nil {
		return "", err
	}
	return describeStyle(next), nil
}

// styleText describes ch's digest style for schedule show.
func (h *Handler) styleText(ctx context.Context, ch Channel) (string, error) {
	s, err := h.channelStyle(ctx, ch)
	if err != nil {
		return "", err
	}
	return describeStyle(s), nil
}

// channelStyle is ch's digest style, the default without Styles.
func (h *Handler) channelStyle(ctx context.Context, ch Channel) (store.DigestStyle, error) {
	if h.Styles == nil || ch.ID == "" {
		return store.DigestStyle{}, nil
	}
	return h.Styles.ChannelStyle(ctx, ch)
}
