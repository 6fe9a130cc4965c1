package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsdigest/newsdigest/store"
)

func latin1(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseEncodings(t *testing.T) {
	const title = "Café crème à Zürich"
	body := `<rss version="2.0"><channel><title>Élan</title><item><guid>1</guid><title>` + title + `</title><description>Señor Müller</description></item></channel></rss>`
	tests := []struct {
		name        string
		doc         []byte
		contentType string
	}{
		{"prolog ISO-8859-1", append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?>`), latin1(t, body)...), "application/rss+xml"},
		{"header ISO-8859-1", latin1(t, body), "application/rss+xml; charset=ISO-8859-1"},
		{"prolog windows-1252", append([]byte(`<?xml version="1.0" encoding="windows-1252"?>`), latin1(t, body)...), ""},
		{"undeclared latin-1", latin1(t, body), "text/xml"},
		{"prolog says UTF-8 but is latin-1", append([]byte(`<?xml version="1.0" encoding="utf-8"?>`), latin1(t, body)...), ""},
		{"utf-8", []byte(body), "application/rss+xml; charset=utf-8"},
		{"utf-16 with BOM", utf16LE(`<?xml version="1.0" encoding="UTF-16"?>` + body), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pf, err := parseFeed(tt.doc, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if pf.Title != "Élan" || len(pf.Items) != 1 || pf.Items[0].Title.Value != title || pf.Items[0].Summary.Value != "Señor Müller" {
				t.Errorf("parsed title %q, items %+v", pf.Title, pf.Items)
			}
		})
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct{ name, doc, wantTitle string }{
		{"rss 0.91", `<rss version="0.91"><channel><title>c</title><item><title>Old &amp; gold</title><link>https://e.org/1</link></item></channel></rss>`, "Old & gold"},
		{"rss 1.0", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>c</title></channel><item><title>RDF item</title><link>https://e.org/2</link></item></rdf:RDF>`, "RDF item"},
		{"atom 1.0", `<feed xmlns="http://www.w3.org/2005/Atom"><title>c</title><entry><id>tag:e.org,2026:1</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; claim</title><link href="https://e.org/3"/><updated>2026-02-01T10:00:00Z</updated></entry></feed>`, "A bold claim"},
		{"atom 0.3", `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>c</title><entry><title>Legacy</title><link rel="alternate" href="https://e.org/4"/><issued>2026-02-01T10:00:00Z</issued></entry></feed>`, "Legacy"},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","title":"c","items":[{"id":"5","url":"https://e.org/5","title":"JSON &#8216;quoted&#8217;","content_html":"<p>x</p>"}]}`, "JSON ‘quoted’"},
	}
	now := testOptions().Now()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pf, err := parseFeed([]byte(tt.doc), "")
			if err != nil {
				t.Fatal(err)
			}
			arts := normalize(pf, testFeed(1, "https://e.org/feed"), "https://e.org/feed", now)
			if len(arts) != 1 || arts[0].Title != tt.wantTitle {
				t.Fatalf("articles = %+v", arts)
			}
		})
	}
}

