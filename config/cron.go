package config

import (
	"fmt"
	"strings"

	"github.com/robfig/cron/v3"
)

// cronParser accepts exactly the five standard fields, no descriptors and no
// CRON_TZ prefix: the time zone is the channel's timezone key.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)

// checkCron returns "" for a valid 5-field cron expression, else what is wrong.
func checkCron(expr string) string {
	if n := len(strings.Fields(expr)); n != 5 {
		return fmt.Sprintf("has %d fields; a schedule has 5: minute hour day-of-month month day-of-week, e.g. \"0 8 * * 1-5\"", n)
	}
	if _, err := cronParser.Parse(expr); err != nil {
		return "is not a valid cron expression: " + err.Error()
	}
	return ""
}
