package feed

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// xmlEncodingDecl matches the encoding pseudo-attribute of an XML prolog.
var xmlEncodingDecl = regexp.MustCompile(`(?i)^\s*(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']`)

// toUTF8 returns body as UTF-8 where the XML parser cannot do it alone: an
// encoding declared in the XML prolog is left to the parser; otherwise the
// charset of the Content-Type header is applied, and bytes that are not
// valid UTF-8 are read as Windows-1252 (a superset of ISO-8859-1), the most
// common mislabelled encoding.
func toUTF8(body []byte, contentType string) []byte {
	if bytes.HasPrefix(body, []byte{0xFE, 0xFF}) || bytes.HasPrefix(body, []byte{0xFF, 0xFE}) {
		return fromUTF16(body)
	}
	if m := xmlEncodingDecl.FindSubmatch(prologWindow(body)); m != nil {
		declared := strings.ToLower(string(m[1]))
		if declared != "utf-8" && declared != "utf8" {
			return body
		}
		if utf8.Valid(body) {
			return body
		}
		return decodeWith(body, "windows-1252")
	}
	if label := headerCharset(contentType); label != "" {
		if label != "utf-8" && label != "utf8" {
			if out, ok := tryDecode(body, label); ok {
				return out
			}
		}
	}
	if utf8.Valid(body) {
		return body
	}
	return decodeWith(body, "windows-1252")
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
	out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	if loc := xmlEncodingDecl.FindSubmatchIndex(prologWindow(out)); loc != nil {
		out = append(append(append([]byte{}, out[:loc[2]]...), "UTF-8"...), out[loc[3]:]...)
	}
	return out
}
