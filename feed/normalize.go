package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest/cluster"
	"github.com/newsdigest/newsdigest/store"
)

// documentArticles is what the poller stores of a parsed document: its
// items normalised, with repeats within the document dropped, in document
// order. The miniflux peer test runs this very path.
func documentArticles(pf *parsedFeed, f store.Feed, base string, now time.Time) []*store.Article {
	return dedupeBatch(normalize(pf, f, base, now))
}

// normalize turns the items of a parsed feed into articles for feed f. base
// is the URL the feed was fetched from, against which relative links are
// resolved (see linkBase); now is the first-seen time. No item is dropped
// for a missing or bad date.
func normalize(pf *parsedFeed, f store.Feed, base string, now time.Time) []*store.Article {
	docURL, _ := url.Parse(strings.TrimSpace(base))
	site := resolveLink(docURL, nil, pf.Link)
	links := linkBase(docURL, site)
	source := strings.TrimSpace(f.Name)
	if source == "" {
		source = strings.TrimSpace(htmlToLine(pf.Title))
	}
	if source == "" && docURL != nil {
		source = docURL.Hostname()
	}
	out := make([]*store.Article, 0, len(pf.Items))
	contentIDs := make([]string, 0, len(pf.Items))
	for _, item := range pf.Items {
		if item == nil {
			continue
		}
		a := normalizeItem(item, docURL, links, now)
		if a.Title == "" && a.Text == "" && a.URL == "" {
			continue // nothing to show or identify
		}
		a.FeedID = f.ID
		a.Source = source
		a.Lean = f.Lean
		a.Genre = f.Genre
		a.FeedTitle = pf.Title
		a.Categories = categories(item.Categories, pf.Categories)
		a.Backlog = !f.Fetched
		out = append(out, a)
		contentIDs = append(contentIDs, contentIdentity(a, item))
	}
	unshareGUIDs(out, contentIDs)
	return out
}

func normalizeItem(item *parsedItem, docURL, links *url.URL, now time.Time) *store.Article {
	a := &store.Article{FirstSeenAt: now}
	a.GUID = strings.TrimSpace(item.GUID)
	a.Title = textLine(item.Title)
	a.URL = itemLink(item, docURL, links)
	a.Author = itemAuthor(item)
	a.Published, a.UnreadDate = itemPublished(item, now)
	a.Text = itemText(item)
	if a.Title == "" {
		a.Title = firstWords(a.Text, 12)
	}
	if a.Title == "" {
		a.Title = a.URL // a bare link: its address is all there is to show
	}
	a.CanonicalURL = CanonicalURL(a.URL)
	a.ContentHash = contentHash(a.Title, a.Text)
	a.SimHash = cluster.Fingerprint(a.Text)
	if a.GUID == "" && a.URL == "" {
		a.GUID = contentIdentity(a, item)
	}
	return a
}

// contentIdentity stands in for the GUID of an item with neither a GUID
// nor a link: the title and the date as written (not the parsed date,
// which falls back to the first-seen time and so changes from poll to
// poll); without a date, the title and the text.
func contentIdentity(a *store.Article, item *parsedItem) string {
	date := ""
	for _, d := range item.Dates {
		if date = strings.TrimSpace(d); date != "" {
			break
		}
	}
	if date == "" {
		date = a.Text
	}
	return "title-date:" + contentHash(a.Title, date)
}

// linkBase returns the URL relative links are resolved against when no
// xml:base says otherwise: the document's address, or the site's address
// (the channel <link>) when the feed is served from another host — a feed
// proxy, a feeds. subdomain, a file — whose relative links mean the site.
func linkBase(docURL, site *url.URL) *url.URL {
	if site == nil || (site.Scheme != "http" && site.Scheme != "https") {
		return docURL
	}
	if docURL == nil || (docURL.Scheme != "http" && docURL.Scheme != "https") ||
		!strings.EqualFold(docURL.Hostname(), site.Hostname()) {
		return site
	}
	return docURL
}

// resolveLink makes l absolute: against its xml:base, itself resolved
// against the document's address, else against fallback (or the
// document's address when fallback is nil). It returns nil for an empty
// or unparsable link.
func resolveLink(docURL, fallback *url.URL, l linkRef) *url.URL {
	href := strings.TrimSpace(l.Href)
	if href == "" {
		return nil
	}
	u, err := url.Parse(href)
	if err != nil {
		return nil
	}
	base := fallback
	if base == nil || l.Base != "" {
		base = docURL
	}
	if l.Base != "" {
		if b, err := url.Parse(l.Base); err == nil {
			if base != nil {
				b = base.ResolveReference(b)
			}
			base = b
		}
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return u
}

// itemLink returns the item's first link that resolves to an http(s) URL.
func itemLink(item *parsedItem, docURL, links *url.URL) string {
	for _, l := range item.Links {
		if u := resolveLink(docURL, links, l); u != nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}

func itemAuthor(item *parsedItem) string {
	for _, name := range item.Authors {
		if name = htmlToLine(name); name != "" {
			return name
		}
	}
	return ""
}

// maxUnreadDate bounds the unreadable date text kept in an article.
const maxUnreadDate = 64

// itemPublished returns the item's first readable, plausible date. When
// it has none it returns now, and the first date as written when there was
// one (unread), so the article says its date could not be read.
func itemPublished(item *parsedItem, now time.Time) (published time.Time, unread string) {
	for _, raw := range item.Dates {
		if strings.TrimSpace(raw) == "" {
			continue
		}
		if t, ok := readDate(raw, now); ok {
			return t, ""
		}
		if unread == "" {
			unread = truncateUTF8(strings.Join(strings.Fields(raw), " "), maxUnreadDate)
		}
	}
	return now.UTC(), unread
}

// itemText returns the longest plain text the item carries: its content,
// its summary (some feeds put a teaser in content and the text in the
// description), or a text only an extension holds (a video's
// media:description, a podcast's itunes:summary).
func itemText(item *parsedItem) string {
	text := textBlock(item.Content)
	for _, v := range append([]textValue{item.Summary}, item.Extra...) {
		if t := textBlock(v); len(t) > len(text) {
			text = t
		}
	}
	return text
}

// textLine renders a text value on one line, for titles and names.
func textLine(v textValue) string {
	if v.HTML {
		return htmlToLine(v.Value)
	}
	return strings.Join(strings.FieldsFunc(v.Value, isSpace), " ")
}

// textBlock renders a text value as lines of plain text.
func textBlock(v textValue) string {
	if v.HTML {
		return htmlToText(v.Value)
	}
	return collapseLines(v.Value)
}

// truncateUTF8 cuts s to at most n bytes on a character boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
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
