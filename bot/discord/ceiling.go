package discord

import (
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// maxParts is the most messages one answer or digest becomes, however long
// its text: a crafted feed once made a single /story answer 1,800
// follow-ups. The last one kept says how many more there would have been.
const maxParts = 10

// ceiling keeps parts within maxParts, replacing the rest by a note.
func ceiling(parts []payload, ephemeral bool) []payload {
	if len(parts) <= maxParts {
		return parts
	}
	more := len(parts) - (maxParts - 1)
	note := newPayload()
	note.Content = escapeMarkdown(fmt.Sprintf("… %d more messages not shown. Use /story with words from a headline to see one story in full.", more))
	if ephemeral {
		note.Flags = discordgo.MessageFlagsEphemeral
	}
	return append(parts[:maxParts-1:maxParts-1], note)
}
