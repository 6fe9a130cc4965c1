package slack

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// mrkdwnEscaper escapes the three characters Slack's mrkdwn gives meaning
// to, so article text cannot form <!channel> pings or <http://x|y> links.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape makes plain text safe inside mrkdwn.
func escape(s string) string { return mrkdwnEscaper.Replace(s) }

// link renders a mrkdwn link to rawURL labelled with plain text label; the
// label alone (escaped) if rawURL is not a usable http(s) URL.
func link(rawURL, label string) string {
	u := safeURL(rawURL)
	if u == "" {
		return escape(label)
	}
	if label == "" {
		return "<" + u + ">"
	}
	return "<" + u + "|" + escape(label) + ">"
}

// safeURL returns rawURL fit to sit inside <…|…>, or "" if it is not an
// absolute http(s) URL. Characters that would end the link are
// percent-encoded.
func safeURL(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return strings.NewReplacer("|", "%7C", "<", "%3C", ">", "%3E", " ", "%20", "&", "&amp;").Replace(u.String())
}

// runes counts characters as Slack does for its limits.
func runes(s string) int { return utf8.RuneCountInString(s) }

// chunker packs escaped atoms (words, links) into pieces of at most limit
// characters, breaking only between atoms. An atom longer than limit on its
// own (a giant URL) is cut, at a character that does not split an entity.
type chunker struct {
	limit  int
	out    []string
	cur    strings.Builder
	curLen int
}

// add appends atom, preceded by sep unless it starts a new piece.
func (c *chunker) add(sep, atom string) {
	n := runes(atom)
	if n == 0 {
		return
	}
	if c.curLen > 0 && c.curLen+runes(sep)+n > c.limit {
		c.flush()
	}
	if c.curLen > 0 {
		c.cur.WriteString(sep)
		c.curLen += runes(sep)
	}
	for c.curLen+n > c.limit {
		head, tail := cutAtom(atom, c.limit-c.curLen)
		c.cur.WriteString(head)
		c.curLen += runes(head)
		c.flush()
		atom, n = tail, runes(tail)
	}
	c.cur.WriteString(atom)
	c.curLen += n
}

func (c *chunker) flush() {
	if s := strings.TrimSpace(c.cur.String()); s != "" {
		c.out = append(c.out, s)
	}
	c.cur.Reset()
	c.curLen = 0
}

// pieces returns the packed pieces.
func (c *chunker) pieces() []string {
	c.flush()
	return c.out
}

// cutAtom splits s after at most max characters, never inside an &…; entity.
func cutAtom(s string, max int) (head, tail string) {
	if max < 1 {
		max = 1
	}
	i, count := 0, 0
	for i < len(s) && count < max {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	if amp := strings.LastIndexByte(s[:i], '&'); amp >= 0 && !strings.Contains(s[amp:i], ";") && i-amp < 6 && amp > 0 {
		i = amp
	}
	return s[:i], s[i:]
}

// splitText escapes plain text and splits it into pieces of at most limit
// characters at line or word boundaries. lead, already mrkdwn, starts the
// first piece (a linked heading, say) and is kept whole when it fits.
func splitText(lead, plain string, limit int) []string {
	c := &chunker{limit: limit}
	if lead != "" {
		c.add("", lead)
	}
	first := lead == ""
	for _, line := range strings.Split(plain, "\n") {
		sep := "\n"
		for _, w := range strings.Fields(line) {
			if first {
				sep, first = "", false
			}
			c.add(sep, escape(w))
			sep = " "
		}
	}
	return c.pieces()
}

// shorten returns plain text of at most limit characters, cut at a word
// boundary with an ellipsis; for labels that must stay on one element.
func shorten(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if runes(s) <= limit {
		return s
	}
	r := []rune(s)[:limit-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
