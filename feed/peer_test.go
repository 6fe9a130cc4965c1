package feed

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// peerCasesFile holds the feed documents of miniflux's parser tests with
// what miniflux makes of them (../shared/peer/miniflux/README.md). It is
// read at test time and never copied into the repository.
const peerCasesFile = "../../shared/peer/miniflux/parser-cases.jsonl"

type peerCase struct {
	ID       string `json:"id"`
	Format   string `json:"format"`
	BaseURL  string `json:"base_url"`
	Doc      string `json:"doc"`
	Miniflux struct {
		Error   string      `json:"error"`
		Entries []peerEntry `json:"entries"`
	} `json:"miniflux"`
}

type peerEntry struct {
	Title      string  `json:"title"`
	URL        string  `json:"url"`
	Date       *string `json:"date"`
	HasContent bool    `json:"has_content"`
}

// The fields compared with miniflux.
const (
	fieldCount = "count"
	fieldTitle = "title"
	fieldURL   = "url"
	fieldDate  = "date"
	fieldText  = "text"
)

var peerFields = []string{fieldCount, fieldTitle, fieldURL, fieldDate, fieldText}

// peerPolicy is a difference from miniflux that newsdigest makes on
// purpose: the fields of one case that may differ, and why.
type peerPolicy struct {
	fields []string
	reason string
}

// Reasons shared by several cases.
const (
	reasonEmptyItem = "an item with no title, no text and no link of its own has nothing a digest can show; " +
		"miniflux keeps it under the site's or an enclosure's address"
	reasonNoOwnLink = "an item without a link of its own gets no URL; miniflux gives it the site's address, " +
		"which would make every such item the same article by canonical URL"
	reasonTitleFromText = "a missing headline is made from the first twelve words of the text " +
		"(miniflux cuts the text at 100 characters, or uses the URL, or prefers the summary)"
	reasonTitleAsText = "headlines are plain text everywhere in newsdigest: markup in an HTML or XHTML title is " +
		"rendered, miniflux keeps it"
	reasonSameLink = "two entries with the same link are one article (the first is kept); miniflux's parser lists " +
		"both and leaves them to its storage"
)

// peerPolicies lists, by case id, every intended difference from miniflux.
// Any difference not listed here fails TestPeerMiniflux. Two places where
// miniflux is wrong have no case in this set, so they are tested on their
// own: xml:base, which miniflux ignores (TestXMLBase), and "1:55 PM EST",
// which it reads as UTC (TestIssueDateFormats).
var peerPolicies = map[string]peerPolicy{
	"rss/TestParseEntryWithoutLink":                     {[]string{fieldCount}, reasonEmptyItem},
	"rss/TestParseEntryWithoutLinkAndWithEnclosureURLs": {[]string{fieldCount}, reasonEmptyItem},
	"atom/TestParseEntryWithIDAsURL": {[]string{fieldCount}, reasonEmptyItem +
		" (the second entry's only id is a mailto: address)"},
	"rss/TestParseEntryWithoutLinkAndWithoutGUID":    {[]string{fieldURL}, reasonNoOwnLink},
	"rss/TestParseEntriesWithDuplicateGUIDAndNoLink": {[]string{fieldURL}, reasonNoOwnLink},
	"rdf/TestParseItemWithoutLink": {[]string{fieldURL}, "an RSS 1.0 item's rdf:about is its own address " +
		"(the spec makes it equal to the link), better than the site's address miniflux uses"},
	"rss/TestParseRss2Sample":                  {[]string{fieldTitle}, reasonTitleFromText},
	"rdf/TestParseRDFItemWitEmptyTitleElement": {[]string{fieldTitle}, reasonTitleFromText},
	"json/TestParseItemWithMissingTitleUsesSummaryFallback": {[]string{fieldTitle}, reasonTitleFromText +
		"; the text is the longest the item gives, here content_text"},
	"json/TestParseItemWithPlainTextContentContainingHTMLCharacters": {[]string{fieldTitle}, reasonTitleFromText +
		"; content_text is plain text by the JSON Feed spec, so \"<div>\" is kept as written"},
	"atom/TestParseEntryWithHTMLTitle":  {[]string{fieldTitle}, reasonTitleAsText},
	"atom/TestParseEntryWithXHTMLTitle": {[]string{fieldTitle}, reasonTitleAsText},
	"atom/TestParseEntryWithPlainTextTitle": {[]string{fieldCount}, reasonSameLink +
		" (both entries also share their id)"},
	"rss/TestParseEntriesWithDuplicateGUIDAndDistinctLinks": {[]string{fieldCount}, reasonSameLink +
		"; the shared GUID itself is dropped as identity, so the entries with distinct links are two articles"},
	"json/TestParseNullJSONFeed": {[]string{fieldCount}, "a JSON document that is null is not a feed: the poll " +
		"fails with a reason the operator sees, where miniflux reads an empty feed"},
}

