// Package console renders bot messages for a terminal: plain text or
// Markdown. It is the Poster used when no chat platform is configured.
package console

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/newsdigest/newsdigest/bot"
)

// Format is an output format of the console.
type Format string

// Formats.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
)

// Console writes messages to a writer. It is safe for concurrent use.
type Console struct {
	mu     sync.Mutex
	w      io.Writer
	format Format
	posted int
}

// New returns a console writing to w in format.
func New(w io.Writer, format Format) *Console {
	return &Console{w: w, format: format}
}

// Post writes m and implements bot.Poster.
func (c *Console) Post(ctx context.Context, ch bot.Channel, deliveryID string, m bot.Message) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m.Image = nil // a terminal shows no picture, and no file is written for a link
	if err := Render(c.w, c.format, m); err != nil {
		return nil, fmt.Errorf("console: %w", err)
	}
	c.posted++
	return []string{fmt.Sprintf("console-%d", c.posted)}, nil
}

// Render writes m to w in format.
func Render(w io.Writer, format Format, m bot.Message) error {
	var b strings.Builder
	if format == Markdown {
		renderMarkdown(&b, m)
	} else {
		renderText(&b, m)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func renderText(b *strings.Builder, m bot.Message) {
	if m.Title != "" {
		b.WriteString(m.Title + "\n" + strings.Repeat("=", len([]rune(m.Title))) + "\n")
	}
	if m.Text != "" {
		b.WriteString(m.Text + "\n")
	}
	for i, s := range m.Sections {
		b.WriteString("\n")
		heading := s.Heading
		if s.Update {
			heading = "[update] " + heading
		}
		if heading != "" {
			fmt.Fprintf(b, "%d. %s\n", i+1, heading)
		}
		for _, line := range strings.Split(s.Text, "\n") {
			if line != "" {
				b.WriteString("   " + line + "\n")
			}
		}
		if o := outletsText(s.Outlets, func(l bot.Link) string { return l.Text }); o != "" {
			b.WriteString("   " + o + "\n")
		}
		if s.Framing != "" {
			b.WriteString("   Framing: " + s.Framing + "\n")
		}
		if s.Blindspot != "" {
			b.WriteString("   Blindspot: " + s.Blindspot + "\n")
		}
		for _, f := range s.Fields {
			fmt.Fprintf(b, "   - %s: %s\n", f.Name, f.Value)
			if f.URL != "" {
				b.WriteString("     " + f.URL + "\n")
			}
		}
	}
}

// outletsText lists a brief story's outlets by lean: "Left: A, B · Right: C".
func outletsText(groups []bot.OutletGroup, name func(bot.Link) string) string {
	return bot.OutletsLine(groups, func(label string) string { return label + ":" }, name)
}

func renderMarkdown(b *strings.Builder, m bot.Message) {
	if m.Title != "" {
		b.WriteString("# " + escapeMarkdown(m.Title) + "\n\n")
	}
	if m.Text != "" {
		b.WriteString(escapeMarkdown(m.Text) + "\n")
	}
	if m.Image != nil && m.Image.Name != "" {
		// The picture is a file beside the Markdown (the CLI writes it).
		b.WriteString("\n![" + escapeMarkdown(m.Image.Alt) + "](" + m.Image.Name + ")\n")
	}
	for _, s := range m.Sections {
		heading := escapeMarkdown(s.Heading)
		if s.URL != "" {
			heading = "[" + heading + "](" + s.URL + ")"
		}
		if s.Update {
			heading = "Update: " + heading
		}
		b.WriteString("\n## " + heading + "\n\n")
		for _, line := range strings.Split(s.Text, "\n") {
			if line != "" {
				b.WriteString(escapeMarkdown(line) + "\n\n")
			}
		}
		if o := outletsText(s.Outlets, markdownLink); o != "" {
			b.WriteString(o + "\n\n")
		}
		if s.Framing != "" {
			b.WriteString("> " + escapeMarkdown(s.Framing) + "\n\n")
		}
		if s.Blindspot != "" {
			b.WriteString("**Blindspot:** " + escapeMarkdown(s.Blindspot) + "\n\n")
		}
		for _, f := range s.Fields {
			name := "**" + escapeMarkdown(f.Name) + "**"
			if f.URL != "" {
				name = "[" + name + "](" + f.URL + ")"
			}
			b.WriteString("- " + name + ": " + escapeMarkdown(f.Value) + "\n")
		}
	}
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")

func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

// markdownLink links a name to its URL, or shows the name alone.
func markdownLink(l bot.Link) string {
	if l.URL == "" {
		return escapeMarkdown(l.Text)
	}
	return "[" + escapeMarkdown(l.Text) + "](" + l.URL + ")"
}