func TestNormalizeRelativeLinksAndDates(t *testing.T) {
	doc := rssFeed("T",
		testItem{GUID: "1", Link: "/2026/03/relative-story", Title: "Relative", Description: "r", PubDate: "not a date"},
		testItem{GUID: "2", Link: "sibling.html", Title: "Sibling", Description: "s"},
		testItem{GUID: "3", Link: "https://other.example/abs", Title: "Future", Description: "f", PubDate: "Mon, 01 Jan 2035 00:00:00 GMT"},
		testItem{GUID: "4", Title: "No link", Description: "n", PubDate: "2026-02-27T08:30:00+01:00"},
	)
	pf, err := parseFeed([]byte(doc), "")
	if err != nil {
		t.Fatal(err)
	}
	now := testOptions().Now()
	arts := normalize(pf, testFeed(1, ""), "https://news.example/feeds/main.xml", now)
	if len(arts) != 4 {
		t.Fatalf("got %d articles, want 4 (no item dropped for its date)", len(arts))
	}
	want := []struct {
		url       string
		published time.Time
	}{
		{"https://news.example/2026/03/relative-story", now},
		{"https://news.example/feeds/sibling.html", now},
		{"https://other.example/abs", now},
		{"", time.Date(2026, 2, 27, 7, 30, 0, 0, time.UTC)},
	}
	for i, w := range want {
		if arts[i].URL != w.url || !arts[i].Published.Equal(w.published) {
			t.Errorf("item %d: url %q published %v, want %q %v", i, arts[i].URL, arts[i].Published, w.url, w.published)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain  text\n\n second", "plain text\nsecond"},
		{"<p>One <em>two</em>three</p><p>Four&nbsp;five &amp; six</p>", "One twothree\nFour five & six"},
		{"<div>a<br>b</div><script>var x = 1;</script><style>p{}</style>c", "a\nb\nc"},
		{"<ul><li>x</li><li>y</li></ul>", "x\ny"},
		{"caf\u00e9 <b>cr\u00e8me</b>", "café crème"},
		{"a < b and c > d", "a < b and c > d"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLPageDiscovery(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!DOCTYPE html><html><head><title>Site</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="News" href="/rss/news.xml">
</head><body><p>Welcome</p></body></html>`))
	})
	mux.HandleFunc("/rss/news.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(rssFeed("News", testItem{GUID: "d", Link: "story", Title: "Discovered", Description: "d"})))
	})
	mux.HandleFunc("/nofeed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body>nothing</body></html>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	st := newFakeStore(testFeed(1, srv.URL+"/"), testFeed(2, srv.URL+"/nofeed"))
	reports := NewPoller(st, testOptions()).Poll(context.Background(), []store.Feed{st.feed(1), st.feed(2)})
	if reports[0].Status != StatusOK || reports[0].Backlog != 1 || st.feed(1).URL != srv.URL+"/rss/news.xml" {
		t.Fatalf("discovery report = %+v, feed URL %q", reports[0], st.feed(1).URL)
	}
	if arts := st.all(); arts[0].URL != srv.URL+"/rss/story" {
		t.Errorf("relative link against the discovered feed = %q", arts[0].URL)
	}
	if reports[1].Status != StatusError || !strings.Contains(reports[1].Err, "without a feed link") {
		t.Errorf("page without feed = %+v", reports[1])
	}
}

func TestTeaserFullText(t *testing.T) {
	article := longText("fulltext", 300)
	half := strings.Index(article[len(article)/2:], " ") + len(article)/2
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(rssFeed("T",
			testItem{GUID: "t1", Link: "/story", Title: "Teaser", Description: "The harbour council met on Monday and decided …"},
			testItem{GUID: "t2", Link: "/broken", Title: "Broken page", Description: "Short teaser, read more"},
		)))
	})
	pageHits := 0
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		pageHits++
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><head><title>Teaser | Site</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Teaser</h1><p>` + article[:half] + `</p><p>` + article[half+1:] + `</p></article>
<footer>Copyright footer links</footer></body></html>`))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := testFeed(1, srv.URL+"/feed")
	f.Fetched = true
	st := newFakeStore(f)
	opts := testOptions()
	opts.FetchFullText = true
	p := NewPoller(st, opts)
	p.Poll(context.Background(), []store.Feed{f})
	arts := st.all()
	byGUID := map[string]store.Article{}
	for _, a := range arts {
		byGUID[a.GUID] = a
	}
	full := byGUID["t1"].Text
	if strings.Join(strings.Fields(full), " ") != article || strings.Contains(full, "Copyright") {
		t.Errorf("full text = %q\nwant %q", full, article)
	}
	if byGUID["t2"].Text != "Short teaser, read more" {
		t.Errorf("failed extraction must keep the feed text, got %q", byGUID["t2"].Text)
	}
	// The next poll sees the same feed item: unchanged, and no page refetch.
	rep := p.Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.Edited != 0 || rep.NewArticles != 0 || pageHits != 1 {
		t.Errorf("second poll = %+v, page fetched %d times", rep, pageHits)
	}
}

func TestIsTeaser(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"", true},
		{"A short summary.", true},
		{longText("x", 200), false},
		{longText("x", 200) + " …", true},
		{longText("x", 200) + " Continue reading", true},
	}
	for _, tt := range tests {
		if got := isTeaser(tt.text); got != tt.want {
			t.Errorf("isTeaser(%.40q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestTrimLeadingNonProse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Home\nNews\nSpace\nThe probe landed on Tuesday after a long cruise.", "The probe landed on Tuesday after a long cruise."},
		{"Published 1 day ago\nShort.\nMore text here", "Short.\nMore text here"},
		{"A full first line that is a sentence of prose\nsecond", "A full first line that is a sentence of prose\nsecond"},
		{"only\nshort\nlines", "only\nshort\nlines"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := trimLeadingNonProse(tt.in); got != tt.want {
			t.Errorf("trimLeadingNonProse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractTextSkipsChromeAndCaptions(t *testing.T) {
	body := longText("story", 250)
	page := `<html><head><title>T</title></head><body><nav>Home | World | Sport</nav>
<div class="breadcrumbs">Home</div><article><figure><img src="x.jpg"><figcaption>A photo caption here</figcaption></figure>
<p>` + body + `</p></article><aside class="related">Related stories you may like</aside></body></html>`
	title, text, err := ExtractText([]byte(page), "", "https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	if title != "T" || text != body {
		t.Errorf("title %q, text %.120q", title, text)
	}
	if _, _, err := ExtractText([]byte("<html><body></body></html>"), "", ""); !errors.Is(err, ErrNoContent) {
		t.Errorf("empty page: err = %v, want ErrNoContent", err)
	}
}

func TestExtractTextMetaCharset(t *testing.T) {
	body := "Привет мир, это длинная статья о городском совете и новом мосте через реку. " + longText("ru", 200)
	enc, err := charmap.Windows1251.NewEncoder().Bytes([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	page := append([]byte(`<html><head><meta charset="windows-1251"><title>T</title></head><body><article><p>`), enc...)
	page = append(page, []byte(`</p></article></body></html>`)...)
	_, text, err := ExtractText(page, "text/html", "")
	if err != nil || text != body {
		t.Errorf("text %.80q, err %v", text, err)
	}
}

func TestPollLatin1FeedOverHTTP(t *testing.T) {
	doc := latin1(t, `<rss version="2.0"><channel><title>Gazette</title><item><guid>l1</guid><link>/art/1</link><title>Crème brûlée à la carte</title><description>Le café était fermé.</description></item></channel></rss>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml; charset=ISO-8859-1")
		w.Write(doc)
	}))
	defer srv.Close()
	st := newFakeStore(testFeed(1, srv.URL+"/feeds/rss"))
	rep := NewPoller(st, testOptions()).Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	arts := st.all()
	if rep.Status != StatusOK || len(arts) != 1 {
		t.Fatalf("report %+v, %d articles", rep, len(arts))
	}
	if a := arts[0]; a.Title != "Crème brûlée à la carte" || a.Text != "Le café était fermé." || a.URL != srv.URL+"/art/1" {
		t.Errorf("article = %q %q %q", a.Title, a.Text, a.URL)
	}
}

// utf16LE encodes s as UTF-16 little-endian with a byte order mark.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range utf16.Encode([]rune(s)) {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}
