package feed

import "strings"

// nsKind says which vocabulary an element belongs to.
type nsKind int

const (
	nsCore       nsKind = iota // the format's own elements: RSS, RSS 1.0, or Atom in an Atom document
	nsOther                    // an extension newsdigest does not read
	nsAtom                     // Atom elements inside RSS
	nsRDF                      // rdf:about and friends
	nsContent                  // content:encoded
	nsDC                       // Dublin Core elements (dc:date, dc:creator, dc:title)
	nsDCTerms                  // Dublin Core terms (dcterms:modified, …)
	nsMedia                    // Media RSS (media:group, media:description)
	nsItunes                   // Apple podcasts (itunes:subtitle, itunes:summary, itunes:author)
	nsGooglePlay               // Google Play podcasts (googleplay:description)
	nsFeedburner               // feedburner:origLink
	nsXHTML                    // xhtml:body inside RSS items
)

// namespaceKinds maps namespace names, and the prefixes feeds use without
// declaring them, to their vocabulary.
var namespaceKinds = map[string]nsKind{
	"http://www.w3.org/2005/atom": nsAtom,
	"http://purl.org/atom/ns#":    nsAtom,
	"atom":                        nsAtom,
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#": nsRDF,
	"rdf": nsRDF,
	"http://purl.org/rss/1.0/modules/content/": nsContent,
	"content":                          nsContent,
	"http://purl.org/dc/elements/1.1/": nsDC,
	"dc":                               nsDC,
	"http://purl.org/dc/terms/":        nsDCTerms,
	"dcterms":                          nsDCTerms,
	"http://search.yahoo.com/mrss/":    nsMedia,
	"http://search.yahoo.com/mrss":     nsMedia,
	"media":                            nsMedia,
	"http://www.itunes.com/dtds/podcast-1.0.dtd": nsItunes,
	"itunes": nsItunes,
	"http://www.google.com/schemas/play-podcasts/1.0": nsGooglePlay,
	"googleplay": nsGooglePlay,
	"http://rssnamespace.org/feedburner/ext/1.0": nsFeedburner,
	"feedburner":                   nsFeedburner,
	"http://www.w3.org/1999/xhtml": nsXHTML,
	"xhtml":                        nsXHTML,
}

// coreNamespaces are the namespaces of the formats' own elements.
var coreNamespaces = map[string]bool{
	"":                                       true,
	"http://purl.org/rss/1.0/":               true,
	"http://my.netscape.com/rdf/simple/0.9/": true,
	"http://channel.netscape.com/rdf/simple/0.9/": true,
	"http://backend.userland.com/rss2":            true,
	"http://backend.userland.com/rss":             true,
}

// nsClassifier tells the vocabulary of an element in one document: the
// root element's namespace is the core one (Atom, in an Atom document).
type nsClassifier struct{ root string }

func (c nsClassifier) kind(space string) nsKind {
	if coreNamespaces[space] || space == c.root {
		return nsCore
	}
	if k, ok := namespaceKinds[strings.ToLower(space)]; ok {
		return k
	}
	return nsOther
}
