package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"strings"

	"github.com/newsdigest/newsdigest/internal/urlrule"
)

// This file is the smallest version of "errors a user sees are written for
// them" (issue 13 item 10) that the commands taking a URL need: an error
// marked internal reaches chat as a short apology with a reference, and the
// log in full under that reference; a fetch error reaches chat as its
// UserReason. Other errors are shown as they are, as before.

// internalError marks an error whose text is not for chat: a driver
// message, a file path, an address.
type internalError struct{ err error }

func (e internalError) Error() string { return e.err.Error() }
func (e internalError) Unwrap() error { return e.err }

// internal marks err as one whose text must not reach chat.
func internal(err error) error { return internalError{err} }

// userReasoner is an error that can say what went wrong without internals
// (feed.FetchError).
type userReasoner interface{ UserReason() string }

// fetchReason returns the chat-safe reason of a fetch error.
func fetchReason(err error) string {
	var r userReasoner
	switch {
	case errors.As(err, &r):
		return r.UserReason()
	case errors.Is(err, urlrule.ErrPrivateAddress):
		return "that address is on a private network, which chat commands may not reach"
	case errors.Is(err, urlrule.ErrInvalidURL), errors.Is(err, urlrule.ErrUnsupportedScheme):
		return "that is not an http(s) link I may fetch"
	}
	return "the page could not be fetched"
}

// fetchFailed logs a fetch error in full and returns the answer for chat.
func (h *Handler) fetchFailed(ctx context.Context, c Command, what string, err error) Message {
	h.logger().LogAttrs(ctx, slog.LevelInfo, "chat fetch failed", slog.String("platform", c.Platform),
		slog.String("scope", c.Scope), slog.String("command", c.Name), slog.String("error", err.Error()))
	return Message{Text: "Sorry: " + what + ": " + fetchReason(err) + ".", Ephemeral: true}
}

// failed turns a command's error into its answer, logging it.
func (h *Handler) failed(ctx context.Context, c Command, err error) Message {
	attrs := []slog.Attr{slog.String("platform", c.Platform), slog.String("scope", c.Scope),
		slog.String("command", strings.TrimSpace(c.Name+" "+c.Sub)), slog.String("error", err.Error())}
	var ie internalError
	if !errors.As(err, &ie) {
		h.logger().LogAttrs(ctx, slog.LevelWarn, "command failed", attrs...)
		return Message{Text: "Sorry: " + err.Error(), Ephemeral: true}
	}
	ref := reference()
	h.logger().LogAttrs(ctx, slog.LevelError, "command failed", append(attrs, slog.String("ref", ref))...)
	return Message{Text: "Sorry, something went wrong on my side (reference " + ref + "). " +
		"Please try again later; the operator can look the reference up in the log.", Ephemeral: true}
}

// reference returns a short random id that ties an apology to its log line.
func reference() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
