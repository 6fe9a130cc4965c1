package feed

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOPMLRoundTrip(t *testing.T) {
	feeds := []OPMLFeed{
		{Title: "Harbour Times", URL: "https://harbour.example/rss", Category: "Local"},
		{Title: "Wire & Co", URL: "https://wire.example/feed?x=1&y=2"},
		{Title: "Valley Post", URL: "https://valley.example/atom.xml", Category: "Local"},
		{Title: "Tech Daily", URL: "https://tech.example/feed.json", Category: "Tech"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "newsdigest feeds", feeds); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "<?xml") || !strings.Contains(buf.String(), `version="2.0"`) {
		t.Errorf("document:\n%s", buf.String())
	}
	got, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []OPMLFeed{feeds[0], feeds[2], feeds[1], feeds[3]} // grouped by category
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestReadOPMLForeign(t *testing.T) {
	doc := `<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>export</title></head><body>
<outline text="News"><outline text="Caf` + "\xe9" + ` Gazette" type="rss" xmlUrl="https://cafe.example/rss"/>
 <outline text="Nested"><outline title="Deep" xmlUrl="https://deep.example/feed"/></outline></outline>
<outline text="Top" xmlUrl="https://top.example/feed" htmlUrl="https://top.example/"/>
<outline text="Empty folder"/>
</body></opml>`
	got, err := ReadOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := []OPMLFeed{
		{Title: "Café Gazette", URL: "https://cafe.example/rss", Category: "News"},
		{Title: "Deep", URL: "https://deep.example/feed", Category: "Nested"},
		{Title: "Top", URL: "https://top.example/feed"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := ReadOPML(strings.NewReader("<html>not opml")); err == nil {
		t.Error("ReadOPML accepted a non-OPML document")
	}
}
