package feed

import (
	"encoding/base64"
	"strconv"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/store"
)

// articlesFrom runs a document through parse → normalise → dedupe, as
// the poller does after a fetch, for a feed fetched before (no backlog).
func articlesFrom(t *testing.T, doc, contentType, base string) []*store.Article {
	t.Helper()
	pf, err := parseFeed([]byte(doc), contentType)
	if err != nil {
		t.Fatalf("parseFeed: %v\n%s", err, doc)
	}
	f := testFeed(1, base)
	f.Fetched = true
	return documentArticles(pf, f, base, testOptions().Now())
}

func oneArticle(t *testing.T, doc, contentType, base string) *store.Article {
	t.Helper()
	arts := articlesFrom(t, doc, contentType, base)
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1, from\n%s", len(arts), doc)
	}
	return arts[0]
}

// Bug 3: a declared encoding that does not match the bytes.
func TestLyingEncodings(t *testing.T) {
	const title = "Crème brûlée in Zürich"
	item := `<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>` + title + `</title></item></channel></rss>`
	tests := []struct {
		name        string
		doc         []byte
		contentType string
	}{
		{"prolog ISO-8859-1 over UTF-8", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?>` + item), ""},
		{"prolog us-ascii over UTF-8", []byte(`<?xml version="1.0" encoding="us-ascii"?>` + item), ""},
		{"prolog windows-1252 over UTF-8", []byte(`<?xml version="1.0" encoding="windows-1252"?>` + item), "text/xml"},
		{"header latin-1 over UTF-8", []byte(item), "application/rss+xml; charset=iso-8859-1"},
		{"unknown label over UTF-8", []byte(`<?xml version="1.0" encoding="invalid"?>` + item), ""},
		{"unknown label over Latin-1", append([]byte(`<?xml version="1.0" encoding="no-such-charset"?>`), latin1(t, item)...), ""},
		{"unknown header label over Latin-1", latin1(t, item), "text/xml; charset=bogus"},
		{"true Latin-1 label", append([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?>`), latin1(t, item)...), ""},
		{"UTF-16 without a byte order mark", utf16LE(`<?xml version="1.0" encoding="UTF-16"?>` + item)[2:], ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := oneArticle(t, string(tt.doc), tt.contentType, "https://e.example/feed"); a.Title != title {
				t.Errorf("title %q, want %q", a.Title, title)
			}
		})
	}
}

// Bug 4: plain text keeps its angle brackets; HTML loses its tags.
func TestPlainTextKeepsAngleBrackets(t *testing.T) {
	tests := []struct {
		name, doc, title, text string
	}{
		{"RSS title with an escaped template", `<rss><channel><item><guid>1</guid><title>Why std::vector&lt;bool&gt; is special</title><description>&lt;p&gt;It packs &lt;b&gt;bits&lt;/b&gt;.&lt;/p&gt;</description></item></channel></rss>`,
			"Why std::vector<bool> is special", "It packs bits."},
		{"RSS title that is a closing tag", `<rss><channel><item><link>https://e.example/x</link><title>&lt;/example&gt;</title></item></channel></rss>`,
			"</example>", ""},
		{"JSON Feed title and content_text", `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"</example>","content_text":"Write <div> when you mean a block & a < b"}]}`,
			"</example>", "Write <div> when you mean a block & a < b"},
		{"JSON Feed content_html is HTML", `{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","title":"T &amp; U","content_html":"<p>Hello <em>there</em></p>"}]}`,
			"T & U", "Hello there"},
		{"Atom type=text", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="text">List&lt;T&gt; and Map&lt;K, V&gt;</title><summary>a &lt;b&gt; c</summary></entry></feed>`,
			"List<T> and Map<K, V>", "a <b> c"},
		{"Atom default type is text", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>Option&lt;u8&gt;</title></entry></feed>`,
			"Option<u8>", ""},
		{"Atom type=html", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; claim</title><content type="html">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</content></entry></feed>`,
			"A bold claim", "One\nTwo"},
		{"Atom type=xhtml", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <i>xhtml</i> title</div></title></entry></feed>`,
			"An xhtml title", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := oneArticle(t, tt.doc, "", "https://e.example/feed")
			if a.Title != tt.title || a.Text != tt.text {
				t.Errorf("title %q text %q, want %q %q", a.Title, a.Text, tt.title, tt.text)
			}
		})
	}
}

