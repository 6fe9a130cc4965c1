package discord

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/newsdigest/newsdigest/bot"
)

// run executes a command with the Handler. A panic in the handler becomes an
// apology to the user and a log line, not a dead process.
func (b *Bot) run(ctx context.Context, c bot.Command) (m bot.Message) {
	defer func() {
		if p := recover(); p != nil {
			b.log.LogAttrs(ctx, slog.LevelError, "discord command panicked",
				slog.String("command", c.Name), slog.String("panic", fmt.Sprint(p)), slog.String("stack", string(debug.Stack())))
			m = bot.Message{Text: fmt.Sprintf("Something went wrong while running /%s. The error was logged; please try again later.", c.Name), Ephemeral: true}
		}
	}()
	return b.handler.Handle(ctx, c)
}
