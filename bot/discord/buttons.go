package discord

import (
	"fmt"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdigest/newsdigest/bot"
)

// Embed colours: a neutral one for headers, one per coverage balance.
const (
	colourHeader   = 0x5865F2
	colourBalanced = 0x2ECC71
	colourLeft     = 0x3B82F6
	colourRight    = 0xEF4444
	colourCenter   = 0x9CA3AF
	colourUnknown  = 0x4B5563
)

func balanceColour(balance string) int {
	switch balance {
	case "balanced":
		return colourBalanced
	case "left":
		return colourLeft
	case "right":
		return colourRight
	case "center":
		return colourCenter
	}
	return colourUnknown
}

// balanceFooter says what the colour means; leanings are the operator's
// labels of the outlets, never inferred from the text.
func balanceFooter(balance string) string {
	switch balance {
	case "balanced":
		return "Coverage: balanced across the outlets' labelled leanings"
	case "left", "right", "center":
		return "Coverage: mostly from outlets labelled " + balance
	}
	return ""
}

// defaultLabels name the buttons the handler leaves unlabelled.
var defaultLabels = map[string]string{
	"compare": "Compare framings",
	"sources": "Sources",
}

// sectionButtons renders a story's actions; with several stories in one
// message each label carries the story's number so it is clear which story
// a button acts on.
func sectionButtons(i, n int, actions []bot.Action) []discordgo.Button {
	var out []discordgo.Button
	for _, a := range actions {
		id, err := encodeCustomID(a.ID, a.Value)
		if err != nil {
			continue // a button we cannot encode would be rejected by Discord
		}
		label := a.Label
		if label == "" {
			label = defaultLabels[a.ID]
		}
		if label == "" {
			label = a.ID
		}
		if n > 1 {
			label = fmt.Sprintf("%d · %s", i+1, label)
		}
		label, _ = truncateWords(oneLine(label), limitLabel)
		style := discordgo.SecondaryButton
		if a.ID == "compare" {
			style = discordgo.PrimaryButton
		}
		out = append(out, discordgo.Button{Label: label, Style: style, CustomID: id})
		if len(out) == limitRowButtons {
			break // one row per story at most
		}
	}
	return out
}
