package feed

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skippedElements hold no readable text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Head: true, atom.Object: true,
	atom.Canvas: true, atom.Select: true, atom.Button: true,
}

// blockElements end a line of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Tr: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Aside: true, atom.Nav: true, atom.Main: true, atom.Address: true, atom.Caption: true,
	atom.Td: true, atom.Th: true, atom.Body: true, atom.Html: true, atom.Title: true,
}

// htmlToText returns the readable text of an HTML fragment: tags removed,
// entities decoded, whitespace collapsed, one block (paragraph, list item,
// heading) per line.
func htmlToText(fragment string) string {
	return htmlToTextSkipping(fragment, skippedElements)
}

// htmlToTextSkipping is htmlToText leaving out the text inside the given
// elements.
func htmlToTextSkipping(fragment string, skipped map[atom.Atom]bool) string {
	if !strings.ContainsAny(fragment, "<&") {
		return collapseLines(fragment)
	}
	var b textBuilder
	z := html.NewTokenizer(strings.NewReader(fragment))
	skip := 0
	var unknownMarkup map[string]bool // unknown elements seen as markup: their end tags are markup too
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skip == 0 && literalTag(a, name, hasAttr) && !unknownMarkup[string(name)] {
				b.text(string(z.Raw()))
				continue
			}
			if a == 0 && hasAttr {
				if unknownMarkup == nil {
					unknownMarkup = map[string]bool{}
				}
				unknownMarkup[string(name)] = true
			}
			if skipped[a] {
				if tt := z.Token(); tt.Type == html.StartTagToken {
					skip++
				}
				continue
			}
			if blockElements[a] {
				b.newline()
			} else if a == atom.Img || a == atom.Td {
				b.space()
			}
		case html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skip == 0 && literalTag(a, name, hasAttr) && !unknownMarkup[string(name)] {
				b.text(string(z.Raw()))
				continue
			}
			if skipped[a] {
				if skip > 0 {
					skip--
				}
				continue
			}
			if blockElements[a] {
				b.newline()
			}
		}
	}
}

// literalTag reports whether a tag is text that looks like a tag: a name
// HTML does not know, without attributes, such as "<bool>" in
// "std::vector<bool>" or "</example>" in a headline about XML. Custom
// elements (with a hyphen), namespaced ones (o:p) and tags with attributes
// are markup and are dropped as before.
func literalTag(a atom.Atom, name []byte, hasAttr bool) bool {
	return a == 0 && !hasAttr && len(name) > 0 && !bytes.ContainsAny(name, "-:")
}

// textBuilder collects text with collapsed whitespace and single line breaks.
type textBuilder struct {
	sb           strings.Builder
	pendingNL    bool
	pendingSpace bool
}

func (b *textBuilder) text(s string) {
	if s == "" {
		return
	}
	if first, _ := utf8.DecodeRuneInString(s); isSpace(first) {
		b.space()
	}
	for i, field := range strings.FieldsFunc(s, isSpace) {
		if i > 0 {
			b.pendingSpace = true
		}
		if b.sb.Len() > 0 {
			if b.pendingNL {
				b.sb.WriteByte('\n')
			} else if b.pendingSpace {
				b.sb.WriteByte(' ')
			}
		}
		b.pendingNL, b.pendingSpace = false, false
		b.sb.WriteString(field)
	}
	if last, _ := utf8.DecodeLastRuneInString(s); isSpace(last) {
		b.space()
	}
}

func (b *textBuilder) space()   { b.pendingSpace = b.pendingSpace || b.sb.Len() > 0 }
func (b *textBuilder) newline() { b.pendingNL = b.pendingNL || b.sb.Len() > 0 }

func (b *textBuilder) String() string { return b.sb.String() }

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\u2029', '\u200b':
		return true
	}
	return false
}

// collapseLines collapses whitespace in plain text, keeping one line per
// non-empty input line.
func collapseLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.FieldsFunc(l, isSpace), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
