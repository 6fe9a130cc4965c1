package summarize

import (
	"strings"
	"testing"
)

// FuzzArticle checks that any input yields at most n sentences, each a
// piece of the body, in body order.
func FuzzArticle(f *testing.F) {
	f.Add("Harbour plan", harbourArticle, 3)
	f.Add("", "one. two! three? “four.” five…\n\n- six\n", 2)
	f.Add("x", "\xff\xfe . A. B. C.", 5)
	f.Fuzz(func(t *testing.T, title, body string, n int) {
		n %= 8
		got := Article(title, body, n)
		if len(got) > max(n, 0) {
			t.Fatalf("Article(n=%d) returned %d sentences", n, len(got))
		}
		at := 0
		for _, s := range got {
			if s == "" {
				t.Fatal("empty sentence")
			}
			k := strings.Index(body[at:], s)
			if k < 0 {
				t.Fatalf("%q is not in the body after offset %d", s, at)
			}
			at += k + len(s)
		}
	})
}

// FuzzStory checks that any set of documents yields at most n attributed
// sentences taken from the documents.
func FuzzStory(f *testing.F) {
	f.Add(bridgeDocs[0].Text, bridgeDocs[1].Text, "Same Outlet", 3)
	f.Add("", "A. B.", "", 1)
	f.Fuzz(func(t *testing.T, a, b, source string, n int) {
		n %= 8
		docs := []Doc{{Source: source, Text: a}, {Source: "Other", Text: b}, {Source: source, Text: a + "\n" + b}}
		got := Story(docs, n)
		if len(got) > max(n, 0) {
			t.Fatalf("Story(n=%d) returned %d sentences", n, len(got))
		}
		for _, s := range got {
			if len(s.Sources) == 0 || (!strings.Contains(a, s.Text) && !strings.Contains(b, s.Text) && !strings.Contains(docs[2].Text, s.Text)) {
				t.Fatalf("sentence %+v is not from the documents or has no source", s)
			}
		}
	})
}
