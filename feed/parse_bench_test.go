package feed

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// BenchmarkParseHostile parses and normalises a 5 MB RSS document of some
// 40,000 small items, the shape of a feed crafted to exhaust memory: the
// parser keeps the first itemCap items and skips the rest without building
// them.
func BenchmarkParseHostile(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<rss version="2.0"><channel><title>H</title>`)
	for i := 0; sb.Len() < 5<<20; i++ {
		n := strconv.Itoa(i)
		sb.WriteString(`<item><guid>` + n + `</guid><link>https://h.example/` + n + `</link><title>Item ` + n +
			`</title><pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate></item>`)
	}
	sb.WriteString(`</channel></rss>`)
	doc := []byte(sb.String())
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		pf, err := parseFeed(doc, "")
		if err != nil {
			b.Fatal(err)
		}
		if arts := normalize(pf, store.Feed{ID: 1}, "https://h.example/rss", now); len(arts) < itemCap {
			b.Fatalf("%d articles", len(arts))
		}
	}
}
