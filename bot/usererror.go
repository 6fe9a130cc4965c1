package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/newsdigest/newsdigest/cron"
)

// UserError is a failure written for the person in chat: Handle shows
// Message (as it shows the UserMessage of any error in the chain), and logs Cause (which may name hosts, drivers or SQL) without
// showing it. Every other error is internal: the person gets a short
// apology with a reference, and the log gets the whole error under the same
// reference, so an operator can find it.
type UserError struct {
	Message string
	Cause   error
}

// Error is the message and, after it, the cause, for the log.
func (e *UserError) Error() string {
	if e.Cause == nil {
		return e.Message
	}
	return e.Message + ": " + e.Cause.Error()
}

// Unwrap returns the cause, so errors.Is sees through a UserError.
func (e *UserError) Unwrap() error { return e.Cause }

// UserMessage returns Message.
func (e *UserError) UserMessage() string { return e.Message }

// userMessager is any error that carries a message written for people,
// such as a UserError or a fetch error the feed package explained.
type userMessager interface{ UserMessage() string }

// userErrorf returns a UserError with a formatted message.
func userErrorf(format string, args ...any) error {
	return &UserError{Message: fmt.Sprintf(format, args...)}
}

// asUser marks err, whose text is already written for people (a refused URL,
// a period that does not parse), as fit to show.
func asUser(err error) error {
	if err == nil {
		return nil
	}
	return &UserError{Message: err.Error(), Cause: err}
}

// userWrap puts what failed before a UserError's message, or wraps an
// internal error as usual: "I could not add https://…: the site's address
// was not found".
func userWrap(what string, err error) error {
	var um userMessager
	if errors.As(err, &um) {
		return &UserError{Message: what + ": " + um.UserMessage(), Cause: err}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// shownAsIs reports whether err's whole text is for people: the schedule
// grammar's reasons and a stopped channel's reason come from our own code.
func shownAsIs(err error) bool {
	return errors.Is(err, cron.ErrInvalid) || errors.Is(err, ErrScheduleStopped)
}

// ErrScheduleStopped is returned by Schedules for a channel a permanent
// platform error stopped (no digests, live posts or notices) or a schedule
// that cannot run; the error's text gives the reason.
var ErrScheduleStopped = errors.New("scheduled posting to this channel stopped")

// failure turns a command's error into the reply and logs it.
func (h *Handler) failure(ctx context.Context, c Command, err error) Message {
	attrs := []slog.Attr{
		slog.String("platform", c.Platform), slog.String("scope", c.Scope),
		slog.String("command", strings.TrimSpace(c.Name+" "+c.Sub)), slog.String("error", err.Error()),
	}
	var um userMessager
	switch {
	case errors.As(err, &um):
		h.logger().LogAttrs(ctx, slog.LevelInfo, "command refused", attrs...)
		return Message{Text: "Sorry: " + um.UserMessage(), Ephemeral: true}
	case shownAsIs(err):
		h.logger().LogAttrs(ctx, slog.LevelInfo, "command refused", attrs...)
		return Message{Text: "Sorry: " + err.Error(), Ephemeral: true}
	}
	ref := newRef()
	h.logger().LogAttrs(ctx, slog.LevelError, "command failed", append(attrs, slog.String("ref", ref))...)
	return Message{Text: "Sorry, something went wrong on our side; trying again later may help. " +
		"If it keeps happening, give the bot's operator the reference " + ref + ".", Ephemeral: true}
}

// newRef returns a short random reference that ties an apology in chat to
// its log line.
func newRef() string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}