func TestHTMLToTextKeepsTextThatLooksLikeTags(t *testing.T) {
	tests := []struct{ in, want string }{
		{"std::vector<bool>", "std::vector<bool>"},
		{"</example>", "</example>"},
		{"<p>Use List<String> here</p>", "Use List<String> here"},
		{"<b>bold</b> <custom-el>x</custom-el> <o:p>y</o:p>", "bold x y"},
		{`<span class="x">kept</span> <widget id="w">dropped tag</widget>`, "kept dropped tag"},
		{"<script><foo></script>after", "after"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Bug 5: one malformed field of a JSON Feed drops that field, not the feed.
func TestJSONFeedMalformedFields(t *testing.T) {
	tests := []struct {
		name, doc   string
		wantTitles  []string
		wantAuthors []string
	}{
		{"authors as an object", `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"One","authors":{"name":"Ann Example"}}]}`,
			[]string{"One"}, []string{"Ann Example"}},
		{"id as a number", `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":42,"url":"https://e.example/42","title":"Numbered"}]}`,
			[]string{"Numbered"}, []string{""}},
		{"title as a number, dates as numbers", `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":1984,"content_text":"A novel.","date_published":12}]}`,
			[]string{"1984"}, []string{""}},
		{"content_html as an object", `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Odd","content_html":{"x":1},"summary":"Still read."}]}`,
			[]string{"Odd"}, []string{""}},
		{"an item that is not an object", `{"version":"https://jsonfeed.org/version/1.1","items":["stray",{"id":"2","title":"Kept"},null]}`,
			[]string{"Kept"}, []string{""}},
		{"author as a string, tags as a string", `{"version":"https://jsonfeed.org/version/1","items":[{"id":"3","title":"Tagged","author":"Bo Writer","tags":"news"}]}`,
			[]string{"Tagged"}, []string{"Bo Writer"}},
		{"title of the feed as a list", `{"version":"https://jsonfeed.org/version/1.1","title":["x"],"items":[{"id":"4","title":"Fine"}]}`,
			[]string{"Fine"}, []string{""}},
		{"items as an object", `{"version":"https://jsonfeed.org/version/1.1","title":"Empty","items":{"id":"5"}}`,
			nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := articlesFrom(t, tt.doc, "application/feed+json", "https://e.example/feed.json")
			if len(arts) != len(tt.wantTitles) {
				t.Fatalf("got %d articles, want %d", len(arts), len(tt.wantTitles))
			}
			for i, a := range arts {
				if a.Title != tt.wantTitles[i] || a.Author != tt.wantAuthors[i] {
					t.Errorf("article %d: title %q author %q, want %q %q", i, a.Title, a.Author, tt.wantTitles[i], tt.wantAuthors[i])
				}
			}
		})
	}
	for _, doc := range []string{`null`, `[]`, `{"error":"rate limited"}`, `"feed"`} {
		if _, err := parseFeed([]byte(doc), "application/json"); err == nil {
			t.Errorf("%s: parsed as a feed", doc)
		}
	}
}

// Bugs 6 and 7: the link of an item whose only link is an atom:link, and
// FeedBurner's original link over its proxy.
func TestRSSItemLinks(t *testing.T) {
	const head = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>T</title><item><title>x</title>`
	tests := []struct{ name, item, want string }{
		{"only atom:link", `<atom:link href="https://e.example/only-atom"/>`, "https://e.example/only-atom"},
		{"atom:link alternate after a self link", `<atom:link rel="self" href="https://e.example/self"/><atom:link rel="alternate" href="https://e.example/page"/>`, "https://e.example/page"},
		{"link beats atom:link", `<link>https://e.example/link</link><atom:link href="https://e.example/atom"/>`, "https://e.example/link"},
		{"feedburner:origLink beats the proxy", `<link>https://feeds.example/~r/site/~3/abc/</link><feedburner:origLink>https://e.example/original</feedburner:origLink>`, "https://e.example/original"},
		{"origLink with the prefix undeclared", `<link>https://feeds.example/p</link><fb:origLink>https://e.example/not-this</fb:origLink>`, "https://feeds.example/p"},
		{"permalink GUID as the last resort", `<guid>https://e.example/from-guid</guid>`, "https://e.example/from-guid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := head + tt.item + `</item></channel></rss>`
			if a := oneArticle(t, doc, "", "https://e.example/feed"); a.URL != tt.want {
				t.Errorf("URL %q, want %q", a.URL, tt.want)
			}
		})
	}
	// Feeds write well-known prefixes without declaring them.
	undeclared := `<rss version="2.0"><channel><item><title>x</title><link>https://feeds.example/p</link><feedburner:origLink>https://e.example/undeclared</feedburner:origLink></item></channel></rss>`
	if a := oneArticle(t, undeclared, "", "https://e.example/feed"); a.URL != "https://e.example/undeclared" {
		t.Errorf("undeclared feedburner prefix: URL %q", a.URL)
	}
	// The original link is what canonical-URL dedupe sees: the same story
	// through the proxy and directly is one article.
	doc := head + `<link>https://feeds.example/~r/p1</link><feedburner:origLink>https://e.example/story</feedburner:origLink></item><item><title>x again</title><link>https://e.example/story</link></item></channel></rss>`
	if arts := articlesFrom(t, doc, "", "https://e.example/feed"); len(arts) != 1 {
		t.Errorf("proxy and direct link: %d articles, want 1", len(arts))
	}
}

