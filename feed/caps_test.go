package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

func TestCapArticle(t *testing.T) {
	long := strings.Repeat("Harbour ", 1_000_000) // 8 MB of words
	in := store.Article{
		Article: digest.Article{
			GUID: strings.Repeat("g", 5000), URL: "https://x.example/" + strings.Repeat("p", 3000),
			Title: long, Source: long, Author: strings.Repeat("ü", 1000), Text: long,
		},
		CanonicalURL: "https://x.example/" + strings.Repeat("p", 3000),
	}
	a := in
	capArticle(&a)
	checks := []struct {
		field string
		ok    bool
	}{
		{"title", utf8.RuneCountInString(a.Title) <= maxTitleRunes && strings.HasSuffix(a.Title, "…") && strings.HasPrefix(a.Title, "Harbour Harbour")},
		{"source", utf8.RuneCountInString(a.Source) <= maxNameRunes},
		{"author", utf8.RuneCountInString(a.Author) <= maxNameRunes && utf8.ValidString(a.Author)},
		{"text", len(a.Text) <= maxTextBytes && utf8.ValidString(a.Text)},
		{"url dropped", a.URL == "" && a.CanonicalURL == ""},
		{"guid hashed", strings.HasPrefix(a.GUID, "sha256:") && len(a.GUID) < 100},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s not capped: %+v", c.field, a)
		}
	}
	// The same oversized GUID always gives the same identity.
	b := in
	capArticle(&b)
	if a.GUID != b.GUID {
		t.Errorf("hashed GUID differs between polls: %q, %q", a.GUID, b.GUID)
	}
	// Real fields pass untouched.
	real := store.Article{Article: digest.Article{Title: "Council approves the harbour tram line", Source: "Harbour Herald",
		URL: "https://h.example/a", GUID: "urn:1", Text: "Short text."}, CanonicalURL: "https://h.example/a"}
	want := real
	capArticle(&real)
	if real.Title != want.Title || real.Source != want.Source || real.URL != want.URL || real.GUID != want.GUID || real.Text != want.Text {
		t.Errorf("a real article was changed: %+v", real)
	}
}

// TestHugeTitleCappedAtIngestion polls a JSON feed whose one item has a
// 7 MiB title (issue 14 finding 3): what is stored is a headline.
func TestHugeTitleCappedAtIngestion(t *testing.T) {
	title := strings.Repeat("Breaking ", 7<<20/9)
	doc := `{"version":"https://jsonfeed.org/version/1.1","title":"Flood","items":[{"id":"1","url":"https://flood.example/1",` +
		`"title":"` + title + `","content_text":"A short body."}]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		w.Write([]byte(doc))
	}))
	defer srv.Close()
	st := newFakeStore(testFeed(1, srv.URL))
	rep := NewPoller(st, testOptions()).Poll(context.Background(), []store.Feed{st.feed(1)})[0]
	if rep.Status != StatusOK {
		t.Fatalf("poll: %+v", rep)
	}
	arts := st.all()
	if len(arts) != 1 || utf8.RuneCountInString(arts[0].Title) > maxTitleRunes {
		t.Fatalf("stored %d articles, title of %d runes", len(arts), utf8.RuneCountInString(arts[0].Title))
	}
}
