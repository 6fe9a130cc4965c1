package feed

import "time"

// parsedFeed is what a feed document says, whatever its format.
type parsedFeed struct {
	Title string        // on one line, rendered from HTML where the format says it is HTML
	Link  linkRef       // the site the feed belongs to (RSS channel <link>, Atom alternate link, JSON home_page_url)
	TTL   time.Duration // RSS <ttl>, 0 if none
	Items []*parsedItem
	// Categories are the feed's own (RSS channel <category>, Atom feed
	// <category>): a genre signal for every item ("Opinion").
	Categories []string
}

// parsedItem is one entry of a feed, before normalisation. Text keeps the
// format's word on whether it is HTML; links keep the xml:base in force
// where they were written, so that normalize can resolve them against the
// document's address.
type parsedItem struct {
	GUID    string
	Title   textValue
	Links   []linkRef // in order of preference: the first usable one is the article's URL
	Dates   []string  // dates as written, in order of preference (published before updated)
	Authors []string  // names, possibly HTML
	Content textValue // the full text: content:encoded, Atom content, JSON content_html/content_text
	Summary textValue // description, Atom summary, JSON summary
	// Extra holds text found only in extensions (media:description,
	// itunes:subtitle, itunes:summary, googleplay:description): used when
	// the item has no content or summary of its own.
	Extra []textValue
	// Categories are the item's (RSS <category>, dc:subject, Atom
	// <category term>, JSON Feed tags): genre signals.
	Categories []string
}

// textValue is a piece of text and how to read it.
type textValue struct {
	Value string
	HTML  bool // true: HTML to be rendered as text; false: plain text, angle brackets and all
}

func htmlText(s string) textValue  { return textValue{Value: s, HTML: true} }
func plainText(s string) textValue { return textValue{Value: s} }

// linkRef is a link as written in the document.
type linkRef struct {
	Href string
	Base string // the xml:base in force, possibly relative; "" if none
}

// itemCap bounds the items kept from one document while parsing, so a
// hostile feed with millions of items costs no more than a real one.
const itemCap = maxItemsPerDocument
