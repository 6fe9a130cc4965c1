package feed

import (
	"context"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/store"
)

func TestNearDuplicateAcrossFeedsIsLinked(t *testing.T) {
	wire := longText("wire", 150)
	edited := strings.Replace(wire, "harbour", "harbor", 1) + " Additional reporting by staff."
	other := longText("unrelated", 150)
	a := newFeedServer(t, rssFeed("A", testItem{GUID: "a", Link: "https://a.example/1", Title: "Wire story", Description: wire}))
	b := newFeedServer(t, rssFeed("B",
		testItem{GUID: "b", Link: "https://b.example/1", Title: "Wire story (B)", Description: edited},
		testItem{GUID: "c", Link: "https://b.example/2", Title: "Own story", Description: other},
	))
	fa, fb := testFeed(1, a.URL), testFeed(2, b.URL)
	fa.Fetched, fb.Fetched = true, true
	st := newFakeStore(fa, fb)
	p := NewPoller(st, testOptions())
	p.Poll(context.Background(), []store.Feed{fa})
	p.Poll(context.Background(), []store.Feed{fb})
	byGUID := map[string]store.Article{}
	for _, art := range st.all() {
		byGUID[art.GUID] = art
	}
	if byGUID["b"].DuplicateOf != byGUID["a"].ID || byGUID["a"].ID == 0 {
		t.Errorf("republished wire copy: DuplicateOf = %d, want %d", byGUID["b"].DuplicateOf, byGUID["a"].ID)
	}
	if byGUID["c"].DuplicateOf != 0 || byGUID["a"].DuplicateOf != 0 {
		t.Errorf("independent stories linked: %+v", byGUID)
	}
}

func TestDupIndexSkipsShortTextsAndSameFeed(t *testing.T) {
	d := newDupIndex(2)
	long := longText("idx", 60)
	d.add(1, 10, 0xF0F0, long)
	d.add(2, 11, 0xF0F0, "too short")
	if got := d.find(10, 0xF0F0, long); got != 0 {
		t.Errorf("same feed linked: %d", got)
	}
	if got := d.find(12, 0xF0F1, long); got != 1 {
		t.Errorf("near fingerprint from another feed: %d, want 1", got)
	}
	if got := d.find(12, 0xF0F0, "short"); got != 0 {
		t.Errorf("short text linked: %d", got)
	}
	d.add(3, 12, 0x0F0F<<32, long)
	d.add(4, 13, 0x1234<<40, long) // ring of 2: entry 1 is forgotten
	if got := d.find(14, 0xF0F0, long); got != 0 {
		t.Errorf("evicted entry still found: %d", got)
	}
}

func TestDedupeBatch(t *testing.T) {
	arts := []*store.Article{
		{CanonicalURL: "https://e.org/1"},
		{CanonicalURL: "https://e.org/1"},
	}
	arts[0].GUID, arts[1].GUID = "x", "y"
	if got := dedupeBatch(arts); len(got) != 1 {
		t.Errorf("same canonical URL twice in one document: kept %d", len(got))
	}
}
