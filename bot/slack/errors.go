package slack

import (
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// Errors Post and the repliers report for Slack's answers a person must act on.
var (
	// ErrNotInChannel: the app is not a member of the channel; invite it
	// with /invite @newsdigest (or grant chat:write.public).
	ErrNotInChannel = errors.New("slack: the app is not in this channel: invite it with /invite @newsdigest")
	// ErrChannelNotFound: the channel does not exist or the app cannot see it.
	ErrChannelNotFound = errors.New("slack: channel not found, or private and the app is not in it")
	// ErrMissingScope: the token lacks an OAuth scope; reinstall the app
	// with the scopes in docs/slack.md.
	ErrMissingScope = errors.New("slack: the bot token lacks a scope: reinstall the app with the scopes in docs/slack.md")
	// ErrRateLimited: Slack kept answering 429 after every retry.
	ErrRateLimited = errors.New("slack: rate limited")
	// ErrArchived: the channel is archived; nothing can be posted to it.
	ErrArchived = errors.New("slack: the channel is archived")
)

// permanent marks an error as one retrying cannot fix, for the outbox
// (errors.Is(err, bot.ErrPermanent)), without changing its message.
type permanent struct{ error }

func (p permanent) Unwrap() error        { return p.error }
func (p permanent) Is(target error) bool { return target == bot.ErrPermanent }
func markPermanent(err error) error      { return permanent{err} }

// rateLimited is the error of a post Slack kept refusing with 429; it
// tells the outbox how long Slack last asked us to wait.
type rateLimited struct {
	error
	wait time.Duration
}

func (r rateLimited) Unwrap() error             { return r.error }
func (r rateLimited) RetryAfter() time.Duration { return r.wait }

// classify wraps Slack's error codes that need a person in our sentinels,
// keeping Slack's own error in the chain.
func classify(err error) error {
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) {
		return err
	}
	switch se.Err {
	case "not_in_channel":
		return markPermanent(fmt.Errorf("%w (%w)", ErrNotInChannel, err))
	case "channel_not_found":
		return markPermanent(fmt.Errorf("%w (%w)", ErrChannelNotFound, err))
	case "is_archived":
		return markPermanent(fmt.Errorf("%w (%w)", ErrArchived, err))
	case "missing_scope":
		if se.Needed != "" {
			return fmt.Errorf("%w: needs %s (%w)", ErrMissingScope, se.Needed, err)
		}
		return fmt.Errorf("%w (%w)", ErrMissingScope, err)
	}
	return err
}

// transient reports whether err may go away when the call is repeated.
func transient(err error) bool {
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		return true
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		return sc.Code >= 500 || sc.Code == 429
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		switch se.Err {
		case "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited":
			return true
		}
		return false
	}
	var ne net.Error
	return errors.As(err, &ne)
}