// Bug 8: text found only in extensions.
func TestExtensionText(t *testing.T) {
	const rss = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><item><guid>1</guid><link>https://e.example/1</link>`
	tests := []struct{ name, doc, title, text string }{
		{"media:group/media:description (video channel)", `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><entry><id>v1</id><title>Harbour tour</title><link href="https://e.example/v1"/><media:group><media:title>Harbour tour</media:title><media:content url="https://e.example/v1.mp4"/><media:description>A walk along the quay at dawn.</media:description></media:group></entry></feed>`,
			"Harbour tour", "A walk along the quay at dawn."},
		{"media:group title when the item has none", rss + `<media:group><media:title>Only a media title</media:title></media:group></item></channel></rss>`,
			"Only a media title", ""},
		{"itunes:subtitle", rss + `<title>Episode 4</title><itunes:subtitle>Ferries, budgets and the river crossing.</itunes:subtitle></item></channel></rss>`,
			"Episode 4", "Ferries, budgets and the river crossing."},
		{"itunes:summary longer than the subtitle", rss + `<title>Episode 5</title><itunes:subtitle>Short.</itunes:subtitle><itunes:summary>A longer summary of the fifth episode.</itunes:summary></item></channel></rss>`,
			"Episode 5", "A longer summary of the fifth episode."},
		{"googleplay:description", rss + `<title>Episode 6</title><googleplay:description>What the council decided.</googleplay:description></item></channel></rss>`,
			"Episode 6", "What the council decided."},
		{"dc:description", rss + `<title>Note</title><dc:description>Written in Dublin Core.</dc:description></item></channel></rss>`,
			"Note", "Written in Dublin Core."},
		{"xhtml:body", `<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><item><guid>1</guid><title>Body</title><xhtml:body><xhtml:p>Inline <xhtml:b>XHTML</xhtml:b> body.</xhtml:p></xhtml:body></item></channel></rss>`,
			"Body", "Inline XHTML body."},
		{"xhtml:body with text only", `<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><item><guid>1</guid><title>Body</title><xhtml:body>Just text.</xhtml:body></item></channel></rss>`,
			"Body", "Just text."},
		{"the item's own description wins when longer", rss + `<title>Story</title><description>The full story of the harbour strike and its end.</description><media:description>Short clip.</media:description></item></channel></rss>`,
			"Story", "The full story of the harbour strike and its end."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := oneArticle(t, tt.doc, "", "https://e.example/feed")
			if a.Title != tt.title || a.Text != tt.text {
				t.Errorf("title %q text %q, want %q %q", a.Title, a.Text, tt.title, tt.text)
			}
		})
	}
}

// Bug 9: Atom 0.3 content in base64.
func TestAtom03Base64(t *testing.T) {
	encode := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	tests := []struct{ name, content, want string }{
		{"html in base64", `<content type="text/html" mode="base64">` + encode("<p>Decoded <b>text</b>.</p>") + `</content>`, "Decoded text."},
		{"plain text in base64, wrapped", `<content type="text/plain" mode="base64">` + encode("Plain words")[:8] + "\n  " + encode("Plain words")[8:] + `</content>`, "Plain words"},
		{"escaped html", `<content type="text/html" mode="escaped">&lt;p&gt;Escaped&lt;/p&gt;</content>`, "Escaped"},
		{"inline xml", `<content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline</p></div></content>`, "Inline"},
		{"broken base64 is no text", `<content type="text/html" mode="base64">not*base64!</content>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>c</title><entry><title>Entry</title><link rel="alternate" type="text/html" href="https://e.example/1"/><id>tag:e.example,2004:1</id><issued>2004-01-02T10:00:00Z</issued>` + tt.content + `</entry></feed>`
			if a := oneArticle(t, doc, "", "https://e.example/atom.xml"); a.Text != tt.want {
				t.Errorf("text %q, want %q", a.Text, tt.want)
			}
		})
	}
}

// A document with more items than anyone publishes keeps the first itemCap,
// whatever its format, without building the rest.
func TestItemCap(t *testing.T) {
	var rss, atom, json strings.Builder
	rss.WriteString(`<rss><channel>`)
	atom.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">`)
	json.WriteString(`{"version":"https://jsonfeed.org/version/1.1","items":[`)
	for i := range itemCap + 5 {
		n := strconv.Itoa(i)
		rss.WriteString(`<item><guid>` + n + `</guid><title>t</title></item>`)
		atom.WriteString(`<entry><id>` + n + `</id><title>t</title></entry>`)
		if i > 0 {
			json.WriteString(",")
		}
		json.WriteString(`{"id":"` + n + `","title":"t"}`)
	}
	rss.WriteString(`</channel></rss>`)
	atom.WriteString(`</feed>`)
	json.WriteString(`]}`)
	for _, doc := range []string{rss.String(), atom.String(), json.String()} {
		pf, err := parseFeed([]byte(doc), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(pf.Items) != itemCap || pf.Items[itemCap-1].GUID != strconv.Itoa(itemCap-1) {
			t.Errorf("%.20s…: %d items", doc, len(pf.Items))
		}
	}
}
