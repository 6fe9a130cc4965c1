package slack

import (
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// Block Kit limits (https://docs.slack.dev/reference/block-kit).
const (
	maxBlocks         = 50
	maxSectionText    = 3000
	maxFields         = 10
	maxFieldText      = 2000
	maxHeaderText     = 150
	maxButtonText     = 75
	maxButtonValue    = 2000
	maxActionElements = 25
	maxContextItems   = 10
	// maxPostChars is our own budget for the text of one post: Slack
	// refuses very long messages, and a wall of text is unreadable anyway.
	maxPostChars = 12000
	// maxFallbackText bounds the notification text of a post.
	maxFallbackText = 300
)

// post is one Slack message of a rendered bot.Message.
type post struct {
	Blocks []slack.Block `json:"blocks"`
	Text   string        `json:"text"`  // notification fallback
	Reply  bool          `json:"reply"` // a thread reply under the first post
}

// unit is a group of blocks that should stay in one post when they can.
type unit struct {
	blocks []slack.Block
	chars  int
}

func (u *unit) add(b slack.Block, chars int) {
	u.blocks = append(u.blocks, b)
	u.chars += chars
}

// render turns m into Slack posts within Block Kit's limits. A message that
// fits one post stays one post; otherwise the first post gets the title,
// introduction and a list of the stories, and the stories follow as thread
// replies.
func render(m bot.Message) []post {
	if m.Brief {
		return renderBrief(m)
	}
	intro := introUnit(m)
	stories := make([]unit, len(m.Sections))
	for i, s := range m.Sections {
		stories[i] = sectionUnit(i, s, i < len(m.Sections)-1)
	}
	fallback := fallbackText(m)
	all := append([]unit{intro}, stories...)
	if fitsOne(all) {
		return []post{{Blocks: concat(all), Text: fallback}}
	}
	var posts []post
	for _, blocks := range pack([]unit{intro, overviewUnit(m)}) {
		posts = append(posts, post{Blocks: blocks, Text: fallback})
	}
	for _, blocks := range pack(stories) {
		posts = append(posts, post{Blocks: blocks, Text: fallback, Reply: true})
	}
	return ceiling(posts)
}

func fitsOne(units []unit) bool {
	blocks, chars := 0, 0
	for _, u := range units {
		blocks += len(u.blocks)
		chars += u.chars
	}
	return blocks <= maxBlocks && chars <= maxPostChars
}

func concat(units []unit) []slack.Block {
	var out []slack.Block
	for _, u := range units {
		out = append(out, u.blocks...)
	}
	return out
}

// pack fills posts with whole units while they fit, and cuts a unit that is
// too large for a post of its own between blocks.
func pack(units []unit) [][]slack.Block {
	var (
		out    [][]slack.Block
		cur    []slack.Block
		curLen int
	)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur, curLen = nil, 0
	}
	for _, u := range units {
		if len(u.blocks) == 0 {
			continue
		}
		if len(cur)+len(u.blocks) > maxBlocks || curLen+u.chars > maxPostChars {
			flush()
		}
		for _, b := range u.blocks {
			n := blockChars(b)
			if len(cur)+1 > maxBlocks || (len(cur) > 0 && curLen+n > maxPostChars) {
				flush()
			}
			cur = append(cur, b)
			curLen += n
		}
	}
	flush()
	return out
}

// introUnit renders the title and the introduction.
func introUnit(m bot.Message) unit {
	var u unit
	if t := strings.Join(strings.Fields(m.Title), " "); t != "" {
		if runes(t) <= maxHeaderText {
			u.add(slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, t, false, false)), runes(t))
		} else {
			for _, p := range splitText("", t, maxSectionText-4) {
				u.add(mrkdwnSection("*"+p+"*"), runes(p)+2)
			}
		}
	}
	for _, p := range splitText("", m.Text, maxSectionText) {
		u.add(mrkdwnSection(p), runes(p))
	}
	return u
}

// overviewUnit lists the stories, one linked line each, for the first post
// of a digest whose details go to the thread.
func overviewUnit(m bot.Message) unit {
	c := &chunker{limit: maxSectionText}
	for i, s := range m.Sections {
		line := strconv.Itoa(i+1) + ". " + link(s.URL, headingOf(s))
		if s.Update {
			line += " _(update)_"
		}
		c.add("\n", line)
	}
	var u unit
	for _, p := range c.pieces() {
		u.add(mrkdwnSection(p), runes(p))
	}
	if len(m.Sections) > 0 {
		note := "Details of each story are in the thread."
		u.add(slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, note, false, true)), runes(note))
	}
	return u
}

