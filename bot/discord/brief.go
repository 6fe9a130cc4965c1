package discord

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdigest/newsdigest/bot"
)

// briefHint tells readers of a brief digest how to open the details.
const briefHint = "Press a story's **Framing** button for how each outlet frames it, with quotes; only you see the answer."

// renderBrief renders a brief digest as exactly one message: a header
// embed (with the coverage chart when there is one), an embed per story
// and a Framing button per story. It shortens the message step by step
// (bot.Shrink) until it fits Discord's limits.
func renderBrief(m bot.Message) payload {
	for step := 0; ; step++ {
		sm, more := bot.Shrink(m, step)
		p := briefPayload(sm)
		if fitsOne(p) || !more {
			return clampPayload(p)
		}
	}
}

func briefPayload(m bot.Message) payload {
	p := newPayload()
	title, _ := truncateWords(escapeMarkdown(oneLine(m.Title)), limitTitle)
	desc := strings.TrimSpace(escapeMarkdown(m.Text))
	var buttons []discordgo.Button
	for i, s := range m.Sections {
		buttons = append(buttons, sectionButtons(i, len(m.Sections), s.Actions)...)
	}
	if len(buttons) > 0 {
		desc += "\n" + briefHint
	}
	header := &discordgo.MessageEmbed{Title: title, Description: strings.TrimSpace(desc), Color: colourHeader}
	p.Embeds = append(p.Embeds, header)
	for i, s := range m.Sections {
		p.Embeds = append(p.Embeds, briefEmbed(i, s))
	}
	p.Components = evenRows(buttons)
	attachImage(&p, m.Image)
	return p
}

// briefEmbed is one story: its numbered title linked to the best report,
// the summary, the outlets by lean, the framing line and the blindspot.
func briefEmbed(i int, s bot.Section) *discordgo.MessageEmbed {
	heading := escapeMarkdown(oneLine(s.Heading))
	if heading == "" {
		heading = "Untitled story"
	}
	title, _ := truncateWords(fmt.Sprintf("%d. %s", i+1, heading), limitTitle)
	e := &discordgo.MessageEmbed{Title: title, Color: balanceColour(s.Balance)}
	if u, _, ok := safeURL(s.URL); ok {
		e.URL = u
	}
	var lines []string
	if s.Update {
		lines = append(lines, "_New coverage since this story was last posted._")
	}
	if t := strings.TrimSpace(s.Text); t != "" {
		lines = append(lines, escapeMarkdown(strings.ReplaceAll(t, "\n", " ")))
	}
	if o := outletsLine(s.Outlets); o != "" {
		lines = append(lines, o)
	}
	if f := strings.TrimSpace(s.Framing); f != "" {
		lines = append(lines, "> "+escapeMarkdown(oneLine(f)))
	}
	if b := strings.TrimSpace(s.Blindspot); b != "" {
		lines = append(lines, "**Blindspot:** "+escapeMarkdown(oneLine(b)))
	}
	e.Description, _ = truncateWords(strings.Join(lines, "\n"), limitDescription)
	return e
}

// outletsLine lists the outlets by lean: "**Left:** [A](…) · **Right:** [B](…)".
// Names are links to each outlet's report; no URL is shown raw.
func outletsLine(groups []bot.OutletGroup) string {
	return bot.OutletsLine(groups,
		func(label string) string { return "**" + escapeInline(label) + ":**" },
		func(o bot.Link) string {
			name := escapeInline(o.Text)
			if u, _, ok := safeURL(o.URL); ok {
				name = "[" + name + "](" + u + ")"
			}
			return name
		})
}

// escapeInline escapes text that sits inside a line, not at its start.
func escapeInline(s string) string { return inlineEscaper.Replace(oneLine(s)) }

// evenRows spreads buttons over as few rows as possible, evenly (six
// buttons are two rows of three, not five and one), which reads better
// on a narrow screen.
func evenRows(buttons []discordgo.Button) []discordgo.MessageComponent {
	if len(buttons) == 0 {
		return nil
	}
	buttons = buttons[:min(len(buttons), limitRows*limitRowButtons)]
	rows := (len(buttons) + limitRowButtons - 1) / limitRowButtons
	per := (len(buttons) + rows - 1) / rows
	var out []discordgo.MessageComponent
	for start := 0; start < len(buttons); start += per {
		row := discordgo.ActionsRow{}
		for _, b := range buttons[start:min(start+per, len(buttons))] {
			row.Components = append(row.Components, b)
		}
		out = append(out, row)
	}
	return out
}

// fitsOne reports whether p is within every limit of one Discord message.
func fitsOne(p payload) bool {
	if len(p.Embeds) > limitEmbeds {
		return false
	}
	total := 0
	for _, e := range p.Embeds {
		if runeLen(e.Description) > limitDescription || runeLen(e.Title) > limitTitle {
			return false
		}
		total += embedChars(e)
	}
	return total <= limitEmbedTotal
}

// clampPayload makes p fit whatever it holds: at most ten embeds, and
// descriptions cut (at a word) to share what the 6,000-character budget
// leaves after the titles. Only a message that shrinking could not bring
// under the limits is cut.
func clampPayload(p payload) payload {
	if fitsOne(p) {
		return p
	}
	if len(p.Embeds) > limitEmbeds {
		p.Embeds = p.Embeds[:limitEmbeds]
	}
	budget := limitEmbedTotal
	for _, e := range p.Embeds {
		budget -= embedChars(e) - runeLen(e.Description)
	}
	each := max(budget/len(p.Embeds), 0)
	for _, e := range p.Embeds {
		if runeLen(e.Description) > each {
			e.Description, _ = truncateWords(e.Description, max(each, 2))
		}
	}
	return p
}
