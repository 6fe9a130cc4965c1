package discord

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdigest/newsdigest/bot"
)

// Discord's message limits, in characters.
const (
	limitTitle       = 256
	limitDescription = 4096
	limitFields      = 25
	limitFieldName   = 256
	limitFieldValue  = 1024
	limitFooter      = 2048
	limitEmbeds      = 10
	limitEmbedTotal  = 6000 // all embeds of one message together
	limitContent     = 2000
	limitRowButtons  = 5
	limitRows        = 5
	limitLabel       = 80
)

// payload is the JSON body of a channel message or webhook follow-up.
type payload struct {
	Content         string                           `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed        `json:"embeds,omitempty"`
	Components      []discordgo.MessageComponent     `json:"components,omitempty"`
	AllowedMentions discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Flags           discordgo.MessageFlags           `json:"flags,omitempty"`
	Nonce           string                           `json:"nonce,omitempty"`
	EnforceNonce    bool                             `json:"enforce_nonce,omitempty"`
	Attachments     []attachment                     `json:"attachments,omitempty"`

	uploads []upload // sent as multipart parts files[i], described by Attachments
}

func newPayload() payload {
	// An empty, non-nil parse list: no @everyone, role or user pings at all.
	return payload{AllowedMentions: discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}}
}

// block is one embed and the buttons that go with it (the last embed of a
// story carries the story's buttons).
type block struct {
	embed   *discordgo.MessageEmbed
	buttons []discordgo.Button
}

// render turns m into one or more Discord messages, each within every
// limit; a brief message always becomes exactly one. An image goes with
// the first message.
func render(m bot.Message) []payload {
	if m.Brief {
		p := renderBrief(m)
		if m.Ephemeral {
			p.Flags = discordgo.MessageFlagsEphemeral
		}
		return []payload{p}
	}
	if len(m.Sections) == 0 && m.Title == "" {
		return renderPlain(m)
	}
	var blocks []block
	blocks = append(blocks, headerBlocks(m)...)
	n := len(m.Sections)
	for i, s := range m.Sections {
		blocks = append(blocks, sectionBlocks(i, n, s)...)
	}
	out := ceiling(pack(blocks, m.Ephemeral), m.Ephemeral)
	if len(out) > 0 {
		attachImage(&out[0], m.Image)
	}
	return out
}

// renderPlain sends a message without title or sections as plain content.
func renderPlain(m bot.Message) []payload {
	text := escapeMarkdown(m.Text)
	parts := splitText(text, limitContent)
	if len(parts) == 0 {
		parts = []string{"Nothing to show."}
	}
	out := make([]payload, 0, len(parts))
	for _, p := range parts {
		pl := newPayload()
		pl.Content = p
		if m.Ephemeral {
			pl.Flags = discordgo.MessageFlagsEphemeral
		}
		out = append(out, pl)
	}
	return ceiling(out, m.Ephemeral)
}

// headerBlocks renders Title and Text as the first embed(s).
func headerBlocks(m bot.Message) []block {
	full := escapeMarkdown(oneLine(m.Title))
	title, cut := truncateWords(full, limitTitle)
	desc := strings.TrimSpace(escapeMarkdown(m.Text))
	if title == "" && desc == "" {
		return nil
	}
	if cut {
		desc = "**" + full + "**\n" + desc
	}
	var out []block
	for i, chunk := range descriptionChunks(desc) {
		e := &discordgo.MessageEmbed{Description: chunk, Color: colourHeader}
		if i == 0 {
			e.Title = title
		}
		out = append(out, block{embed: e})
	}
	if len(out) == 0 {
		out = append(out, block{embed: &discordgo.MessageEmbed{Title: title, Color: colourHeader}})
	}
	return out
}

// sectionBlocks renders one story: headline, summary, a field per framing
// line, footer with the coverage balance, and its buttons. Anything too long
// for one embed continues in further embeds of the same colour.
func sectionBlocks(i, n int, s bot.Section) []block {
	heading := escapeMarkdown(oneLine(s.Heading))
	if heading == "" {
		heading = "Untitled story"
	}
	if n > 1 {
		heading = fmt.Sprintf("%d. %s", i+1, heading)
	}
	title, cut := truncateWords(heading, limitTitle)
	desc := ""
	if cut {
		desc = "**" + heading + "**\n"
	}
	if s.Update {
		desc += "_New coverage since this story was last posted._\n"
	}
	desc += escapeMarkdown(s.Text)
	colour := balanceColour(s.Balance)
	footer := balanceFooter(s.Balance)

	first := &discordgo.MessageEmbed{Title: title, Color: colour}
	if u, _, ok := safeURL(s.URL); ok {
		first.URL = u
	}
	embeds := []*discordgo.MessageEmbed{first}
	for j, chunk := range descriptionChunks(desc) {
		if j == 0 {
			first.Description = chunk
			continue
		}
		embeds = append(embeds, &discordgo.MessageEmbed{Description: chunk, Color: colour})
	}
	reserve := runeLen(footer)
	for _, f := range s.Fields {
		for _, fl := range renderField(f) {
			cur := embeds[len(embeds)-1]
			if len(cur.Fields) >= limitFields || embedChars(cur)+runeLen(fl.Name)+runeLen(fl.Value)+reserve > limitEmbedTotal {
				cur = &discordgo.MessageEmbed{Color: colour}
				embeds = append(embeds, cur)
			}
			cur.Fields = append(cur.Fields, fl)
		}
	}
	if footer != "" {
		embeds[len(embeds)-1].Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}
	out := make([]block, len(embeds))
	for j, e := range embeds {
		out[j].embed = e
	}
	out[len(out)-1].buttons = sectionButtons(i, n, s.Actions)
	return out
}

// renderField renders a framing line as one field, or several when the
// value is longer than a field allows.
func renderField(f bot.Field) []*discordgo.MessageEmbedField {
	name, _ := truncateWords(escapeMarkdown(oneLine(f.Name)), limitFieldName)
	if name == "" {
		name = "\u200b"
	}
	value := escapeMarkdown(f.Value)
	if link := markdownLink(f.URL); link != "" {
		if value != "" {
			value += "\n"
		}
		value += link
	}
	parts := splitText(value, limitFieldValue)
	if len(parts) == 0 {
		parts = []string{"\u200b"}
	}
	out := make([]*discordgo.MessageEmbedField, len(parts))
	for i, p := range parts {
		fname := name
		if i > 0 {
			fname, _ = truncateWords(name+" (continued)", limitFieldName)
		}
		out[i] = &discordgo.MessageEmbedField{Name: fname, Value: p}
	}
	return out
}

func descriptionChunks(desc string) []string { return splitText(desc, limitDescription) }

// oneLine folds line breaks into spaces for titles and names.
func oneLine(s string) string {
	r := []rune(cleanText(s))
	for i, c := range r {
		if c == '\n' || c == '\t' {
			r[i] = ' '
		}
	}
	return strings.TrimSpace(string(r))
}

// embedChars counts what Discord counts toward the 6000-character total.
func embedChars(e *discordgo.MessageEmbed) int {
	n := runeLen(e.Title) + runeLen(e.Description)
	for _, f := range e.Fields {
		n += runeLen(f.Name) + runeLen(f.Value)
	}
	if e.Footer != nil {
		n += runeLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += runeLen(e.Author.Name)
	}
	return n
}

// pack fills messages with blocks in order, starting a new message when one
// more embed would break the embed count, the character total or the button
// rows.
func pack(blocks []block, ephemeral bool) []payload {
	var out []payload
	cur, chars, buttons := newPayload(), 0, []discordgo.Button(nil)
	flush := func() {
		if len(cur.Embeds) == 0 {
			return
		}
		cur.Components = buttonRows(buttons)
		if ephemeral {
			cur.Flags = discordgo.MessageFlagsEphemeral
		}
		out = append(out, cur)
		cur, chars, buttons = newPayload(), 0, nil
	}
	for _, b := range blocks {
		size := embedChars(b.embed)
		if len(cur.Embeds) > 0 && (len(cur.Embeds)+1 > limitEmbeds ||
			chars+size > limitEmbedTotal ||
			len(buttons)+len(b.buttons) > limitRowButtons*limitRows) {
			flush()
		}
		cur.Embeds = append(cur.Embeds, b.embed)
		chars += size
		buttons = append(buttons, b.buttons...)
	}
	flush()
	return out
}

func buttonRows(buttons []discordgo.Button) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	for start := 0; start < len(buttons) && len(rows) < limitRows; start += limitRowButtons {
		end := min(start+limitRowButtons, len(buttons))
		row := discordgo.ActionsRow{}
		for _, b := range buttons[start:end] {
			row.Components = append(row.Components, b)
		}
		rows = append(rows, row)
	}
	return rows
}
