package discord

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Discord's autocomplete limits.
const (
	maxChoices   = 25
	maxChoiceLen = 100
)

// commonZones are offered while a time zone is typed; any valid IANA name
// typed in full is offered too.
var commonZones = []string{
	"UTC",
	"Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin",
	"Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Brussels", "Europe/Zurich",
	"Europe/Vienna", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki",
	"Europe/Warsaw", "Europe/Prague", "Europe/Budapest", "Europe/Athens", "Europe/Bucharest",
	"Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow",
	"America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "America/Toronto", "America/Vancouver",
	"America/Mexico_City", "America/Bogota", "America/Lima", "America/Santiago",
	"America/Buenos_Aires", "America/Sao_Paulo", "Pacific/Honolulu",
	"Africa/Lagos", "Africa/Cairo", "Africa/Nairobi", "Africa/Johannesburg", "Africa/Casablanca",
	"Asia/Jerusalem", "Asia/Dubai", "Asia/Tehran", "Asia/Karachi", "Asia/Kolkata",
	"Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Singapore", "Asia/Hong_Kong",
	"Asia/Shanghai", "Asia/Taipei", "Asia/Manila", "Asia/Seoul", "Asia/Tokyo",
	"Australia/Perth", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney",
	"Pacific/Auckland",
}

// sinceSuggestions are typical look-back periods for /digest since.
var sinceSuggestions = []string{"6h", "12h", "24h", "48h", "3d", "7d"}

// complete answers an autocomplete interaction with at most 25 choices.
func (b *Bot) complete(ctx context.Context, in *discordgo.Interaction) []choice {
	name, typed, ok := focusedOption(in)
	if !ok {
		return []choice{}
	}
	var values []string
	switch name {
	case "timezone":
		values = zoneSuggestions(typed)
	case "since":
		values = filterPrefix(sinceSuggestions, typed)
	default:
		if c, isCompleter := b.handler.(Completer); isCompleter {
			if cmd, err := toCommand(in); err == nil {
				ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
				values = c.Complete(ctx, cmd, name, typed)
				cancel()
			}
		}
	}
	out := make([]choice, 0, min(len(values), maxChoices))
	for _, v := range values {
		if len(out) == maxChoices {
			break
		}
		v = strings.TrimSpace(v)
		if v == "" || runeLen(v) > maxChoiceLen {
			continue // a value Discord would reject cannot be offered
		}
		out = append(out, choice{Name: v, Value: v})
	}
	return out
}

// zoneSuggestions lists common zones containing typed (case-insensitive),
// with typed itself first when it names a valid zone.
func zoneSuggestions(typed string) []string {
	typed = strings.TrimSpace(typed)
	var out []string
	if typed != "" && !strings.EqualFold(typed, "local") {
		if _, err := time.LoadLocation(typed); err == nil {
			out = append(out, typed)
		}
	}
	needle := strings.ToLower(strings.ReplaceAll(typed, " ", "_"))
	for _, z := range commonZones {
		if z != typed && strings.Contains(strings.ToLower(z), needle) {
			out = append(out, z)
		}
	}
	return out
}

func filterPrefix(list []string, typed string) []string {
	typed = strings.ToLower(strings.TrimSpace(typed))
	var out []string
	for _, s := range list {
		if strings.HasPrefix(s, typed) {
			out = append(out, s)
		}
	}
	return out
}
