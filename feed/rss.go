package feed

import (
	"encoding/xml"
	"strconv"
	"strings"
	"time"
)

// rssDocument reads RSS 0.9x/2.0 and RSS 1.0 (RDF) after the root
// element: the channel's title, link and ttl, and the items, which RSS
// puts inside the channel and RSS 1.0 beside it.
func (r *xmlReader) rssDocument(root xml.StartElement) (*parsedFeed, error) {
	ns := nsClassifier{root: root.Name.Space}
	pf := &parsedFeed{}
	channelDepth := 0 // depth of the open <channel>, 0 if none
	depth := 1
	for depth > 0 {
		tok, err := r.token()
		if err != nil {
			return pf, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if depth--; depth < channelDepth {
				channelDepth = 0
			}
			continue
		case xml.StartElement:
			depth++
			name := strings.ToLower(t.Name.Local)
			kind := ns.kind(t.Name.Space)
			switch {
			case kind == nsCore && name == "channel":
				channelDepth = depth
				continue // its children are read in this loop
			case kind == nsCore && name == "item" && len(pf.Items) >= itemCap:
				// Past the cap: skip through below.
			case kind == nsCore && name == "item":
				item, err := r.rssItem(t, ns)
				if err != nil {
					return pf, err // the item was cut short
				}
				depth--
				pf.Items = append(pf.Items, item)
				continue
			case depth == channelDepth+1 && channelDepth > 0:
				if err := r.rssChannelField(pf, t, kind, name); err != nil {
					return pf, err
				}
				depth--
				continue
			}
			if err := r.skip(); err != nil {
				return pf, err
			}
			depth--
		}
	}
	return pf, nil
}

// rssChannelField reads one child of <channel>.
func (r *xmlReader) rssChannelField(pf *parsedFeed, se xml.StartElement, kind nsKind, name string) error {
	switch {
	case kind == nsCore && name == "title" && pf.Title == "":
		c, err := r.content()
		pf.Title = textLine(c.html())
		return err
	case kind == nsCore && name == "link" && pf.Link.Href == "":
		l, err := r.linkText()
		pf.Link = l
		return err
	case kind == nsCore && name == "ttl":
		s, err := r.text()
		if minutes, convErr := strconv.Atoi(s); convErr == nil && minutes > 0 {
			pf.TTL = time.Duration(min(minutes, 7*24*60)) * time.Minute
		}
		return err
	case kind == nsAtom && name == "link" && pf.Link.Href == "" && isAlternate(se):
		pf.Link = r.hrefLink(se)
	case kind == nsCore && name == "category" && len(pf.Categories) < maxCategories:
		s, err := r.text()
		pf.Categories = append(pf.Categories, s)
		return err
	}
	return r.skip()
}

// rssItem reads an <item> whose start was just read.
func (r *xmlReader) rssItem(start xml.StartElement, ns nsClassifier) (*parsedItem, error) {
	it := &parsedItem{}
	var (
		origLink, link   []linkRef
		atomLinks        []linkRef
		guidLink         []linkRef
		dcTitle, mediaTl textValue
		published, other []string
	)
	about := linkRef{Href: strings.TrimSpace(attr(start, "about")), Base: r.base()}
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
		var (
			c elementContent
			s string
			l linkRef
		)
		switch {
		case kind == nsCore && name == "title" && it.Title.Value == "":
			c, err = r.content()
			it.Title = c.html()
		case kind == nsCore && name == "link" && len(link) == 0:
			l, err = r.linkText()
			if l.Href != "" {
				link = append(link, l)
			}
		case kind == nsCore && name == "guid":
			base := r.base()
			s, err = r.text()
			it.GUID = s
			if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
				guidLink = []linkRef{{Href: s, Base: base}}
			}
		case kind == nsCore && name == "description":
			c, err = r.content()
			it.Summary = c.html()
		case kind == nsCore && name == "pubdate":
			s, err = r.text()
			published = append(published, s)
		case kind == nsCore && name == "author":
			s, err = r.text()
			it.Authors = append(it.Authors, s)
		case (kind == nsCore && name == "category" || kind == nsDC && name == "subject") && len(it.Categories) < maxCategories:
			s, err = r.text()
			it.Categories = append(it.Categories, s)
		case kind == nsContent && name == "encoded":
			c, err = r.content()
			it.Content = c.html()
		case kind == nsXHTML && name == "body":
			c, err = r.content()
			if it.Content.Value == "" {
				it.Content = c.html()
			}
		case kind == nsDC && name == "title":
			c, err = r.content()
			dcTitle = c.html()
		case kind == nsDC && name == "description":
			c, err = r.content()
			it.Extra = append(it.Extra, c.html())
		case kind == nsDC && (name == "creator" || name == "author"):
			s, err = r.text()
			it.Authors = append(it.Authors, s)
		case kind == nsDC && name == "date", kind == nsDCTerms && (name == "issued" || name == "created" || name == "date"),
			kind == nsAtom && name == "published":
			s, err = r.text()
			published = append(published, s)
		case kind == nsDCTerms && name == "modified", kind == nsAtom && name == "updated":
			s, err = r.text()
			other = append(other, s)
		case kind == nsAtom && name == "link":
			if isAlternate(se) {
				if l := r.hrefLink(se); l.Href != "" {
					atomLinks = append(atomLinks, l)
				}
			}
			err = r.skip()
		case kind == nsAtom && name == "author", kind == nsItunes && name == "author", kind == nsGooglePlay && name == "author":
			s, err = r.personName(se, ns)
			if s != "" {
				it.Authors = append(it.Authors, s)
			}
		case kind == nsFeedburner && name == "origlink":
			l, err = r.linkText()
			if l.Href != "" {
				origLink = append(origLink, l)
			}
		case kind == nsMedia || kind == nsItunes || kind == nsGooglePlay:
			var t textValue
			t, err = r.extensionText(se, kind, name, it)
			if t.Value != "" && mediaTl.Value == "" {
				mediaTl = t
			}
		default:
			err = r.skip()
		}
		if err != nil {
			return it, err
		}
	}
	if it.Title.Value == "" {
		it.Title = dcTitle
	}
	if it.Title.Value == "" {
		it.Title = mediaTl
	}
	var aboutLink []linkRef
	if about.Href != "" {
		aboutLink = []linkRef{about}
	}
	// The original link beats FeedBurner's proxy; a permalink GUID or the
	// RDF item's own address stand in when there is no link at all.
	it.Links = concatLinks(origLink, link, atomLinks, guidLink, aboutLink)
	it.Dates = append(published, other...)
	return it, nil
}
