package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// parseFeed parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed document.
// A document that is not a feed returns an error matching ErrNotAFeed; one
// that breaks off or stops being XML midway, an error matching errParse.
func parseFeed(body []byte, contentType string) (out *parsedFeed, err error) {
	// A panic on hostile input must fail this feed, not the poller.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%w: parser panic: %v", errParse, r)
		}
	}()
	body = toUTF8(body, contentType)
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return parseJSONFeed(trimmed)
	}
	return parseXMLFeed(body)
}

// parseXMLFeed reads RSS, RSS 1.0 (RDF) and Atom by their root element.
func parseXMLFeed(body []byte) (*parsedFeed, error) {
	r := newXMLReader(body)
	for {
		tok, err := r.token()
		if err != nil {
			return nil, ErrNotAFeed // no root element: empty, garbage or not XML
		}
		root, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		var pf *parsedFeed
		switch strings.ToLower(root.Name.Local) {
		case "rss", "rdf":
			pf, err = r.rssDocument(root)
		case "feed":
			pf, err = r.atomDocument(root)
		default:
			return nil, ErrNotAFeed
		}
		if err != nil {
			// Keeping the items read so far would store the validators of a
			// broken document, and a 304 would then hide the rest for good.
			return nil, fmt.Errorf("%w: %w", errParse, err)
		}
		return pf, nil
	}
}