// sectionUnit renders story i: linked headline and text, fields, coverage
// note, buttons, and a divider when more follow.
func sectionUnit(i int, s bot.Section, divider bool) unit {
	var u unit
	lead := ""
	if h := headingOf(s); h != "" {
		lead = "*" + link(s.URL, h) + "*"
		if s.Update {
			lead += " _(update)_"
		}
	}
	for _, p := range splitLead(lead, headingOf(s), s.Text, maxSectionText) {
		u.add(mrkdwnSection(p), runes(p))
	}
	var fields []*slack.TextBlockObject
	flushFields := func() {
		if len(fields) > 0 {
			n := 0
			for _, f := range fields {
				n += runes(f.Text)
			}
			u.add(slack.NewSectionBlock(nil, fields, nil), n)
			fields = nil
		}
	}
	for _, f := range s.Fields {
		name := "*" + link(f.URL, f.Name) + "*"
		if f.Name == "" {
			name = ""
		}
		pieces := splitLead(name, f.Name, f.Value, maxFieldText)
		if len(pieces) > 1 {
			// Too long for a field: give it sections of its own.
			flushFields()
			for _, p := range splitLead(name, f.Name, f.Value, maxSectionText) {
				u.add(mrkdwnSection(p), runes(p))
			}
			continue
		}
		for _, p := range pieces {
			fields = append(fields, slack.NewTextBlockObject(slack.MarkdownType, p, false, true))
		}
		if len(fields) == maxFields {
			flushFields()
		}
	}
	flushFields()
	if note := balanceNote(s.Balance); note != "" {
		u.add(slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, note, false, true)), runes(note))
	}
	var buttons []slack.BlockElement
	for k, a := range s.Actions {
		b, ok := button(a, i, k)
		if !ok {
			continue
		}
		buttons = append(buttons, b)
		if len(buttons) == maxActionElements {
			u.add(slack.NewActionBlock("", buttons...), 0)
			buttons = nil
		}
	}
	if len(buttons) > 0 {
		u.add(slack.NewActionBlock("", buttons...), 0)
	}
	if divider {
		u.add(slack.NewDividerBlock(), 0)
	}
	return u
}

// splitLead is splitText with a linked lead (a heading) that must not be
// cut: one too long to sit whole in a piece is given up for its plain words.
func splitLead(lead, leadPlain, text string, limit int) []string {
	if runes(lead) <= limit/2 {
		return splitText(lead, text, limit)
	}
	return splitText("", leadPlain+"\n"+text, limit)
}

func headingOf(s bot.Section) string { return strings.Join(strings.Fields(s.Heading), " ") }

func mrkdwnSection(text string) *slack.SectionBlock {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, true), nil, nil)
}

// balanceNote words a section's coverage balance for a context line.
func balanceNote(b string) string {
	switch b {
	case "balanced":
		return ":large_purple_circle: Coverage from across the spectrum"
	case "left":
		return ":large_blue_circle: Coverage mostly from left-leaning outlets"
	case "right":
		return ":red_circle: Coverage mostly from right-leaning outlets"
	case "center":
		return ":white_circle: Coverage mostly from centrist outlets"
	}
	return ""
}

// fallbackText is the notification text of every post of m.
func fallbackText(m bot.Message) string {
	t := m.Title
	if t == "" {
		t = m.Text
	}
	if t == "" && len(m.Sections) > 0 {
		t = m.Sections[0].Heading
	}
	if t == "" {
		t = "newsdigest"
	}
	return escape(shorten(t, maxFallbackText))
}

// blockChars counts the text characters in b, for the per-post budget.
func blockChars(b slack.Block) int {
	switch b := b.(type) {
	case *slack.SectionBlock:
		n := 0
		if b.Text != nil {
			n += runes(b.Text.Text)
		}
		for _, f := range b.Fields {
			n += runes(f.Text)
		}
		return n
	case *slack.HeaderBlock:
		return runes(b.Text.Text)
	case *slack.ContextBlock:
		n := 0
		for _, e := range b.ContextElements.Elements {
			if t, ok := e.(*slack.TextBlockObject); ok {
				n += runes(t.Text)
			}
		}
		return n
	}
	return 0
}
