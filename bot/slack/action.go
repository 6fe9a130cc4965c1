package slack

import (
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// actionPrefix starts the action_id of our buttons.
const actionPrefix = "newsdigest"

// button renders action k of section i; ok is false for an action Slack
// could not carry (no id, or a value over its limit).
func button(a bot.Action, section, k int) (*slack.ButtonBlockElement, bool) {
	if a.ID == "" || runes(a.Value) > maxButtonValue {
		return nil, false
	}
	label := shorten(a.Label, maxButtonText)
	if label == "" {
		label = a.ID
	}
	return slack.NewButtonBlockElement(actionID(a.ID, section, k), a.Value,
		slack.NewTextBlockObject(slack.PlainTextType, label, false, false)), true
}

// actionID encodes a button's action as newsdigest:<id>:<section>.<button>;
// Slack wants action ids unique within a message.
func actionID(id string, section, button int) string {
	return actionPrefix + ":" + id + ":" + strconv.Itoa(section) + "." + strconv.Itoa(button)
}

// parseActionID returns the action of an action_id made by actionID.
func parseActionID(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, actionPrefix+":")
	if !ok {
		return "", false
	}
	id, _, ok := strings.Cut(rest, ":")
	return id, ok && id != ""
}
