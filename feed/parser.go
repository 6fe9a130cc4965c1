package feed

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// parsedFeed is what a feed document says.
type parsedFeed struct {
	Title      string
	Link       string
	Categories []string      // the feed's own categories, a genre signal for every item
	TTL        time.Duration // RSS <ttl>, 0 if none
	Items      []*gofeed.Item
}

// parseFeed parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed document.
// A document that is not a feed returns an error matching ErrNotAFeed.
func parseFeed(body []byte, contentType string) (out *parsedFeed, err error) {
	// The parser is third-party code fed with hostile input: a panic in it
	// must fail this feed, not the poller.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%w: parser panic: %v", errParse, r)
		}
	}()
	body = toUTF8(body, contentType)
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true
	f, err := p.Parse(bytes.NewReader(body))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, ErrNotAFeed
		}
		return nil, fmt.Errorf("%w: %w", errParse, err)
	}
	out = &parsedFeed{Title: f.Title, Link: f.Link, Categories: f.Categories, Items: f.Items}
	if orig, ok := f.OriginalFeed().(*rss.Feed); ok && orig != nil {
		if minutes, err := strconv.Atoi(strings.TrimSpace(orig.TTL)); err == nil && minutes > 0 {
			out.TTL = time.Duration(min(minutes, 7*24*60)) * time.Minute
		}
	}
	return out, nil
}
