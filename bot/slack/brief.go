package slack

import (
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// threadNote tells readers of a brief digest where the details are.
func threadNote(m bot.Message) string {
	what := "Every article's framing, with quotes, is in the thread."
	switch {
	case m.Image != nil && len(m.Thread) > 0:
		what = "The coverage chart and every article's framing, with quotes, are in the thread."
	case m.Image != nil:
		what = "The coverage chart is in the thread."
	}
	return what + " Press *Framing* for one story's details, shown only to you."
}

// renderBrief renders a brief digest as exactly one top-level post (a
// header, then per story a section with its Framing button and a context
// line with the outlets by lean, the framing line and the blindspot), plus,
// when the message has details, exactly one thread reply holding them.
// Both are shortened (bot.Shrink, then cut) until they fit Block Kit.
func renderBrief(m bot.Message) []post {
	var top post
	for step := 0; ; step++ {
		sm, more := bot.Shrink(m, step)
		top = post{Blocks: briefBlocks(sm), Text: fallbackText(m)}
		if fitsPost(top.Blocks) || !more {
			break
		}
	}
	posts := []post{top}
	if len(m.Thread) > 0 {
		posts = append(posts, post{Blocks: detailBlocks(m.Thread), Text: "Framing of each article", Reply: true})
	}
	return posts
}

func briefBlocks(m bot.Message) []slack.Block {
	intro := introUnit(bot.Message{Title: m.Title})
	blocks := intro.blocks
	if t := strings.TrimSpace(m.Text); t != "" {
		blocks = append(blocks, contextText(escape(shorten(t, maxSectionText))))
	}
	for i, s := range m.Sections {
		blocks = append(blocks, briefStory(i, s)...)
	}
	if len(m.Thread) > 0 || m.Image != nil {
		blocks = append(blocks, contextText(threadNote(m)))
	}
	return blocks
}

// briefStory is one story: a section with the linked, numbered title, the
// summary and a Framing button; a context line with the rest.
func briefStory(i int, s bot.Section) []slack.Block {
	lead := "*" + link(s.URL, strconv.Itoa(i+1)+". "+headingOf(s)) + "*"
	if s.Update {
		lead += " _(update)_"
	}
	text := lead
	if t := strings.TrimSpace(s.Text); t != "" {
		text += "\n" + escape(strings.Join(strings.Fields(t), " "))
	}
	if runes(text) > maxSectionText {
		text = splitText(lead, strings.Join(strings.Fields(s.Text), " "), maxSectionText)[0]
	}
	sec := mrkdwnSection(text)
	for k, a := range s.Actions {
		if b, ok := button(a, i, k); ok {
			sec.Accessory = slack.NewAccessory(b)
			break // a section has one accessory
		}
	}
	blocks := []slack.Block{sec}
	var lines []string
	if o := outletsLine(s.Outlets); o != "" {
		lines = append(lines, o)
	}
	if f := strings.TrimSpace(s.Framing); f != "" {
		lines = append(lines, "_"+escape(strings.Join(strings.Fields(f), " "))+"_")
	}
	if b := strings.TrimSpace(s.Blindspot); b != "" {
		lines = append(lines, ":warning: *Blindspot:* "+escape(b))
	}
	if len(lines) > 0 {
		blocks = append(blocks, contextText(keepLines(lines, maxSectionText)))
	}
	return blocks
}

// outletsLine lists the outlets by lean, each name a link to its report:
// "*Left:* <…|Civic Wire> · *Right:* <…|Meridian Daily>".
func outletsLine(groups []bot.OutletGroup) string {
	return bot.OutletsLine(groups,
		func(label string) string { return "*" + escape(label) + ":*" },
		func(o bot.Link) string { return link(o.URL, strings.Join(strings.Fields(o.Text), " ")) })
}

func contextText(mrkdwn string) *slack.ContextBlock {
	return slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, mrkdwn, false, true))
}

// detailBlocks is the details reply: a section per story listing every
// article's outlet (linked), headline, framing line and quotes. It always
// fits one post: a story that would overflow its share is cut at a line,
// saying how to see the rest.
func detailBlocks(stories []bot.Section) []slack.Block {
	blocks := []slack.Block{mrkdwnSection("*How each outlet frames these stories*")}
	share := (maxPostChars - 100) / max(len(stories), 1)
	share = min(share, maxSectionText)
	for _, s := range stories[:min(len(stories), maxBlocks-1)] {
		var lines []string
		lines = append(lines, "*"+link(s.URL, headingOf(s))+"*")
		for _, f := range s.Fields {
			line := "• *" + link(f.URL, strings.Join(strings.Fields(f.Name), " ")) + "*"
			for _, v := range strings.Split(f.Value, "\n") {
				if v = strings.TrimSpace(v); v != "" {
					line += "\n    " + escape(v)
				}
			}
			lines = append(lines, line)
		}
		blocks = append(blocks, mrkdwnSection(fitLines(lines, share)))
	}
	return blocks
}

// fitLines joins lines with line breaks, keeping whole lines while they
// fit in limit and then saying how many were left out.
func fitLines(lines []string, limit int) string {
	more := func(left int) string {
		if left == 0 {
			return ""
		}
		return "\n… " + strconv.Itoa(left) + " more: /newsdigest story <words from the title>"
	}
	out := lines[0]
	if runes(out) > limit {
		return shorten(out, limit)
	}
	for i, l := range lines[1:] {
		next := out + "\n" + l
		if runes(next)+runes(more(len(lines)-2-i)) > limit {
			if m := more(len(lines) - 1 - i); runes(out+m) <= limit {
				out += m
			}
			return out
		}
		out = next
	}
	return out
}

// keepLines joins the lines that fit in limit, dropping the last ones.
func keepLines(lines []string, limit int) string {
	out := shorten(lines[0], limit)
	for _, l := range lines[1:] {
		if runes(out)+1+runes(l) > limit {
			break
		}
		out += "\n" + l
	}
	return out
}

// fitsPost reports whether blocks fit one post.
func fitsPost(blocks []slack.Block) bool {
	if len(blocks) > maxBlocks {
		return false
	}
	n := 0
	for _, b := range blocks {
		n += blockChars(b)
	}
	return n <= maxPostChars
}
