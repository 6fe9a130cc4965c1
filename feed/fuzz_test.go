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
