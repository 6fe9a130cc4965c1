package feed

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// xmlEncodingDecl matches the encoding pseudo-attribute of an XML prolog.
var xmlEncodingDecl = regexp.MustCompile(`(?i)^\s*(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']`)

// toUTF8 returns body as UTF-8. The label a feed declares is often wrong,
// so the bytes decide first: a byte order mark, or UTF-16 seen in the
// first characters, then a body that is valid UTF-8 is taken as UTF-8
// whatever the XML prolog or the Content-Type says (a Latin-1 text with
// accents is almost never valid UTF-8, while a UTF-8 text labelled
// ISO-8859-1 is common). Otherwise the prolog's encoding, then the
// header's charset, applies; a label no decoder knows is ignored, and
// what is left is read as Windows-1252, a superset of ISO-8859-1 and the
// most common unlabelled encoding.
func toUTF8(body []byte, contentType string) []byte {
	if bytes.HasPrefix(body, []byte{0xFE, 0xFF}) || bytes.HasPrefix(body, []byte{0xFF, 0xFE}) {
		return fromUTF16(body)
	}
	if enc := unmarkedUTF16(body); enc != nil {
		return decodeUTF16(body, enc.NewDecoder())
	}
	declared := ""
	if m := xmlEncodingDecl.FindSubmatch(prologWindow(body)); m != nil {
		declared = strings.ToLower(strings.TrimSpace(string(m[1])))
	}
	if utf8.Valid(body) && !sevenBitEncoding(declared) {
		return body
	}
	for _, label := range []string{declared, headerCharset(contentType)} {
		if label == "" || label == "utf-8" || label == "utf8" {
			continue
		}
		if out, ok := tryDecode(body, label); ok {
			return out
		}
	}
	return decodeWith(body, "windows-1252")
}

// sevenBitEncoding reports whether label names an encoding whose bytes are
// all ASCII, so that being valid UTF-8 says nothing against it.
func sevenBitEncoding(label string) bool {
	return strings.HasPrefix(label, "iso-2022") || label == "utf-7" || label == "hz-gb-2312"
}

// unmarkedUTF16 recognises UTF-16 without a byte order mark by the zero
// bytes around the first "<" (XML 1.0, appendix F), or returns nil.
func unmarkedUTF16(body []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(body, []byte{'<', 0, '?', 0}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case bytes.HasPrefix(body, []byte{0, '<', 0, '?'}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

func prologWindow(body []byte) []byte {
	if len(body) > 512 {
		return body[:512]
	}
	return body
}

// headerCharset returns the lower-cased charset parameter of a Content-Type.
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(params["charset"]))
}

func tryDecode(body []byte, label string) ([]byte, bool) {
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return nil, false
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return nil, false
	}
	return out, true
}

func decodeWith(body []byte, label string) []byte {
	if out, ok := tryDecode(body, label); ok {
		return out
	}
	out, _, err := transform.Bytes(charmap.Windows1252.NewDecoder(), body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	return out
}

// fromUTF16 decodes a document that starts with a UTF-16 byte order mark
// and rewrites the encoding its XML prolog declares, which no longer holds.
func fromUTF16(body []byte) []byte {
	return decodeUTF16(body, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
}

// decodeUTF16 decodes a UTF-16 document with dec and rewrites the encoding
// its XML prolog declares.
func decodeUTF16(body []byte, dec transform.Transformer) []byte {
	out, _, err := transform.Bytes(dec, body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	if loc := xmlEncodingDecl.FindSubmatchIndex(prologWindow(out)); loc != nil {
		out = append(append(append([]byte{}, out[:loc[2]]...), "UTF-8"...), out[loc[3]:]...)
	}
	return out
}