// peerNow is the time of fetching in the peer test.
var peerNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func loadPeerCases(t *testing.T) []peerCase {
	t.Helper()
	f, err := os.Open(filepath.FromSlash(peerCasesFile))
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: the miniflux peer cases live outside the repository", peerCasesFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []peerCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var c peerCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s: %v", peerCasesFile, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// peerArticles runs a document through the path the poller takes after a
// fetch: parse, normalise, drop repeats within the document. The
// articles stay in document order, as miniflux lists its entries.
func peerArticles(c peerCase) ([]*store.Article, error) {
	pf, err := parseFeed([]byte(c.Doc), "")
	if err != nil {
		return nil, err
	}
	f := store.Feed{ID: 1, URL: c.BaseURL, Fetched: true}
	return documentArticles(pf, f, c.BaseURL, peerNow), nil
}

// peerTally counts matches per field.
type peerTally struct{ match, total map[string]int }

func (p *peerTally) rate(field string) string {
	return fmt.Sprintf("%s %d/%d (%.1f%%)", field, p.match[field], p.total[field],
		100*float64(p.match[field])/float64(max(1, p.total[field])))
}

func TestPeerMiniflux(t *testing.T) {
	cases := loadPeerCases(t)
	tally := peerTally{match: map[string]int{}, total: map[string]int{}}
	used := map[string]bool{}
	for _, c := range cases {
		diffs, compared := comparePeerCase(c)
		for _, field := range peerFields {
			tally.total[field] += compared[field]
			tally.match[field] += compared[field] - len(diffs[field])
		}
		policy, listed := peerPolicies[c.ID]
		if listed {
			used[c.ID] = true
		}
		for _, field := range peerFields {
			if len(diffs[field]) == 0 || (listed && slices.Contains(policy.fields, field)) {
				continue
			}
			t.Errorf("%s: %s differs from miniflux without a policy: %s", c.ID, field, strings.Join(diffs[field], "; "))
		}
		if listed {
			for _, field := range policy.fields {
				if len(diffs[field]) == 0 {
					t.Errorf("%s: policy for %s lists a difference that is gone; remove it", c.ID, field)
				}
			}
		}
	}
	for id := range peerPolicies {
		if !used[id] {
			t.Errorf("policy for unknown case %s", id)
		}
	}
	var rates []string
	for _, field := range peerFields {
		rates = append(rates, tally.rate(field))
	}
	t.Logf("match with miniflux (count per document, other fields per kept entry) over %d documents: %s", len(cases), strings.Join(rates, ", "))
}

// comparePeerCase compares newsdigest's reading of one document with
// miniflux's. It returns the differences by field and how many
// comparisons each field had: the count is compared once per document,
// the other fields once per miniflux entry that newsdigest kept too (a
// missing entry shows in the count).
func comparePeerCase(c peerCase) (diffs map[string][]string, compared map[string]int) {
	diffs, compared = map[string][]string{}, map[string]int{fieldCount: 1}
	arts, err := peerArticles(c)
	switch {
	case c.Miniflux.Error != "":
		if err == nil && len(arts) > 0 {
			diffs[fieldCount] = []string{fmt.Sprintf("miniflux refuses the document (%s); newsdigest reads %d articles", c.Miniflux.Error, len(arts))}
		}
		return diffs, compared
	case err != nil:
		diffs[fieldCount] = []string{fmt.Sprintf("newsdigest refuses the document: %v", err)}
	case len(arts) != len(c.Miniflux.Entries):
		diffs[fieldCount] = []string{fmt.Sprintf("%d articles, miniflux %d", len(arts), len(c.Miniflux.Entries))}
	}
	pairs := pairPeerEntries(c.Miniflux.Entries, arts)
	for i, e := range c.Miniflux.Entries {
		a := pairs[i]
		if a == nil {
			continue
		}
		for _, field := range peerFields[1:] {
			compared[field]++
		}
		if got, want := oneLine(a.Title), oneLine(e.Title); got != want {
			diffs[fieldTitle] = append(diffs[fieldTitle], fmt.Sprintf("entry %d title %q, miniflux %q", i, got, want))
		}
		if a.URL != e.URL {
			diffs[fieldURL] = append(diffs[fieldURL], fmt.Sprintf("entry %d url %q, miniflux %q", i, a.URL, e.URL))
		}
		if d := peerDateDiff(a, e); d != "" {
			diffs[fieldDate] = append(diffs[fieldDate], fmt.Sprintf("entry %d %s", i, d))
		}
		if hasText := strings.TrimSpace(a.Text) != ""; hasText != e.HasContent {
			diffs[fieldText] = append(diffs[fieldText], fmt.Sprintf("entry %d has text %v (%.60q), miniflux %v", i, hasText, a.Text, e.HasContent))
		}
	}
	return diffs, compared
}

// peerDateDiff compares dates: miniflux's null means it found no usable
// date and used the time of fetching, as newsdigest does.
func peerDateDiff(a *store.Article, e peerEntry) string {
	if e.Date == nil {
		if !a.Published.Equal(peerNow) {
			return fmt.Sprintf("date %s, miniflux none", a.Published.Format(time.RFC3339))
		}
		return ""
	}
	want, err := time.Parse(time.RFC3339, *e.Date)
	if err != nil {
		return fmt.Sprintf("miniflux date %q unreadable: %v", *e.Date, err)
	}
	if !a.Published.Equal(want) {
		got := "none"
		if !a.Published.Equal(peerNow) {
			got = a.Published.UTC().Format(time.RFC3339)
		}
		return fmt.Sprintf("date %s, miniflux %s", got, *e.Date)
	}
	return ""
}

// pairPeerEntries pairs miniflux's entries with newsdigest's articles: in
// order when the counts agree, else by URL, then by title.
func pairPeerEntries(entries []peerEntry, arts []*store.Article) []*store.Article {
	pairs := make([]*store.Article, len(entries))
	if len(entries) == len(arts) {
		copy(pairs, arts)
		return pairs
	}
	taken := make([]bool, len(arts))
	match := func(same func(e peerEntry, a *store.Article) bool) {
		for i, e := range entries {
			if pairs[i] != nil {
				continue
			}
			for j, a := range arts {
				if !taken[j] && same(e, a) {
					pairs[i], taken[j] = a, true
					break
				}
			}
		}
	}
	match(func(e peerEntry, a *store.Article) bool { return e.URL != "" && e.URL == a.URL })
	match(func(e peerEntry, a *store.Article) bool { return oneLine(e.Title) == oneLine(a.Title) })
	return pairs
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
