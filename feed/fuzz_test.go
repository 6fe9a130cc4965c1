package feed

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		rssFeed("T", testItem{GUID: "1", Link: "/rel", Title: "A &amp; B", Description: "<p>x</p>", PubDate: "bad"}),
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf` + "\xe9" + `</title><item><title>x</title></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div>t</div></title><link href="a"/></entry></feed>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>r</title></item></rdf:RDF>`,
		`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","content_text":"t","date_published":"x"}]}`,
		`<html><head><link rel="alternate" type="application/rss+xml" href="/f"></head></html>`,
		`<rss><channel><item><title><![CDATA[<b>unclosed`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":7,"title":"</x>","authors":{"name":"A"}},"s"]}`,
		`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><content mode="base64" type="text/html">PHA+eDwvcD4=</content></entry></feed>`,
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/a/"><entry xml:base="b/"><link href="c"/><title type="text">v&lt;T&gt;</title></entry></feed>`,
		`<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><link>https://site.example/</link><item><guid>g</guid><link>x</link><media:group><media:description>d</media:description></media:group><feedburner:origLink>y</feedburner:origLink></item><item><guid>g</guid><link>z</link></item></channel></rss>`,
		"<?xml version=\"1.0\" encoding=\"invalid\"?><rss><channel><item><title>Cr\u00e8me</title><pubDate>Di, 12 M\u00e4r 2024 10:00 MEZ</pubDate></item></channel></rss>",
		"",
	}
	for _, s := range seeds {
		f.Add([]byte(s), "application/rss+xml; charset=iso-8859-1")
	}
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, doc []byte, contentType string) {
		pf, err := parseFeed(doc, contentType)
		if err != nil {
			if looksLikeHTML(doc, contentType) {
				discoverFeed(doc, "https://example.org/page")
			}
			return
		}
		for _, a := range normalize(pf, testFeed(1, ""), "https://example.org/feed.xml", now) {
			if a.Published.IsZero() {
				t.Errorf("item without a date: %+v", a)
			}
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Text) {
				t.Errorf("invalid UTF-8 in %q / %q", a.Title, a.Text)
			}
		}
	})
}

// FuzzParseDate: no input makes the date parser panic, and no date more
// than maxFutureSkew ahead of the time of fetching is taken as is (such a
// date is dropped, not clamped; see readDate).
func FuzzParseDate(f *testing.F) {
	for _, tt := range issueDateFormats {
		f.Add(tt.in)
	}
	for _, s := range []string{
		"", "0", "99999999999", "Mon, 01 Jan 2035 00:00:00 GMT", "2026-03-02T11:59:59Z", "2026-03-02T12:00:01Z",
		"31/12/9999 23:59", "+14:00", "12 Mar 2024 10:00 GMT+99", "2024-02-30", "mar mar mar 2024",
		"2024-03-12 10:00 Europe/../../etc/passwd", "2014年04月08日 10:00", "(CET) 12 Mar 2024 10:00 [x]",
	} {
		f.Add(s)
	}
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, raw string) {
		parseDate(raw)
		got, ok := readDate(raw, now)
		if !ok {
			return
		}
		if got.After(now.Add(maxFutureSkew)) {
			t.Errorf("readDate(%q) = %v, more than %v after %v", raw, got, maxFutureSkew, now)
		}
		if got.Year() < minPlausibleYear || got.Location() != time.UTC {
			t.Errorf("readDate(%q) = %v", raw, got)
		}
	})
}
