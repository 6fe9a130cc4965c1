package discord

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inlineEscaper neutralises Discord markdown and mass mentions inside a line
// of outside text (headlines, summaries, outlet names), so an article cannot
// format our message, fake a link or ping anyone. allowed_mentions is also
// empty on every message; this is the second lock.
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`,
	`[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`,
	"@everyone", "@\u200beveryone", "@here", "@\u200bhere",
)

// escapeMarkdown escapes s for display as plain text in Discord. Line starts
// that Discord reads as headings, quotes or lists are escaped too.
func escapeMarkdown(s string) string {
	s = cleanText(s)
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		line = inlineEscaper.Replace(line)
		trimmed := strings.TrimLeft(line, " \t")
		lead := line[:len(line)-len(trimmed)]
		switch {
		case strings.HasPrefix(trimmed, "#"), strings.HasPrefix(trimmed, "-"), strings.HasPrefix(trimmed, "+"):
			line = lead + `\` + trimmed
		default:
			if n := leadingDigits(trimmed); n > 0 && n < len(trimmed) && (trimmed[n] == '.' || trimmed[n] == ')') {
				line = lead + trimmed[:n] + `\` + trimmed[n:]
			}
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// cleanText normalises line ends and drops control characters and invalid
// UTF-8 that Discord would reject or show as boxes.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			return -1
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// runeLen counts characters the way Discord's limits do.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// splitText splits s into pieces of at most limit characters. It prefers a
// line break in the second half of the window, then any whitespace; only a
// single word (or link) longer than limit is cut, and never between a
// backslash and the character it escapes.
func splitText(s string, limit int) []string {
	if limit < 2 {
		limit = 2
	}
	r := []rune(strings.TrimSpace(s))
	var out []string
	for len(r) > limit {
		cut := -1
		for i := limit; i > limit/2; i-- {
			if r[i] == '\n' {
				cut = i
				break
			}
		}
		if cut < 0 {
			for i := limit; i > 0; i-- {
				if unicode.IsSpace(r[i]) {
					cut = i
					break
				}
			}
		}
		if cut <= 0 {
			cut = limit
			if trailingBackslashes(r[:cut])%2 == 1 {
				cut--
			}
		}
		if piece := strings.TrimRightFunc(string(r[:cut]), unicode.IsSpace); piece != "" {
			out = append(out, piece)
		}
		r = r[cut:]
		for len(r) > 0 && unicode.IsSpace(r[0]) {
			r = r[1:]
		}
	}
	if len(r) > 0 {
		out = append(out, string(r))
	}
	return out
}

func trailingBackslashes(r []rune) int {
	n := 0
	for i := len(r) - 1; i >= 0 && r[i] == '\\'; i-- {
		n++
	}
	return n
}

// truncateWords shortens s to at most limit characters at a word boundary,
// marking the cut with an ellipsis. It reports whether it cut.
func truncateWords(s string, limit int) (string, bool) {
	if runeLen(s) <= limit {
		return s, false
	}
	r := []rune(prefixRunes(s, limit))
	cut := -1
	for i := limit - 1; i > 0; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	if cut <= 0 {
		cut = limit - 1
	}
	if trailingBackslashes(r[:cut])%2 == 1 {
		cut--
	}
	return strings.TrimRightFunc(string(r[:cut]), unicode.IsSpace) + "…", true
}

// prefixRunes returns the first n characters of s without decoding the rest.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// truncateRunes keeps the first n characters of s, for error messages.
func truncateRunes(s string, n int) string {
	if runeLen(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// linkEscaper percent-encodes what would end a markdown link target early.
var linkEscaper = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")

// safeURL returns u fit for an embed URL or a markdown link target: http(s),
// with a host, with no characters that would end a markdown link early.
func safeURL(raw string) (string, string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 2048 {
		return "", "", false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", "", false
	}
	s := linkEscaper.Replace(u.String())
	return s, strings.TrimPrefix(u.Hostname(), "www."), true
}

// markdownLink renders a link to raw labelled with its host, or "" when raw
// is not a safe http(s) URL or too long to fit whole in a field.
func markdownLink(raw string) string {
	u, host, ok := safeURL(raw)
	// A link longer than half a field could only be shown by cutting it.
	if !ok || len(u)+len(host) > limitFieldValue/2 {
		return ""
	}
	return "[" + inlineEscaper.Replace(host) + "](" + u + ")"
}
