package config

import (
	"errors"

	"github.com/newsdigest/newsdigest/cron"
)

// checkCron returns "" for a schedule the chat schedule command would also
// accept (five fields or a descriptor such as @daily), else what is wrong.
// The time zone is the channel's timezone key, checked on its own.
func checkCron(expr string) string {
	_, err := cron.Parse(expr, "UTC")
	if err == nil {
		return ""
	}
	var se *cron.SyntaxError
	if errors.As(err, &se) {
		return se.Reason
	}
	return err.Error()
}
