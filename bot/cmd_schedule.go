package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
)

func (h *Handler) schedule(ctx context.Context, c Command) (Message, error) {
	if h.Schedules == nil {
		return Message{}, userErrorf("schedules are not enabled on this bot")
	}
	ch := Channel{Platform: c.Platform, Scope: c.Scope, ID: c.ChannelID}
	switch c.Sub {
	case "show", "":
		cron, tz, next, err := h.Schedules.ChannelSchedule(ctx, ch)
		if err != nil {
			return Message{}, err
		}
		text := "This channel has no digest schedule. Set one with schedule set <cron> [timezone]."
		if cron != "" {
			text = fmt.Sprintf("Digest schedule: %q in %s; next at %s.", cron, tz, next.Format(time.RFC1123))
		}
		style, err := h.styleText(ctx, ch)
		if err != nil {
			return Message{}, err
		}
		return Message{Text: strings.TrimSpace(text + " " + style), Ephemeral: true}, nil
	case "set":
		if !c.CanManage {
			return Message{}, errNotAllowed
		}
		styled, err := h.setStyle(ctx, ch, c.Args)
		if err != nil {
			return Message{}, err
		}
		cron := strings.TrimSpace(c.Args["cron"])
		if cron == "" {
			if styled == "" {
				return Message{}, userErrorf("schedule set needs a cron line such as \"0 8 * * *\", or max_stories, detail or image")
			}
			return Message{Text: styled}, nil
		}
		tz := strings.TrimSpace(c.Args["timezone"])
		if tz == "" {
			tz = "UTC"
		}
		next, err := h.Schedules.SetChannelSchedule(ctx, ch, cron, tz)
		if err != nil {
			return Message{}, err
		}
		text := fmt.Sprintf("Digest scheduled: %q in %s; the next one comes at %s.", cron, tz, next.Format(time.RFC1123))
		return Message{Text: strings.TrimSpace(text + " " + styled)}, nil
	case "off":
		if !c.CanManage {
			return Message{}, errNotAllowed
		}
		if err := h.Schedules.DisableChannelSchedule(ctx, ch); err != nil {
			return Message{}, err
		}
		return Message{Text: "Scheduled digests are off for this channel."}, nil
	}
	return Message{}, userErrorf("schedule takes set, show or off, not %q", c.Sub)
}
