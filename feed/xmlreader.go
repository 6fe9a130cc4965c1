package feed

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"
)

// xmlNamespace is the XML namespace of xml:base.
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// xmlReader walks the tokens of a feed document, keeping the xml:base in
// force. It reads forgivingly: unknown entities stay as written, missing
// end tags are invented, and the encoding label of the prolog is ignored
// because toUTF8 has already made the body UTF-8.
type xmlReader struct {
	d     *xml.Decoder
	bases []string // the xml:base in force inside each open element
}

func newXMLReader(body []byte) *xmlReader {
	d := xml.NewDecoder(bytes.NewReader(dropInvalidXMLChars(body)))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return &xmlReader{d: d}
}

// token returns the next token, tracking xml:base. Character data is
// copied, as the decoder reuses its buffer.
func (r *xmlReader) token() (xml.Token, error) {
	tok, err := r.d.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		base := r.base()
		if b, ok := xmlBaseAttr(t); ok {
			base = joinBase(base, b)
		}
		r.bases = append(r.bases, base)
	case xml.EndElement:
		if len(r.bases) > 0 {
			r.bases = r.bases[:len(r.bases)-1]
		}
	case xml.CharData:
		return xml.CharData(bytes.Clone(t)), nil
	}
	return tok, nil
}

// base is the xml:base in force at the current element, "" if none.
func (r *xmlReader) base() string {
	if len(r.bases) == 0 {
		return ""
	}
	return r.bases[len(r.bases)-1]
}

// skip reads past the end of the element whose start was just read,
// without copying what it skips.
func (r *xmlReader) skip() error {
	if err := r.d.Skip(); err != nil {
		return err
	}
	if len(r.bases) > 0 {
		r.bases = r.bases[:len(r.bases)-1] // the skipped element's own
	}
	return nil
}

// nextChild reads on to the next child of the element whose start was read
// last, passing over its text, and returns the child's start; ok is false
// once the element has ended.
func (r *xmlReader) nextChild() (se xml.StartElement, ok bool, err error) {
	for {
		tok, err := r.token()
		if err != nil {
			return xml.StartElement{}, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, true, nil
		case xml.EndElement:
			return xml.StartElement{}, false, nil
		}
	}
}

// elementContent is what an element holds: its character data, and the
// same content as markup (child elements written back as tags, text
// escaped) for elements that carry HTML or XHTML unescaped.
type elementContent struct {
	chars       string
	markup      string
	hasChildren bool
}

// html returns the content as an HTML fragment: the markup when the
// element holds child elements (unescaped HTML), else its character data
// (escaped HTML, the usual way).
func (c elementContent) html() textValue {
	if c.hasChildren {
		return htmlText(c.markup)
	}
	return htmlText(c.chars)
}

// content reads the element whose start was just read, to its end. The
// markup is built only once a child element shows there is markup.
func (r *xmlReader) content() (elementContent, error) {
	var chars, markup strings.Builder
	var c elementContent
	done := func() elementContent {
		c.chars, c.markup = chars.String(), markup.String()
		return c
	}
	for depth := 1; ; {
		tok, err := r.token()
		if err != nil {
			return done(), err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if !c.hasChildren {
				c.hasChildren = true
				markup.WriteString(html.EscapeString(chars.String()))
			}
			markup.WriteByte('<')
			markup.WriteString(t.Name.Local)
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" || a.Name.Space == xmlNamespace {
					continue
				}
				markup.WriteString(" " + a.Name.Local + `="` + html.EscapeString(a.Value) + `"`)
			}
			markup.WriteByte('>')
		case xml.EndElement:
			if depth--; depth == 0 {
				return done(), nil
			}
			markup.WriteString("</" + t.Name.Local + ">")
		case xml.CharData:
			chars.Write(t)
			if c.hasChildren {
				markup.WriteString(html.EscapeString(string(t)))
			}
		}
	}
}

// text reads the element whose start was just read and returns its
// character data, trimmed.
func (r *xmlReader) text() (string, error) {
	c, err := r.content()
	return strings.TrimSpace(c.chars), err
}

// link returns a link written as the element's text.
func (r *xmlReader) linkText() (linkRef, error) {
	base := r.base()
	s, err := r.text()
	return linkRef{Href: s, Base: base}, err
}

// hrefLink returns a link written as the element's href attribute.
func (r *xmlReader) hrefLink(se xml.StartElement) linkRef {
	return linkRef{Href: strings.TrimSpace(attr(se, "href")), Base: r.base()}
}

func xmlBaseAttr(se xml.StartElement) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == "base" && (a.Name.Space == xmlNamespace || a.Name.Space == "xml") {
			return strings.TrimSpace(a.Value), true
		}
	}
	return "", false
}

// joinBase resolves an xml:base against the one in force around it. Both
// may be relative; the result is resolved against the document's address
// in normalize.
func joinBase(outer, inner string) string {
	if outer == "" {
		return inner
	}
	o, err1 := url.Parse(outer)
	i, err2 := url.Parse(inner)
	if err1 != nil || err2 != nil {
		return inner
	}
	return o.ResolveReference(i).String()
}

// attr returns the value of the attribute with the given local name,
// whatever its namespace.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if strings.EqualFold(a.Name.Local, local) {
			return a.Value
		}
	}
	return ""
}

// dropInvalidXMLChars removes the characters XML 1.0 forbids (control
// characters other than tab and newlines, U+FFFE, U+FFFF), which feeds
// carry now and then and which would stop the decoder.
func dropInvalidXMLChars(body []byte) []byte {
	clean := true
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if !xmlChar(r, size) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return body
	}
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if xmlChar(r, size) {
			out = append(out, body[i:i+size]...)
		}
		i += size
	}
	return out
}

// xmlChar reports whether the rune r, decoded from size bytes, may appear
// in an XML document.
func xmlChar(r rune, size int) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r == 0xFFFE, r == 0xFFFF:
		return false
	case r == utf8.RuneError && size == 1: // a byte that is not UTF-8
		return false
	}
	return true
}
