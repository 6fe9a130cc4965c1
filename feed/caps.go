package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/store"
)

// Caps on the fields of an article, applied at ingestion (capArticle) so
// that no feed, however crafted, hands chat a headline that becomes
// thousands of messages, or the database a name of megabytes. Real feeds
// stay well inside them.
const (
	maxTitleRunes = 300     // headlines: a long real one is about 150
	maxNameRunes  = 200     // outlet and author names
	maxURLBytes   = 2048    // links: longer ones are dropped, not cut
	maxGUIDBytes  = 2048    // longer GUIDs are replaced by their hash
	maxTextBytes  = 200_000 // article text: a long read is about 60 KB
)

// capArticle cuts every field of a to its cap. A title, name or text is
// shortened at a word (or rune) boundary and marked with "…"; a link too
// long to be real is dropped (a cut link would lead elsewhere); a long GUID
// becomes its SHA-256, which identifies the item as well.
func capArticle(a *store.Article) {
	a.Title = capRunes(a.Title, maxTitleRunes)
	a.Source = capRunes(a.Source, maxNameRunes)
	a.Author = capRunes(a.Author, maxNameRunes)
	a.Lean = capRunes(a.Lean, maxNameRunes)
	if len(a.URL) > maxURLBytes {
		a.URL = ""
	}
	if len(a.CanonicalURL) > maxURLBytes {
		a.CanonicalURL = ""
	}
	if len(a.GUID) > maxGUIDBytes {
		sum := sha256.Sum256([]byte(a.GUID))
		a.GUID = "sha256:" + hex.EncodeToString(sum[:])
	}
	if len(a.Text) > maxTextBytes {
		a.Text = cutBytes(a.Text, maxTextBytes-len("…")) + "…"
	}
}

// capRunes returns s cut to at most n runes, at the last space of the
// final fifth when there is one, with "…" in place of what was cut.
func capRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, i := 0, 0
	for pos := range s {
		if i == n-1 {
			cut = pos
			break
		}
		i++
	}
	head := s[:cut]
	if sp := strings.LastIndexByte(head, ' '); sp > len(head)*4/5 {
		head = head[:sp]
	}
	return strings.TrimSpace(head) + "…"
}

// cutBytes returns the longest prefix of s of at most n bytes that ends on
// a rune boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// capName is capRunes for a feed's or outlet's name.
func capName(s string) string { return capRunes(s, maxNameRunes) }
