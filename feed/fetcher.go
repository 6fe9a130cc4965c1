package feed

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// maxRedirects is the longest redirect chain a fetch follows.
const maxRedirects = 5

// acceptFeed is the Accept header of feed requests.
const acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"

// acceptPage is the Accept header of article page requests.
const acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"

// response is a fetched document.
type response struct {
	URL          string // final URL, after redirects
	PermanentURL string // set when every redirect was permanent (301/308)
	Body         []byte // decoded body
	ContentType  string
	ETag         string
	LastModified string
	MaxAge       time.Duration
}

// fetcher performs polite, bounded HTTP requests.
type fetcher struct {
	opts   Options
	client *http.Client
	hosts  *hostLimiter
}

func newFetcher(opts Options) *fetcher {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivateNetworks {
		dialer.Control = dialControl
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the real destination from the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   opts.PerHostConcurrency,
		MaxConnsPerHost:       opts.PerHostConcurrency * 2,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		DisableCompression:    true, // decoded by decodeBody, with a size limit
	}
	client := &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, maxRedirects)
			}
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return fmt.Errorf("%w: redirect to %s", ErrUnsupportedScheme, req.URL.Redacted())
			}
			for _, prev := range via {
				if prev.URL.String() == req.URL.String() {
					return fmt.Errorf("%w: redirect loop at %s", ErrTooManyRedirects, req.URL.Redacted())
				}
			}
			return nil
		},
	}
	return &fetcher{opts: opts, client: client, hosts: newHostLimiter(opts.PerHostConcurrency, opts.PerHostRate)}
}

// fetch GETs rawURL with the given validators. A 304 returns ErrNotModified
// together with a response that carries the (possibly refreshed)
// validators. file:// URLs are read only when allowFile is set.
func (f *fetcher) fetch(ctx context.Context, rawURL, etag, lastModified, accept string, allowFile bool) (*response, error) {
	u, err := ValidateURL(rawURL, allowFile)
	if err != nil {
		return nil, err
	}
	if u.Scheme == "file" {
		return f.readFile(u, lastModified)
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	release, err := f.hosts.acquire(ctx, u.Hostname())
	if err != nil {
		return nil, err
	}
	defer release()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidURL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	setConditional(req, etag, lastModified)

	resp, err := f.client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // the URL is added by the caller
		}
		return nil, err
	}
	defer resp.Body.Close()

	out := &response{
		URL:          resp.Request.URL.String(),
		PermanentURL: permanentURL(resp),
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		MaxAge:       maxAge(resp.Header),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		// Servers may omit validators on a 304: keep the ones we sent.
		if out.ETag == "" {
			out.ETag = etag
		}
		if out.LastModified == "" {
			out.LastModified = lastModified
		}
		return out, ErrNotModified
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return out, &HTTPStatusError{Code: resp.StatusCode, RetryAfter: resp.Header.Get("Retry-After")}
	}
	if resp.ContentLength > f.opts.MaxBodyBytes {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds %d bytes", ErrTooLarge, resp.ContentLength, f.opts.MaxBodyBytes)
	}
	raw, err := readLimited(resp.Body, f.opts.MaxBodyBytes)
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	out.Body, err = decodeBody(raw, resp.Header.Get("Content-Encoding"), f.opts.MaxBodyBytes)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// permanentURL returns the final URL when the redirect chain that led to
// resp consisted of permanent redirects only, else "".
func permanentURL(resp *http.Response) string {
	req := resp.Request
	if req == nil || req.Response == nil {
		return "" // no redirect
	}
	final := req.URL.String()
	for r := req; r != nil && r.Response != nil; r = r.Response.Request {
		if c := r.Response.StatusCode; c != http.StatusMovedPermanently && c != http.StatusPermanentRedirect {
			return ""
		}
	}
	return final
}

// readFile reads a file:// feed. Its modification time plays the part of
// Last-Modified.
func (f *fetcher) readFile(u *url.URL, lastModified string) (*response, error) {
	path := u.Path
	if path == "" {
		path = u.Opaque
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open feed file: %w", err)
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat feed file: %w", err)
	}
	out := &response{URL: u.String(), LastModified: info.ModTime().UTC().Format(time.RFC3339Nano)}
	if lastModified != "" && lastModified == out.LastModified {
		return out, ErrNotModified
	}
	out.Body, err = readLimited(file, f.opts.MaxBodyBytes)
	if err != nil {
		return nil, fmt.Errorf("read feed file: %w", err)
	}
	if strings.HasSuffix(strings.ToLower(path), ".json") {
		out.ContentType = "application/feed+json"
	}
	return out, nil
}
