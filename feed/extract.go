package feed

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability"
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

// ExtractArticle fetches the page at pageURL with the default Options (so
// private addresses are refused) and returns its title and main text.
func ExtractArticle(ctx context.Context, pageURL string) (title, text string, err error) {
	return newFetcher(Options{}.withDefaults()).extractArticle(ctx, pageURL)
}

// ExtractArticle fetches the page at pageURL with the poller's limits and
// address policy and returns its title and main text.
func (p *Poller) ExtractArticle(ctx context.Context, pageURL string) (title, text string, err error) {
	return p.fetcher.extractArticle(ctx, pageURL)
}

func (f *fetcher) extractArticle(ctx context.Context, pageURL string) (string, string, error) {
	resp, err := f.fetch(ctx, pageURL, "", "", acceptPage, false)
	if err != nil {
		return "", "", fmt.Errorf("fetch article %s: %w", pageURL, err)
	}
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
	if !utf8.Valid(page) || headerCharset(contentType) != "" {
		page = toUTF8(page, contentType)
	}
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
		text = htmlToText(article.Content)
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return "", "", ErrNoContent
	}
	return htmlToLine(article.Title), text, nil
}
