package framing

import (
	"encoding/json"
	"encoding/xml"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sampleArticle is one article of the sample feeds in examples/feeds.
type sampleArticle struct {
	file, title, body string
}

var (
	blockTag = regexp.MustCompile(`(?i)</?(p|div|br|h[1-6]|li|blockquote)[^>]*>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
	blanks   = regexp.MustCompile(`\n[ \t\n]*`)
)

// plainText turns feed HTML into paragraphs of text.
func plainText(s string) string {
	s = blockTag.ReplaceAllString(s, "\n")
	s = anyTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	return strings.TrimSpace(blanks.ReplaceAllString(s, "\n"))
}

// readSamples parses the RSS, Atom and JSON feeds under examples/feeds with
// the standard library only (the feed package is tested on its own).
func readSamples(t *testing.T) []sampleArticle {
	t.Helper()
	dir := filepath.Join(examplesDir(), "feeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 {
		t.Skipf("no sample feeds in %s", dir)
	}
	var out []sampleArticle
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(f) {
		case ".xml":
			var doc struct {
				Items []struct {
					Title   string `xml:"title"`
					Desc    string `xml:"description"`
					Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
				} `xml:"channel>item"`
				Entries []struct {
					Title   string `xml:"title"`
					Summary string `xml:"summary"`
					Content string `xml:"content"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal(b, &doc); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, it := range doc.Items {
				out = append(out, sampleArticle{f, it.Title, plainText(firstNonEmpty(it.Content, it.Desc))})
			}
			for _, e := range doc.Entries {
				out = append(out, sampleArticle{f, e.Title, plainText(firstNonEmpty(e.Content, e.Summary))})
			}
		case ".json":
			var feed struct {
				Items []struct {
					Title       string `json:"title"`
					ContentHTML string `json:"content_html"`
					ContentText string `json:"content_text"`
					Summary     string `json:"summary"`
				} `json:"items"`
			}
			if err := json.Unmarshal(b, &feed); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, it := range feed.Items {
				body := it.ContentText
				if body == "" {
					body = plainText(firstNonEmpty(it.ContentHTML, it.Summary))
				}
				out = append(out, sampleArticle{f, it.Title, body})
			}
		}
	}
	return out
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// TestSamples checks the labels on the project's sample articles: spans are
// exact, and the two framings the samples were written to show are found:
// an opinion piece that criticises its target with name-calling, a fear
// appeal and rhetorical questions; and a favourable report with praise
// words of its own in the headline and anonymous sources, whose quoted
// praise stays its speakers' and which takes no side in its own voice.
func TestSamples(t *testing.T) {
	arts := readSamples(t)
	var attack, praise bool
	for _, a := range arts {
		l := Analyze(a.title, a.body)
		checkSpans(t, a.title, a.body, l)
		t.Logf("%s | %s\n    %s", filepath.Base(a.file), a.title, l.Line())
		types := map[string]bool{}
		for _, c := range l.Cues {
			types[c.Type] = true
		}
		if l.Genre.Label == Opinion && l.Tone == ToneAnti && types[NameCalling] && types[AppealToFear] && types[RhetoricalQuestion] &&
			strings.Contains(l.Line(), "criticises") {
			attack = true
		}
		titlePraise := false
		for _, c := range l.Cues {
			titlePraise = titlePraise || (c.Type == GlitteringGenerality && c.Field == FieldTitle)
		}
		quotedPraise := false
		for _, c := range l.QuotedCues {
			quotedPraise = quotedPraise || c.Type == GlitteringGenerality
		}
		if titlePraise && quotedPraise && types[AnonymousSource] && l.Tone != ToneAnti && !strings.Contains(l.Line(), "criticises") {
			praise = true
		}
	}
	if !attack {
		t.Error("no sample labelled as an anti opinion piece criticising its target with name-calling, fear appeal and rhetorical questions")
	}
	if !praise {
		t.Error("no favourable report with praise words in its headline, quoted praise and anonymous sources")
	}
}
