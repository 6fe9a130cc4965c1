package feed

import (
	"encoding/xml"
	"strings"
)

// extensionText reads a Media RSS, iTunes or Google Play element that may
// hold the only text or title of an item (video and podcast feeds). It
// returns a title found there; descriptions go to it.Extra.
func (r *xmlReader) extensionText(se xml.StartElement, kind nsKind, name string, it *parsedItem) (textValue, error) {
	switch {
	case kind == nsMedia && name == "group":
		var title textValue
		for {
			child, ok, err := r.nextChild()
			if err != nil || !ok {
				return title, err
			}
			t, err := r.extensionText(child, kind, strings.ToLower(child.Name.Local), it)
			if title.Value == "" {
				title = t
			}
			if err != nil {
				return title, err
			}
		}
	case kind == nsMedia && name == "title":
		c, err := r.content()
		return mediaText(se, c), err
	case kind == nsMedia && name == "description",
		kind == nsItunes && (name == "summary" || name == "subtitle"),
		kind == nsGooglePlay && name == "description":
		c, err := r.content()
		if t := mediaText(se, c); t.Value != "" {
			it.Extra = append(it.Extra, t)
		}
		return textValue{}, err
	}
	return textValue{}, r.skip()
}

// mediaText reads a Media RSS text element, plain unless type="html".
func mediaText(se xml.StartElement, c elementContent) textValue {
	if strings.EqualFold(strings.TrimSpace(attr(se, "type")), "html") || c.hasChildren {
		return c.html()
	}
	return plainText(c.chars)
}

// personName reads an author element: its <name> child when it has one
// (Atom), else its text (iTunes, Google Play).
func (r *xmlReader) personName(se xml.StartElement, ns nsClassifier) (string, error) {
	var name, chars string
	for {
		tok, err := r.token()
		if err != nil {
			return firstNonEmpty(name, chars), err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return firstNonEmpty(name, strings.TrimSpace(chars)), nil
		case xml.CharData:
			chars += string(t)
		case xml.StartElement:
			if strings.EqualFold(t.Name.Local, "name") && name == "" {
				s, err := r.text()
				name = s
				if err != nil {
					return name, err
				}
				continue
			}
			if err := r.skip(); err != nil {
				return firstNonEmpty(name, chars), err
			}
		}
	}
}

// isAlternate reports whether an Atom link points at the item's page: rel
// "alternate" or no rel at all.
func isAlternate(se xml.StartElement) bool {
	rel := strings.ToLower(strings.TrimSpace(attr(se, "rel")))
	return rel == "" || rel == "alternate"
}

func concatLinks(groups ...[]linkRef) []linkRef {
	var out []linkRef
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
