package feed

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedLinkTypes are the <link rel="alternate"> types that name a feed, best
// first.
var feedLinkTypes = []string{
	"application/atom+xml", "application/rss+xml", "application/feed+json",
	"application/json", "application/rdf+xml", "application/xml", "text/xml",
}

// looksLikeHTML reports whether body is an HTML page rather than a feed.
func looksLikeHTML(body []byte, contentType string) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "text/html") || strings.Contains(ct, "application/xhtml") {
		return true
	}
	head := bytes.ToLower(body[:min(len(body), 1024)])
	return bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html"))
}

// discoverFeed returns the absolute URL of the feed an HTML page advertises
// with <link rel="alternate" type="application/rss+xml" href="…">, or "".
func discoverFeed(page []byte, pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	found := map[string]string{} // type -> href, first of each type
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		if a == atom.Body {
			break // feed links live in <head>
		}
		if a != atom.Link || !hasAttr {
			continue
		}
		var rel, typ, href string
		for {
			key, val, more := z.TagAttr()
			switch string(key) {
			case "rel":
				rel = strings.ToLower(string(val))
			case "type":
				typ = strings.ToLower(strings.TrimSpace(string(val)))
			case "href":
				href = strings.TrimSpace(string(val))
			}
			if !more {
				break
			}
		}
		if href == "" || !containsWord(rel, "alternate") {
			continue
		}
		if _, ok := found[typ]; !ok {
			found[typ] = href
		}
	}
	for _, typ := range feedLinkTypes {
		href, ok := found[typ]
		if !ok {
			continue
		}
		ref, err := url.Parse(href)
		if err != nil {
			continue
		}
		abs := base.ResolveReference(ref)
		if abs.Scheme == "http" || abs.Scheme == "https" {
			return abs.String()
		}
	}
	return ""
}

func containsWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if w == word {
			return true
		}
	}
	return false
}
