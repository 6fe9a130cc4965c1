package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/newsdigest/newsdigest/digest/cluster"
	"github.com/newsdigest/newsdigest/store"
)

// maxFutureSkew is how far in the future a published date may lie before it
// is treated as wrong and replaced by the first-seen time.
const maxFutureSkew = 24 * time.Hour

// normalize turns the items of a parsed feed into articles for feed f. base
// is the URL the feed was fetched from, against which relative links are
// resolved; now is the first-seen time. No item is dropped for a missing or
// bad date.
func normalize(pf *parsedFeed, f store.Feed, base string, now time.Time) []*store.Article {
	baseURL, _ := url.Parse(base)
	source := strings.TrimSpace(f.Name)
	if source == "" {
		source = strings.TrimSpace(htmlToLine(pf.Title))
	}
	if source == "" && baseURL != nil {
		source = baseURL.Hostname()
	}
	out := make([]*store.Article, 0, len(pf.Items))
	for _, item := range pf.Items {
		if item == nil {
			continue
		}
		a := normalizeItem(item, baseURL, now)
		if a.Title == "" && a.Text == "" && a.URL == "" {
			continue // nothing to show or identify
		}
		a.FeedID = f.ID
		a.Source = source
		a.Lean = f.Lean
		a.Genre = f.Genre
		a.FeedTitle = htmlToLine(pf.Title)
		a.Categories = categories(item.Categories, pf.Categories)
		a.Backlog = !f.Fetched
		out = append(out, a)
	}
	return out
}

func normalizeItem(item *gofeed.Item, base *url.URL, now time.Time) *store.Article {
	a := &store.Article{FirstSeenAt: now}
	a.GUID = strings.TrimSpace(item.GUID)
	a.Title = htmlToLine(item.Title)
	a.URL = itemLink(item, base)
	a.Author = itemAuthor(item)
	a.Published = itemPublished(item, now)
	a.Text = itemText(item)
	if a.Title == "" {
		a.Title = firstWords(a.Text, 12)
	}
	a.CanonicalURL = CanonicalURL(a.URL)
	a.ContentHash = contentHash(a.Title, a.Text)
	a.SimHash = cluster.Fingerprint(a.Text)
	if a.GUID == "" && a.URL == "" {
		// Without a GUID or a link, the title and the date as written are
		// the identity (not the parsed date, which falls back to the
		// first-seen time and so changes from poll to poll); without a date,
		// the title and the text.
		date := strings.TrimSpace(item.Published)
		if date == "" {
			date = strings.TrimSpace(item.Updated)
		}
		if date == "" {
			date = a.Text
		}
		a.GUID = "title-date:" + contentHash(a.Title, date)
	}
	return a
}

// itemLink returns the item's absolute link, resolved against base.
func itemLink(item *gofeed.Item, base *url.URL) string {
	candidates := append([]string{item.Link}, item.Links...)
	if guid := strings.TrimSpace(item.GUID); strings.HasPrefix(guid, "http://") || strings.HasPrefix(guid, "https://") {
		candidates = append(candidates, guid)
	}
	for _, c := range candidates {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme == "http" || u.Scheme == "https" {
			return u.String()
		}
	}
	return ""
}

func itemAuthor(item *gofeed.Item) string {
	for _, p := range item.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			return htmlToLine(p.Name)
		}
	}
	if item.Author != nil && strings.TrimSpace(item.Author.Name) != "" {
		return htmlToLine(item.Author.Name)
	}
	if dc := item.DublinCoreExt; dc != nil && len(dc.Creator) > 0 {
		return htmlToLine(dc.Creator[0])
	}
	return ""
}

// itemPublished returns the item's date, or now when it has none, it could
// not be parsed, or it lies implausibly far in the future.
func itemPublished(item *gofeed.Item, now time.Time) time.Time {
	for _, t := range []*time.Time{item.PublishedParsed, item.UpdatedParsed} {
		if t == nil || t.IsZero() || t.Year() < 1990 {
			continue
		}
		if t.After(now.Add(maxFutureSkew)) {
			continue
		}
		return t.UTC()
	}
	return now.UTC()
}

// itemText returns the plain text of the item's content, or of its
// description when that is longer (some feeds put a teaser in content).
func itemText(item *gofeed.Item) string {
	content := htmlToText(item.Content)
	description := htmlToText(item.Description)
	if len(description) > len(content) {
		return description
	}
	return content
}

// maxCategories bounds the categories kept per article: a genre needs a
// handful, and a hostile feed may send thousands.
const maxCategories = 16

// categories joins an item's categories and its feed's, each once, as
// genre signals (an "Opinion" category marks a column).
func categories(lists ...[]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range lists {
		for _, c := range list {
			if len(out) == maxCategories {
				return out
			}
			c = htmlToLine(c)
			if c != "" && len(c) <= 200 && !seen[strings.ToLower(c)] {
				seen[strings.ToLower(c)] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// htmlToLine is htmlToText on one line, for titles and names.
func htmlToLine(s string) string {
	return strings.Join(strings.Fields(htmlToText(s)), " ")
}

func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) > n {
		return strings.Join(words[:n], " ") + "…"
	}
	return strings.Join(words, " ")
}

// contentHash identifies an article's content as the feed published it:
// a change means the article was edited.
func contentHash(title, text string) string {
	h := sha256.New()
	h.Write([]byte(strings.Join(strings.Fields(title), " ")))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(h.Sum(nil)[:16])
}
