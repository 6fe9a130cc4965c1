package feed

import "testing"

// xml:base says what relative links are relative to, in Atom and in RSS;
// miniflux ignores it.
func TestXMLBase(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"Atom: xml:base on the feed",
			`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.e.example/blog/"><entry><id>1</id><title>t</title><link href="2026/post.html"/></entry></feed>`,
			"https://www.e.example/blog/2026/post.html"},
		{"Atom: relative xml:base on the entry, within the feed's",
			`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.e.example/blog/"><entry xml:base="archive/"><id>1</id><title>t</title><link href="old.html"/></entry></feed>`,
			"https://www.e.example/blog/archive/old.html"},
		{"Atom: xml:base on the link itself",
			`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>t</title><link xml:base="https://cdn.e.example/" href="/p/1"/></entry></feed>`,
			"https://cdn.e.example/p/1"},
		{"Atom: relative xml:base against the document's address",
			`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/"><entry><id>1</id><title>t</title><link href="item"/></entry></feed>`,
			"https://feeds.e.example/news/item"},
		{"RSS: xml:base on the channel",
			`<rss version="2.0"><channel xml:base="https://www.e.example/section/"><title>T</title><link>https://www.e.example/</link><item><title>t</title><link>story.html</link></item></channel></rss>`,
			"https://www.e.example/section/story.html"},
		{"an absolute link ignores xml:base",
			`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.e.example/blog/"><entry><id>1</id><title>t</title><link href="https://other.example/x"/></entry></feed>`,
			"https://other.example/x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := oneArticle(t, tt.doc, "", "https://feeds.e.example/atom.xml"); a.URL != tt.want {
				t.Errorf("URL %q, want %q", a.URL, tt.want)
			}
		})
	}
}

// Without xml:base, relative links are resolved against the document's
// address, unless the feed is served from another host than the site it
// names (a feed proxy, a feeds. subdomain, a file): then against the site.
func TestRelativeLinksAgainstSite(t *testing.T) {
	tests := []struct{ name, fetched, siteLink, link, want string }{
		{"same host: the document's address", "https://www.e.example/feeds/main.xml", "https://www.e.example/", "story.html", "https://www.e.example/feeds/story.html"},
		{"feeds. subdomain: the site", "https://feeds.e.example/main.xml", "https://www.e.example/", "/2026/03/story", "https://www.e.example/2026/03/story"},
		{"feed proxy: the site's path", "https://proxy.example/e/rss", "https://www.e.example/news/", "item/7", "https://www.e.example/news/item/7"},
		{"relative site link: the document's address", "https://www.e.example/rss.xml", "/blog", "/blog/post", "https://www.e.example/blog/post"},
		{"no site link: the document's address", "https://feeds.e.example/rss.xml", "", "post", "https://feeds.e.example/post"},
		{"file feed: the site", "file:///srv/feeds/local.xml", "https://www.e.example/", "local/1", "https://www.e.example/local/1"},
		{"site link that is not http(s): the document's address", "https://feeds.e.example/rss.xml", "ftp://files.e.example/", "post", "https://feeds.e.example/post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := ""
			if tt.siteLink != "" {
				site = "<link>" + tt.siteLink + "</link>"
			}
			for _, doc := range []string{
				`<rss version="2.0"><channel><title>T</title>` + site + `<item><title>t</title><link>` + tt.link + `</link></item></channel></rss>`,
				`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title>` + site + `</channel><item><title>t</title><link>` + tt.link + `</link></item></rdf:RDF>`,
			} {
				if a := oneArticle(t, doc, "", tt.fetched); a.URL != tt.want {
					t.Errorf("URL %q, want %q\n%s", a.URL, tt.want, doc)
				}
			}
		})
	}
}
