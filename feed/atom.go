package feed

import (
	"encoding/base64"
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// atomDocument reads Atom 1.0 and 0.3 after the root <feed>: the feed's
// title and alternate link, and its entries.
func (r *xmlReader) atomDocument(root xml.StartElement) (*parsedFeed, error) {
	ns := nsClassifier{root: root.Name.Space}
	pf := &parsedFeed{}
	for {
		se, ok, err := r.nextChild()
		if err != nil || !ok {
			return pf, err
		}
		name := strings.ToLower(se.Name.Local)
		if ns.kind(se.Name.Space) != nsCore {
			if err := r.skip(); err != nil {
				return pf, err
			}
			continue
		}
		switch {
		case name == "entry" && len(pf.Items) < itemCap:
			item, err := r.atomEntry(ns)
			if err != nil {
				return pf, err // the entry was cut short
			}
			pf.Items = append(pf.Items, item)
			continue
		case name == "title" && pf.Title == "":
			t, err := r.atomText(se)
			pf.Title = textLine(t)
			if err != nil {
				return pf, err
			}
			continue
		case name == "link" && pf.Link.Href == "" && isAlternate(se):
			pf.Link = r.hrefLink(se)
		case name == "category" && len(pf.Categories) < maxCategories:
			pf.Categories = append(pf.Categories, atomCategory(se))
		}
		if err := r.skip(); err != nil {
			return pf, err
		}
	}
}

// atomCategory is a <category>'s human label, else its term.
func atomCategory(se xml.StartElement) string {
	if l := strings.TrimSpace(attr(se, "label")); l != "" {
		return l
	}
	return strings.TrimSpace(attr(se, "term"))
}

// atomEntry reads an <entry> whose start was just read.
func (r *xmlReader) atomEntry(ns nsClassifier) (*parsedItem, error) {
	it := &parsedItem{}
	var (
		links, idLink     []linkRef
		published, others []string
		mediaTitle        textValue
	)
	for {
		se, ok, err := r.nextChild()
		if err != nil {
			return it, err
		}
		if !ok {
			break
		}
		name := strings.ToLower(se.Name.Local)
		kind := ns.kind(se.Name.Space)
		var value textValue
		switch {
		case kind == nsCore && name == "title" && it.Title.Value == "":
			value, err = r.atomText(se)
			it.Title = value
		case kind == nsCore && name == "summary":
			value, err = r.atomText(se)
			it.Summary = value
		case kind == nsCore && name == "content":
			value, err = r.atomText(se)
			it.Content = value
		case kind == nsCore && name == "link":
			if isAlternate(se) {
				if l := r.hrefLink(se); l.Href != "" {
					links = append(links, l)
				}
			}
			err = r.skip()
		case kind == nsCore && name == "id":
			base := r.base()
			it.GUID, err = r.text()
			if strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://") {
				idLink = []linkRef{{Href: it.GUID, Base: base}}
			}
		case kind == nsCore && (name == "published" || name == "issued" || name == "created"):
			var s string
			s, err = r.text()
			published = append(published, s)
		case kind == nsCore && (name == "updated" || name == "modified"),
			kind == nsDC && name == "date":
			var s string
			s, err = r.text()
			others = append(others, s)
		case kind == nsCore && name == "author":
			var s string
			s, err = r.personName(se, ns)
			if s != "" {
				it.Authors = append(it.Authors, s)
			}
		case kind == nsDC && name == "creator":
			var s string
			s, err = r.text()
			it.Authors = append(it.Authors, s)
		case kind == nsCore && name == "category" && len(it.Categories) < maxCategories:
			it.Categories = append(it.Categories, atomCategory(se))
			err = r.skip()
		case kind == nsMedia || kind == nsItunes || kind == nsGooglePlay:
			value, err = r.extensionText(se, kind, name, it)
			if mediaTitle.Value == "" {
				mediaTitle = value
			}
		default:
			err = r.skip()
		}
		if err != nil {
			return it, err
		}
	}
	if it.Title.Value == "" {
		it.Title = mediaTitle
	}
	it.Links = concatLinks(links, idLink)
	it.Dates = append(published, others...)
	return it, nil
}

// atomText reads an Atom text construct (title, summary, content) by its
// type: "text" is plain text whatever it contains, "html" is escaped
// HTML, "xhtml" is inline markup. Atom 0.3 names MIME types instead and
// may wrap the value in base64 (mode="base64").
func (r *xmlReader) atomText(se xml.StartElement) (textValue, error) {
	typ := strings.ToLower(strings.TrimSpace(attr(se, "type")))
	mode := strings.ToLower(strings.TrimSpace(attr(se, "mode")))
	if attr(se, "src") != "" {
		return textValue{}, r.skip() // content elsewhere: nothing to read here
	}
	c, err := r.content()
	if err != nil {
		return textValue{}, err
	}
	if mode == "base64" {
		decoded, ok := decodeBase64Text(c.chars)
		if !ok {
			return textValue{}, nil
		}
		c = elementContent{chars: decoded}
	}
	switch {
	case typ == "" || typ == "text" || typ == "text/plain":
		if c.hasChildren {
			return htmlText(c.markup), nil // Atom 0.3 mode="xml" with markup
		}
		return plainText(c.chars), nil
	case typ == "html" || typ == "text/html":
		return c.html(), nil
	case typ == "xhtml" || strings.HasSuffix(typ, "xml"):
		if !c.hasChildren {
			return htmlText(c.chars), nil
		}
		return htmlText(c.markup), nil
	case strings.HasPrefix(typ, "text/"):
		return plainText(c.chars), nil
	}
	return textValue{}, nil // a binary media type: no text
}

// decodeBase64Text decodes base64 that carries text.
func decodeBase64Text(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), "")
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "=")); err != nil {
			return "", false
		}
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}
