package bot

import "context"

// Poster posts a message to a channel and returns the platform's ids of the
// posts it made (one message may become several posts). deliveryID is an
// idempotency key: a Poster that is given the same deliveryID twice must not
// post twice where its platform offers a way to tell (Discord nonce, Slack
// message metadata).
type Poster interface {
	Post(ctx context.Context, ch Channel, deliveryID string, m Message) ([]string, error)
}
