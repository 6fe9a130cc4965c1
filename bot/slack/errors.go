package slack

import (
	"errors"
	"fmt"
	"net"

	"github.com/slack-go/slack"
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
)

// classify wraps Slack's error codes that need a person in our sentinels,
// keeping Slack's own error in the chain.
func classify(err error) error {
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) {
		return err
	}
	switch se.Err {
	case "not_in_channel":
		return fmt.Errorf("%w (%w)", ErrNotInChannel, err)
	case "channel_not_found":
		return fmt.Errorf("%w (%w)", ErrChannelNotFound, err)
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
