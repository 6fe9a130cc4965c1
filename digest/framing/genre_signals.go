package framing

import (
	"net/url"
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// Signals are what a feed says about an article's genre besides its text.
// A newsroom files its columns under /opinion/, tags them "Opinion", names
// the feed "… (Opinion)" and signs them "columnist"; those labels are the
// publisher's own and beat anything read from the prose, which a column and
// a sharp news report can share. Every field may be empty.
type Signals struct {
	// Declared is the operator's genre for the feed (Reporting, Opinion or
	// Analysis). It wins over everything: the operator knows the feed.
	Declared   string
	URL        string   // the article's link
	Title      string   // the headline ("Opinion | …", "ANALYSIS: …")
	Categories []string // the item's and the feed's categories
	Author     string   // the byline ("Jane Roe, contributing columnist")
	Outlet     string   // the outlet's name as the operator or the feed gives it
	FeedTitle  string   // the feed document's own title ("Example Times > Opinion")
}

// Confidence of a genre a signal decides: the operator's word is certain;
// the article's own labels (URL, categories, headline label, byline) are
// the publisher's; a feed or outlet name speaks for all its items, not this one.
const (
	declaredConfidence = 1.0
	itemConfidence     = 0.95
	feedConfidence     = 0.9
)

// genreSignal is a genre some signal gives, with the words that show it.
type genreSignal struct {
	label, why string
}

// GenreFromSignals returns the genre the feed's signals decide, without
// reading any text (so it holds for an article in any language), or ok
// false when no signal decides.
func GenreFromSignals(s Signals) (Genre, bool) {
	g, ok := signalGenre(s)
	if ok {
		g.Evidence = []text.Span{}
	}
	return g, ok
}

// signalGenre returns the genre the signals decide, or ok false when none
// does and the text must. Article-level signals beat feed-level ones (an
// opinion URL in a feed named "… (News)" is a column); within a level an
// opinion or analysis mark beats a reporting one ("/news/opinion/…").
func signalGenre(s Signals) (Genre, bool) {
	if g := strings.ToLower(strings.TrimSpace(s.Declared)); g == Reporting || g == Opinion || g == Analysis {
		return Genre{Label: g, Confidence: declaredConfidence, Signal: "feed genre set by the operator"}, true
	}
	levels := []struct {
		confidence float64
		signals    []genreSignal
	}{
		{itemConfidence, concat(headlineLabel(s.Title), categorySignals(s.Categories), urlSignals(s.URL, s.Title), authorSignals(s.Author))},
		{feedConfidence, concat(nameSignals("outlet", s.Outlet), nameSignals("feed title", s.FeedTitle), wireSignals(s.Outlet, s.URL))},
	}
	for _, lv := range levels {
		for _, want := range []string{Opinion, Analysis, Reporting} {
			for _, sg := range lv.signals {
				if sg.label == want {
					return Genre{Label: want, Confidence: lv.confidence, Signal: sg.why}, true
				}
			}
		}
	}
	return Genre{}, false
}

func concat(lists ...[]genreSignal) []genreSignal {
	var out []genreSignal
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// genreWords maps the words publishers use for a section, category or
// qualifier to a genre. Topic words ("politics", "world") say nothing of
// genre and are absent.
var genreWords = map[string]string{
	"opinion": Opinion, "opinions": Opinion, "commentary": Opinion, "comment": Opinion,
	"commentisfree": Opinion, "editorial": Opinion, "editorials": Opinion, "op-ed": Opinion,
	"op-eds": Opinion, "oped": Opinion, "column": Opinion, "columns": Opinion,
	"columnist": Opinion, "columnists": Opinion, "blog": Opinion, "blogs": Opinion,
	"letters": Opinion, "viewpoint": Opinion, "viewpoints": Opinion, "views": Opinion,
	"perspective": Opinion, "perspectives": Opinion, "essay": Opinion, "essays": Opinion,
	"analysis": Analysis, "explainer": Analysis, "explainers": Analysis, "explained": Analysis,
	"news": Reporting, "breaking": Reporting, "wire": Reporting, "live": Reporting,
	// The same sections in the languages text.Language knows best, so that
	// an article without English labels still gets its genre.
	"meinung": Opinion, "kommentar": Opinion, "kommentare": Opinion, "kolumne": Opinion,
	"opinión": Opinion, "opinione": Opinion, "opinioni": Opinion, "opinião": Opinion, "opinie": Opinion,
	"chronique": Opinion, "columna": Opinion, "editoriale": Opinion,
	"commento": Opinion, "debatt": Opinion, "nachrichten": Reporting, "noticias": Reporting,
	"actualites": Reporting, "notizie": Reporting, "nieuws": Reporting,
}

// urlSignals reads the link's host and path: a section (/opinion/,
// /commentary/, /news/), an opinion subdomain, a slug that says what it is
// ("…-opinion-667999", "analysis-…") in words its headline (title) lacks.
func urlSignals(raw, title string) []genreSignal {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" && u.Path == "" {
		return nil
	}
	var out []genreSignal
	if sub, _, ok := strings.Cut(strings.ToLower(u.Hostname()), "."); ok && genreWords[sub] != "" && genreWords[sub] != Reporting {
		out = append(out, genreSignal{genreWords[sub], "address " + u.Hostname()})
	}
	segs := strings.Split(strings.Trim(strings.ToLower(u.Path), "/"), "/")
	for _, seg := range segs {
		if g := genreWords[seg]; g != "" {
			out = append(out, genreSignal{g, "URL path /" + seg + "/"})
			continue
		}
		if g := slugGenre(seg, title); g != "" {
			out = append(out, genreSignal{g, "URL slug " + seg})
		}
	}
	return out
}

// slugGenre reads a headline slug ("opinion-why-we-…", "…-opinion-667999",
// "cuba-protests-analysis-intl"): an opinion or analysis word at its start
// or its end (numbers aside), or "analysis" anywhere, that the headline
// does not say. A word of the headline ("…-personal-blog") says nothing.
func slugGenre(seg, title string) string {
	inTitle := map[string]bool{}
	for _, w := range wordsOf(title) {
		inTitle[w] = true
	}
	words := strings.Split(strings.TrimSuffix(seg, ".html"), "-")
	for len(words) > 0 && strings.Trim(words[len(words)-1], "0123456789") == "" {
		words = words[:len(words)-1]
	}
	if len(words) < 3 {
		return ""
	}
	for j, w := range words {
		g := genreWords[w]
		if g != Opinion && g != Analysis || inTitle[w] {
			continue
		}
		if j == 0 || j == len(words)-1 || w == "analysis" {
			return g
		}
	}
	return ""
}

// categorySignals reads feed and item categories ("Opinion", "News
// analysis", "Columnists").
func categorySignals(cats []string) []genreSignal {
	var out []genreSignal
	for _, c := range cats {
		if g := wordsGenre(wordsOf(c)); g != "" {
			out = append(out, genreSignal{g, "category " + quote(c)})
		}
	}
	return out
}

// wordsGenre is the genre the words name, the most specific first: "News
// analysis" is analysis, "Opinion and analysis" opinion.
func wordsGenre(words []string) string {
	found := map[string]bool{}
	for _, w := range words {
		found[genreWords[w]] = true
	}
	for _, g := range []string{Opinion, Analysis, Reporting} {
		if found[g] {
			return g
		}
	}
	return ""
}

// headlineLabels are the labels a headline may open with ("Opinion | …",
// "ANALYSIS: …", "Editorial: …").
var headlineLabels = map[string]string{
	"opinion": Opinion, "op-ed": Opinion, "editorial": Opinion, "column": Opinion,
	"commentary": Opinion, "analysis": Analysis, "news analysis": Analysis, "explainer": Analysis,
}

func headlineLabel(title string) []genreSignal {
	label, _, ok := cutAny(title, ":", "|", " — ", " – ")
	if !ok {
		return nil
	}
	if g := headlineLabels[strings.ToLower(strings.TrimSpace(label))]; g != "" {
		return []genreSignal{{g, "headline label " + quote(strings.TrimSpace(label))}}
	}
	return nil
}

// authorRoles are byline words that name the writer's role.
var authorRoles = []struct{ phrase, genre string }{
	{"editorial board", Opinion}, {"the editors", Opinion}, {"columnist", Opinion},
	{"contributor", Opinion}, {"contributing writer", Opinion}, {"contributing opinion writer", Opinion},
	{"opinion writer", Opinion}, {"guest writer", Opinion}, {"guest essay", Opinion},
	{"op-ed", Opinion}, {"correspondent", Reporting}, {"reporter", Reporting}, {"staff writer", Reporting},
}

func authorSignals(author string) []genreSignal {
	a := " " + strings.Join(wordsOf(author), " ") + " "
	for _, r := range authorRoles {
		if strings.Contains(a, " "+r.phrase+" ") || strings.Contains(a, " "+r.phrase+"s ") {
			return []genreSignal{{r.genre, "byline " + quote(author)}}
		}
	}
	return nil
}

// nameSignals reads an outlet or feed name: a qualifier in brackets or
// after a separator ("Example Times (Opinion)", "Example Times > Columns",
// "Example Post - News") or a genre word in the name itself ("Example
// Daily Columns"). "News" in the name itself is part of many outlets'
// names ("Example News") and says nothing; as a qualifier it does.
func nameSignals(what, name string) []genreSignal {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	var out []genreSignal
	if g := wordsGenre(wordsOf(qualifier(name))); g != "" {
		out = append(out, genreSignal{g, what + " " + quote(name)})
	}
	for _, w := range wordsOf(name) {
		if nameGenreWords[w] {
			out = append(out, genreSignal{Opinion, what + " " + quote(name)})
			break
		}
	}
	if strings.Contains(strings.ToLower(name), "guest writer") {
		out = append(out, genreSignal{Opinion, what + " " + quote(name)})
	}
	return out
}

// nameGenreWords are the genre words that mark a whole outlet or feed name
// ("Meridian Daily Columns", "Example Commentary") as opinion. Words that
// also name newspapers and magazines ("Views", "Perspective", "Letters",
// "Tribune") count only in a qualifier.
var nameGenreWords = map[string]bool{
	"opinion": true, "opinions": true, "commentary": true, "editorial": true, "editorials": true,
	"op-ed": true, "op-eds": true, "columns": true, "columnists": true,
}

// qualifier returns the part of a name in brackets or after a separator.
func qualifier(name string) string {
	if i := strings.IndexByte(name, '('); i >= 0 {
		if j := strings.IndexByte(name[i:], ')'); j > 0 {
			return name[i+1 : i+j]
		}
	}
	if _, q, ok := cutAny(name, " > ", " - ", " – ", " — ", " | ", ": "); ok {
		return q
	}
	return ""
}

// wireServices are news agencies: what they file is reporting (their
// analysis pieces say so in the headline, which is read first).
var wireServices = []string{
	"associated press", "ap", "reuters", "agence france-presse", "afp", "united press international",
	"upi", "deutsche presse-agentur", "dpa", "press association", "pa media", "canadian press",
	"australian associated press", "aap", "kyodo", "yonhap", "ansa", "efe", "xinhua", "anadolu",
}

var wireHosts = []string{"apnews.com", "reuters.com", "afp.com", "upi.com", "dpa.com", "thecanadianpress.com", "aap.com.au"}

func wireSignals(outlet, link string) []genreSignal {
	words := " " + strings.Join(wordsOf(outlet), " ") + " "
	for _, w := range wireServices {
		if strings.HasPrefix(words, " "+w+" ") || strings.Contains(words, " "+w+" ") && len(w) > 3 {
			return []genreSignal{{Reporting, "wire service " + quote(outlet)}}
		}
	}
	if u, err := url.Parse(link); err == nil {
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		for _, h := range wireHosts {
			if host == h || strings.HasSuffix(host, "."+h) {
				return []genreSignal{{Reporting, "wire service " + host}}
			}
		}
	}
	return nil
}

// wordsOf lower-cases s and splits it into words of letters, digits and
// inner hyphens.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r > 0x7f)
	})
}

// cutAny cuts s around the first of the separators it contains.
func cutAny(s string, seps ...string) (before, after string, found bool) {
	best := -1
	sep := ""
	for _, sp := range seps {
		if i := strings.Index(s, sp); i >= 0 && (best < 0 || i < best) {
			best, sep = i, sp
		}
	}
	if best < 0 {
		return s, "", false
	}
	return s[:best], s[best+len(sep):], true
}

func quote(s string) string { return "“" + s + "”" }
