package feed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestCapItems(t *testing.T) {
	rssItems := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "<item><guid>%d</guid><title>T%d</title></item>\n", i, i)
		}
		return b.String()
	}
	jsonItems := func(n int) string {
		var parts []string
		for i := range n {
			parts = append(parts, fmt.Sprintf(`{"id":"%d","title":"T%d","tags":["a","b"]}`, i, i))
		}
		return strings.Join(parts, ",")
	}
	tests := []struct {
		name      string
		doc       string
		wantItems int    // items the parser sees after capping at 3
		wantKept  string // text that must survive
		wantTTL   bool
	}{
		{"rss under the cap", `<rss version="2.0"><channel><title>C</title>` + rssItems(3) + `</channel></rss>`, 3, "<title>C</title>", false},
		{"rss over the cap, ttl after the items", `<?xml version="1.0"?><rss version="2.0"><channel><title>C</title>` +
			rssItems(50) + `<ttl>60</ttl></channel></rss>`, 3, "<ttl>60</ttl>", true},
		{"atom entries", `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>` +
			strings.Repeat(`<entry><id>x</id><title type="html">a &lt;b&gt; &amp; c</title></entry>`, 10) + `</feed>`, 3, "<title>A</title>", false},
		{"rdf items beside the channel", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
			`<channel><title>R</title></channel>` + strings.Repeat(`<item><title>x</title><link>https://r.example/</link></item>`, 9) + `</rdf:RDF>`, 3, "<title>R</title>", false},
		{"markup inside items is not an item", `<rss version="2.0"><channel><title>C</title>` +
			strings.Repeat(`<item><title>x</title><description><![CDATA[<item>not</item> a > b]]></description><!-- <item> --><media:content url="a>b" /></item>`, 6) +
			`</channel></rss>`, 3, "<title>C</title>", false},
		{"json feed, key after the items", `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[` + jsonItems(20) + `],"home_page_url":"https://j.example/"}`,
			3, `"home_page_url"`, false},
		{"json feed, escaped key", `{"title":"J","\u0069tems":[` + jsonItems(7) + `]}`, 3, `"title":"J"`, false},
		{"json strings with brackets and commas", `{"title":"J","items":[` + strings.Repeat(`{"title":"a, [b] {c} \"d\""},`, 9) + `{"title":"z"}]}`, 3, `"title":"J"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := capItems([]byte(tt.doc), 3)
			if !bytes.Contains(out, []byte(tt.wantKept)) {
				t.Errorf("capped document lost %q:\n%s", tt.wantKept, out)
			}
			if strings.HasPrefix(tt.doc, "{") && !json.Valid(out) {
				t.Fatalf("capped JSON is not valid:\n%s", out)
			}
			pf, err := parseFeed(out, "")
			if err != nil {
				t.Fatalf("parse capped document: %v\n%s", err, out)
			}
			if len(pf.Items) != tt.wantItems {
				t.Errorf("%d items after capping, want %d", len(pf.Items), tt.wantItems)
			}
			if (pf.TTL > 0) != tt.wantTTL {
				t.Errorf("TTL %v, want one: %v", pf.TTL, tt.wantTTL)
			}
		})
	}
	small := []byte(`<rss><channel>` + rssItems(2) + `</channel></rss>`)
	if out := capItems(small, 3); &out[0] != &small[0] {
		t.Error("a document under the cap was copied")
	}
}

// TestCapItemsUTF16 caps a UTF-16 document, which the scan reads after
// decoding.
func TestCapItemsUTF16(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>U</title>` +
		strings.Repeat(`<item><title>ü</title><link>https://u.example/</link></item>`, 8) + `</channel></rss>`
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range doc {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	pf, err := parseFeed(capItems(utf16, 3), "")
	if err != nil || len(pf.Items) != 3 || pf.Title != "U" {
		t.Fatalf("parse = %+v, %v; want 3 items of feed U", pf, err)
	}
}

func FuzzCapItems(f *testing.F) {
	f.Add([]byte(`<rss><channel><item><title>a</title></item><item/><item><x/></item></channel></rss>`), 1)
	f.Add([]byte(`{"items":[1,"two",{"three":[3]},null],"title":"x"}`), 2)
	f.Add([]byte(`<feed><entry a='>'><![CDATA[</entry>]]></entry><!--<entry>--><entry/></feed>`), 1)
	f.Fuzz(func(t *testing.T, doc []byte, max int) {
		if max < 0 || max > 5 {
			return
		}
		out := capItems(doc, max)
		if len(out) > len(doc) && !bytes.HasPrefix(doc, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(doc, []byte{0xFF, 0xFE}) {
			t.Fatalf("capping grew the document from %d to %d bytes", len(doc), len(out))
		}
		if again := capItems(out, max); !bytes.Equal(again, out) && len(again) > len(out) {
			t.Fatalf("capping twice grew the document")
		}
		if json.Valid(doc) && !json.Valid(out) {
			t.Fatalf("capping broke valid JSON:\n%s\n→\n%s", doc, out)
		}
	})
}

func BenchmarkCapItems(b *testing.B) {
	doc := hostileRSS(100_000, 5<<20)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if out := capItems(doc, maxItemsPerDocument); len(out) >= len(doc) {
			b.Fatal("nothing cut")
		}
	}
}
