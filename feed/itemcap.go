package feed

import (
	"bytes"
	"encoding/json"
)

// capItems returns body with every item past the first max removed, so that
// a document of 100,000 tiny items costs the parser, the normaliser and the
// store no more than a real feed does. The parsers also stop building
// items past the cap; cutting the document first spares them tokenising
// the rest and lets the memory budget hold what the parse will really
// cost (28 hostile feeds: 61 MiB peak with the cut, 69 MiB without). RSS <item>, Atom <entry> and the
// elements of a JSON Feed's "items" array count as items; everything before
// and after them (channel title, <ttl>) is kept. A body with at most max
// items is returned as it is, without copying. The scan is over bytes and
// knows only what it must of XML and JSON: tags, comments, CDATA and quoted
// attribute values; strings and nesting. It never fails; a document it
// cannot follow is returned as it is, for the parser to judge.
func capItems(body []byte, max int) []byte {
	if max <= 0 {
		return body
	}
	start := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(start) > 0 && start[0] == '{' {
		return cutRanges(body, jsonItemCuts(body, max))
	}
	if bytes.HasPrefix(body, []byte{0xFE, 0xFF}) || bytes.HasPrefix(body, []byte{0xFF, 0xFE}) {
		body = fromUTF16(body) // the scan reads ASCII bytes
	}
	return cutRanges(body, xmlItemCuts(body, max))
}

// span is a byte range [from, to) of a document.
type span struct{ from, to int }

// cutRanges returns body without the given ordered, disjoint spans.
func cutRanges(body []byte, cuts []span) []byte {
	if len(cuts) == 0 {
		return body
	}
	kept := len(body)
	for _, c := range cuts {
		kept -= c.to - c.from
	}
	out := make([]byte, 0, kept)
	at := 0
	for _, c := range cuts {
		out = append(out, body[at:c.from]...)
		at = c.to
	}
	return append(out, body[at:]...)
}

