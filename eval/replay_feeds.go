package eval

import (
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"strings"
	"time"
)

// feedItemsKept is how many items a replayed outlet's feed document carries,
// newest first, as a real feed keeps its latest few dozen.
const feedItemsKept = 20

// replayFeed is one outlet of the replayed stream, served to the poller as
// an RSS file under the replay's temporary directory.
type replayFeed struct {
	source, lean string
	path         string
	id           int64 // the store's feed ID
	items        []replayRecord
}

// rssDocument is the subset of RSS 2.0 the replay writes.
type rssDocument struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Description string  `xml:"description"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// publish adds r to the feed's items, newest first, keeping feedItemsKept.
func (f *replayFeed) publish(r replayRecord) {
	f.items = append([]replayRecord{r}, f.items...)
	if len(f.items) > feedItemsKept {
		f.items = f.items[:feedItemsKept]
	}
}

// write writes the feed document and stamps the file with the replay's
// clock, which the poller reads as Last-Modified: a file rewritten within
// one tick of the file system's own clock would otherwise look unchanged.
func (f *replayFeed) write(at time.Time) error {
	doc := rssDocument{Version: "2.0", Channel: rssChannel{
		Title: f.source, Link: "https://replay.invalid/", Description: "replayed stream"}}
	for _, r := range f.items {
		doc.Channel.Items = append(doc.Channel.Items, rssItem{
			Title:       r.Title,
			Link:        r.URL,
			GUID:        rssGUID{IsPermaLink: "false", Value: r.ID},
			PubDate:     r.Published.UTC().Format(time.RFC1123Z),
			Description: paragraphsHTML(r.Text),
		})
	}
	out, err := xml.MarshalIndent(doc, "", " ")
	if err != nil {
		return fmt.Errorf("encode feed %s: %w", f.source, err)
	}
	if err := os.WriteFile(f.path, append([]byte(xml.Header), out...), 0o600); err != nil {
		return fmt.Errorf("write feed %s: %w", f.source, err)
	}
	if err := os.Chtimes(f.path, at, at); err != nil {
		return fmt.Errorf("stamp feed %s: %w", f.source, err)
	}
	return nil
}

// paragraphsHTML renders one paragraph per line as HTML paragraphs, the way
// a feed's description carries an article's opening.
func paragraphsHTML(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString("<p>")
			b.WriteString(html.EscapeString(line))
			b.WriteString("</p>")
		}
	}
	return b.String()
}
