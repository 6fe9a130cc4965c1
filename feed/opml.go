package feed

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// OPMLFeed is one feed of an OPML subscription list.
type OPMLFeed struct {
	Title    string
	URL      string
	Category string // the title of the enclosing outline, "" at top level
}

type opmlDoc struct {
	XMLName xml.Name    `xml:"opml"`
	Version string      `xml:"version,attr"`
	Head    opmlHead    `xml:"head"`
	Body    opmlOutline `xml:"body"`
}

type opmlHead struct {
	Title string `xml:"title"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr,omitempty"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
}

// maxOPMLDepth bounds outline nesting on import.
const maxOPMLDepth = 32

// ReadOPML reads the feeds of an OPML document. Outlines with an xmlUrl are
// feeds; an outline without one is a category for the feeds inside it.
// URLs are not validated here: pass each through ValidateURL.
func ReadOPML(r io.Reader) ([]OPMLFeed, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("read OPML: %w", err)
	}
	var feeds []OPMLFeed
	var walk func(outlines []opmlOutline, category string, depth int) error
	walk = func(outlines []opmlOutline, category string, depth int) error {
		if depth > maxOPMLDepth {
			return fmt.Errorf("read OPML: outlines nested deeper than %d", maxOPMLDepth)
		}
		for _, o := range outlines {
			title := strings.TrimSpace(o.Title)
			if title == "" {
				title = strings.TrimSpace(o.Text)
			}
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				feeds = append(feeds, OPMLFeed{Title: title, URL: u, Category: category})
			}
			sub := category
			if o.XMLURL == "" && title != "" {
				sub = title
			}
			if err := walk(o.Outlines, sub, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Body.Outlines, "", 0); err != nil {
		return nil, err
	}
	return feeds, nil
}

// WriteOPML writes feeds as an OPML 2.0 document titled title, with one
// outline per category holding its feeds, in the order categories first
// appear.
func WriteOPML(w io.Writer, title string, feeds []OPMLFeed) error {
	doc := opmlDoc{Version: "2.0", Head: opmlHead{Title: title}}
	categoryIndex := map[string]int{}
	for _, f := range feeds {
		o := opmlOutline{Text: f.Title, Title: f.Title, Type: "rss", XMLURL: f.URL}
		if o.Text == "" {
			o.Text = f.URL
		}
		if f.Category == "" {
			doc.Body.Outlines = append(doc.Body.Outlines, o)
			continue
		}
		i, ok := categoryIndex[f.Category]
		if !ok {
			i = len(doc.Body.Outlines)
			categoryIndex[f.Category] = i
			doc.Body.Outlines = append(doc.Body.Outlines, opmlOutline{Text: f.Category, Title: f.Category})
		}
		doc.Body.Outlines[i].Outlines = append(doc.Body.Outlines[i].Outlines, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	return nil
}
