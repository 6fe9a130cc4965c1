package feed

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/newsdigest/newsdigest/store"
)

// testItem is one item of a generated RSS feed.
type testItem struct {
	GUID, Link, Title, Description, Content, PubDate string
}

// rssFeed renders an RSS 2.0 document.
func rssFeed(title string, items ...testItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>`)
	fmt.Fprintf(&b, "<title>%s</title><link>/</link>", title)
	for _, it := range items {
		b.WriteString("<item>")
		if it.GUID != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it.GUID)
		}
		if it.Link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", it.Link)
		}
		fmt.Fprintf(&b, "<title>%s</title>", it.Title)
		if it.Description != "" {
			fmt.Fprintf(&b, "<description><![CDATA[%s]]></description>", it.Description)
		}
		if it.Content != "" {
			fmt.Fprintf(&b, "<content:encoded><![CDATA[%s]]></content:encoded>", it.Content)
		}
		if it.PubDate != "" {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.PubDate)
		}
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// longText returns n words of distinct made-up prose seeded by seed.
func longText(seed string, n int) string {
	words := []string{"council", "harbour", "budget", "river", "school", "bridge", "market", "station",
		"garden", "library", "tower", "museum", "festival", "ferry", "tunnel", "clinic"}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[(i*7+len(seed)*3+i/5)%len(words)])
		if i%9 == 0 {
			b.WriteString(seed)
		}
	}
	return b.String()
}

// testOptions are Options for tests against httptest servers on loopback.
func testOptions() Options {
	return Options{
		AllowPrivateNetworks: true,
		Timeout:              5 * time.Second,
		PerHostRate:          rate.Inf,
		PerHostConcurrency:   4,
		Workers:              4,
		Now:                  func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) },
	}
}

// feedServer serves a mutable body at /feed.xml and counts requests.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	body     string
	requests int
	headers  []http.Header
}

func newFeedServer(t *testing.T, body string) *feedServer {
	t.Helper()
	fs := &feedServer{body: body}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.requests++
		fs.headers = append(fs.headers, r.Header.Clone())
		body := fs.body
		fs.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(body string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.body = body
}

func testFeed(id int64, url string) store.Feed {
	return store.Feed{ID: id, URL: url, Name: fmt.Sprintf("Outlet %d", id)}
}
