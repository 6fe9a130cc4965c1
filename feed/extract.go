package feed

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// teaserWords is the length below which an item's text is taken for a
// teaser of the article rather than the article.
const teaserWords = 120

// teaserEndings mark a text cut short by the publisher.
var teaserEndings = []string{
	"…", "...", "[…]", "[...]", "(…)", "read more", "continue reading", "read the full story",
	"read the full article", "full story", "more »", "more...", "keep reading",
}

// isTeaser reports whether text looks like a summary of the article it
// links to: short, or ending in an ellipsis or a "read more" link.
func isTeaser(text string) bool {
	trimmed := strings.ToLower(strings.TrimSpace(text))
	if trimmed == "" {
		return true
	}
	for _, end := range teaserEndings {
		if strings.HasSuffix(trimmed, end) {
			return true
		}
	}
	return len(strings.Fields(trimmed)) < teaserWords
}

// ExtractArticle fetches the page at pageURL for the operator, with the
// poller's limits and the operator's address policy (AllowPrivateNetworks),
// and returns its title and main text. Chat commands use ChatFetcher.
func (p *Poller) ExtractArticle(ctx context.Context, pageURL string) (title, text string, err error) {
	title, text, err = p.fetcher.extractArticle(ctx, fetchRequest{url: pageURL, private: p.opts.AllowPrivateNetworks})
	return title, text, Explain(err)
}

// extractArticle fetches the page r names (r.accept is set here) and
// extracts its title and main text.
func (f *fetcher) extractArticle(ctx context.Context, r fetchRequest) (string, string, error) {
	pageURL := r.url
	r.accept = acceptPage
	resp, err := f.fetch(ctx, r)
	if err != nil {
		return "", "", fmt.Errorf("fetch article %s: %w", pageURL, err)
	}
	defer f.done(resp)
	title, text, err := ExtractText(resp.Body, resp.ContentType, resp.URL)
	if err != nil {
		return "", "", fmt.Errorf("extract article %s: %w", pageURL, err)
	}
	return title, text, nil
}

// ExtractText returns the title and main text of an HTML page, one
// paragraph per line, using a readability algorithm. contentType may be ""
// (the page is then read as UTF-8, or Windows-1252 when it is not valid
// UTF-8); pageURL may be "". It fails with ErrNoContent when the page has no
// readable text.
func ExtractText(page []byte, contentType, pageURL string) (title, text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			title, text, err = "", "", fmt.Errorf("%w: extractor panic: %v", ErrNoContent, r)
		}
	}()
	page = htmlToUTF8(page, contentType)
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	parser := readability.NewParser()
	parser.Logger = slog.New(slog.DiscardHandler)
	article, err := parser.Parse(bytes.NewReader(page), base)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrNoContent, err)
	}
	text = article.TextContent
	if article.Content != "" {
		text = htmlToTextSkipping(article.Content, articleSkipped)
	}
	text = trimLeadingNonProse(strings.TrimSpace(text))
	if text == "" {
		return "", "", ErrNoContent
	}
	return htmlToLine(article.Title), text, nil
}

// htmlToUTF8 decodes an HTML page to UTF-8 by its byte order mark, the
// Content-Type charset, or a <meta> charset, in that order; undeclared
// bytes that are not valid UTF-8 are read as Windows-1252.
func htmlToUTF8(page []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(page, contentType)
	if name == "utf-8" && utf8.Valid(page) {
		return page
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), page)
	if err != nil {
		return bytes.ToValidUTF8(page, []byte("\uFFFD"))
	}
	return out
}

// articleSkipped are the elements left out of an extracted article: those
// of htmlToText plus figures and their captions, which belong to the page's
// pictures rather than to the story.
var articleSkipped = func() map[atom.Atom]bool {
	m := maps.Clone(skippedElements)
	m[atom.Figure] = true
	m[atom.Figcaption] = true
	return m
}()

// trimLeadingNonProse drops the short lines without sentence punctuation
// that precede the story in many pages: breadcrumbs, section names, dates,
// "Sign in" links. A text made only of such lines is kept whole.
func trimLeadingNonProse(text string) string {
	rest := text
	for {
		line, after, found := strings.Cut(rest, "\n")
		if !isNonProse(line) {
			return rest
		}
		if !found {
			return text // nothing but short lines: keep them
		}
		rest = after
	}
}

// isNonProse reports whether line is too short to be a sentence and has no
// sentence-final punctuation.
func isNonProse(line string) bool {
	line = strings.TrimSpace(line)
	if len(strings.Fields(line)) >= 6 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".!?。！？\"”’:", last)
}
