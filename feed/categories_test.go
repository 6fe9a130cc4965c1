package feed

import (
	"slices"
	"strings"
	"testing"
)

// TestNormalizeCarriesGenreSignals: item and feed categories, the feed's
// own title, the byline and the operator's feed genre reach the article,
// where the genre is decided.
func TestNormalizeCarriesGenreSignals(t *testing.T) {
	tests := []struct {
		name, doc      string
		wantCategories []string
		wantFeedTitle  string
		wantAuthor     string
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post &gt; Columns</title>
<category>Comment</category>
<item><guid>c1</guid><title>The harbour deserves a better chair</title><link>https://harbourpost.example/c1</link>
<category>Opinion</category><category>Harbour</category><category>opinion</category>
<author>ines@harbourpost.example (Ines Rook, columnist)</author>
<description>The commission chooses on Thursday.</description></item></channel></rss>`,
			[]string{"Opinion", "Harbour", "Comment"}, "Harbour Post > Columns", "Ines Rook, columnist"},
		{"atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><id>urn:hp</id>
<category term="News"/>
<entry><id>urn:hp:1</id><title>Commission picks a chair</title><link href="https://harbourpost.example/news/1"/>
<category term="harbour" label="Harbour"/><author><name>Ines Rook</name></author><updated>2026-11-20T10:00:00Z</updated>
<summary>The commission chose a chair on Thursday.</summary></entry></feed>`,
			[]string{"Harbour", "News"}, "Harbour Post", "Ines Rook"},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","title":"Harbour Post Columns","items":[
{"id":"j1","url":"https://harbourpost.example/c/1","title":"A chair at last","content_text":"The commission chose a chair.",
"tags":["Column","Harbour"],"authors":[{"name":"Ines Rook, contributor"}]}]}`,
			[]string{"Column", "Harbour"}, "Harbour Post Columns", "Ines Rook, contributor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pf, err := parseFeed([]byte(tt.doc), "")
			if err != nil {
				t.Fatal(err)
			}
			f := testFeed(1, "")
			f.Genre = "opinion"
			arts := normalize(pf, f, "https://harbourpost.example/feed", testOptions().Now())
			if len(arts) != 1 {
				t.Fatalf("%d articles, want 1", len(arts))
			}
			a := arts[0]
			if !slices.Equal(a.Categories, tt.wantCategories) {
				t.Errorf("categories %q, want %q", a.Categories, tt.wantCategories)
			}
			// The byline's role is what the genre reads ("columnist"), in
			// whatever form the format writes the author.
			if a.FeedTitle != tt.wantFeedTitle || a.Genre != "opinion" || !strings.Contains(a.Author, tt.wantAuthor) {
				t.Errorf("feed title %q genre %q author %q", a.FeedTitle, a.Genre, a.Author)
			}
		})
	}
}

func TestCategoriesBounded(t *testing.T) {
	var many []string
	for i := range 100 {
		many = append(many, string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	if got := categories(many, []string{"Opinion"}); len(got) != maxCategories {
		t.Errorf("%d categories kept, want %d", len(got), maxCategories)
	}
}
