package bot

import (
	"context"
	"errors"
)

// Poster posts a message to a channel and returns the platform's ids of the
// posts it made (one message may become several posts). deliveryID is an
// idempotency key: a Poster that is given the same deliveryID twice must not
// post twice where its platform offers a way to tell (Discord nonce, Slack
// message metadata).
type Poster interface {
	Post(ctx context.Context, ch Channel, deliveryID string, m Message) ([]string, error)
}

// ErrPermanent marks a posting error that retrying cannot fix: the channel
// was deleted, the bot was removed or lacks permission. Posters wrap it
// (fmt.Errorf("...: %w", bot.ErrPermanent)) or return an error with a
// Permanent() bool method.
var ErrPermanent = errors.New("permanent platform error")

// IsPermanent reports whether err says retrying cannot help.
func IsPermanent(err error) bool {
	if errors.Is(err, ErrPermanent) {
		return true
	}
	var p interface{ Permanent() bool }
	return errors.As(err, &p) && p.Permanent()
}