// xmlItemCuts finds, for each run of items past the first max, the span
// from the start of item max+1 to the end of the last item of the run.
func xmlItemCuts(body []byte, max int) []span {
	var (
		stack     [][]byte // names of open elements
		itemDepth = -1     // len(stack) inside the current item, -1 outside
		items     int
		cuts      []span
		cutFrom   = -1 // start of the items being dropped
		lastEnd   = -1 // end of the last dropped item
	)
	closeRun := func() {
		if cutFrom >= 0 && lastEnd > cutFrom {
			cuts = append(cuts, span{cutFrom, lastEnd})
		}
		cutFrom, lastEnd = -1, -1
	}
	for i := 0; i < len(body); {
		lt := bytes.IndexByte(body[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := body[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(body, i+4, "-->")
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i = skipPast(body, i+9, "]]>")
			continue
		case bytes.HasPrefix(rest, []byte("<?")):
			i = skipPast(body, i+2, "?>")
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			i = skipPast(body, i+2, ">")
			continue
		case bytes.HasPrefix(rest, []byte("</")):
			name, end := tagName(body, i+2)
			i = skipPast(body, end, ">")
			for n := len(stack) - 1; n >= 0; n-- {
				if bytes.Equal(stack[n], name) {
					stack = stack[:n]
					break
				}
			}
			if itemDepth >= 0 && len(stack) < itemDepth {
				itemDepth = -1
				if cutFrom >= 0 {
					lastEnd = i
				}
			}
			continue
		}
		tagStart := i
		name, end := tagName(body, i+1)
		if len(name) == 0 {
			i++
			continue
		}
		end, selfClosing := tagEnd(body, end)
		i = end
		if itemDepth < 0 && isItemName(name) {
			items++
			switch {
			case items > max && cutFrom < 0:
				cutFrom = tagStart
			case items <= max:
				closeRun()
			}
			if selfClosing {
				if cutFrom >= 0 {
					lastEnd = i
				}
				continue
			}
			stack = append(stack, name)
			itemDepth = len(stack)
			continue
		}
		if itemDepth < 0 && cutFrom >= 0 {
			closeRun() // something other than an item: keep it, and what follows
		}
		if !selfClosing {
			stack = append(stack, name)
		}
	}
	closeRun()
	return cuts
}

// isItemName reports whether an element name (with or without a prefix) is
// an RSS item or an Atom entry.
func isItemName(name []byte) bool {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return bytes.EqualFold(name, []byte("item")) || bytes.EqualFold(name, []byte("entry"))
}

// tagName returns the element name that starts at i and where it ends.
func tagName(body []byte, i int) ([]byte, int) {
	j := i
	for j < len(body) && !isSpaceByte(body[j]) && body[j] != '>' && body[j] != '/' {
		j++
	}
	return body[i:j], j
}

// tagEnd returns the index after the '>' closing a start tag whose
// attributes begin at i, skipping quoted attribute values, and whether the
// tag closes itself ("/>").
func tagEnd(body []byte, i int) (int, bool) {
	var quote byte
	for ; i < len(body); i++ {
		c := body[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1, i > 0 && body[i-1] == '/'
		}
	}
	return len(body), false
}

// skipPast returns the index after the first end at or after i, or the
// end of body.
func skipPast(body []byte, i int, end string) int {
	if i > len(body) {
		return len(body)
	}
	j := bytes.Index(body[i:], []byte(end))
	if j < 0 {
		return len(body)
	}
	return i + j + len(end)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// jsonItemCuts finds, in a JSON Feed, the elements past the first max of
// every top-level "items" array (the key as the JSON Feed parser reads it,
// escapes decoded), as the span from the comma after element max to the
// end of the last element.
func jsonItemCuts(body []byte, max int) []span {
	var (
		cuts     []span
		depth    int
		key      []byte // the last string at depth 1, a candidate key
		inItems  bool   // inside a top-level items array (depth 2)
		elements int    // elements of that array begun so far
		cutFrom  = -1
		lastEnd  int // end of the last element of the array
		expect   = true
	)
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch c {
		case '"':
			end := stringEnd(body, i)
			if depth == 1 {
				key = body[i:end]
			}
			if inItems && depth == 2 && expect {
				elements, expect = elements+1, false
			}
			i = end - 1
			if inItems && depth == 2 {
				lastEnd = end
			}
		case '{', '[':
			if inItems && depth == 2 && expect {
				elements, expect = elements+1, false
			}
			if c == '[' && depth == 1 && isItemsKey(key) {
				inItems, elements, expect, cutFrom = true, 0, true, -1
			}
			depth++
		case '}', ']':
			depth--
			if inItems && depth == 2 {
				lastEnd = i + 1
			}
			if inItems && depth == 1 && c == ']' {
				if cutFrom >= 0 && lastEnd > cutFrom {
					cuts = append(cuts, span{cutFrom, lastEnd})
				}
				inItems = false
			}
			if depth == 1 {
				key = nil
			}
		case ',':
			if inItems && depth == 2 {
				if elements == max && cutFrom < 0 {
					cutFrom = i
				}
				expect = true
			}
		case ':':
		default:
			if inItems && depth == 2 && expect && !isSpaceByte(c) {
				elements, expect = elements+1, false // a number, true, false or null
			}
			if inItems && depth == 2 && !isSpaceByte(c) {
				lastEnd = i + 1
			}
		}
	}
	return cuts
}

// stringEnd returns the index after the closing quote of the JSON string
// that starts at i.
func stringEnd(body []byte, i int) int {
	for j := i + 1; j < len(body); j++ {
		switch body[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(body)
}

// isItemsKey reports whether a quoted JSON string is the key "items".
func isItemsKey(quoted []byte) bool {
	var k string
	if json.Unmarshal(quoted, &k) != nil {
		return false
	}
	return k == "items"
}
