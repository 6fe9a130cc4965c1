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
	"syscall"
	"time"

	"github.com/newsdigest/newsdigest/internal/urlrule"
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
	held         int64 // bytes of the fetcher's budget held for Body; see fetcher.done
}

// fetcher performs polite, bounded HTTP requests. It has two clients: one
// whose dialer refuses private addresses, and one without that check for
// the fetches policy lets reach them (see Options.mayReachPrivate).
type fetcher struct {
	opts    Options
	public  *http.Client
	private *http.Client
	hosts   *hostLimiter
	budget  *byteBudget
}

// fetchRequest is one GET.
type fetchRequest struct {
	url                string
	etag, lastModified string // validators of a conditional GET
	accept             string
	allowFile          bool // file:// URLs: feeds from the config file only
	private            bool // may connect to private addresses
	// noWait fails with errBudgetBusy instead of waiting for the memory
	// budget: for a fetch made while the caller holds some of it.
	noWait bool
}

func newFetcher(opts Options) *fetcher {
	return &fetcher{
		opts:    opts,
		public:  newClient(opts, urlrule.DialControl),
		private: newClient(opts, nil),
		hosts:   newHostLimiter(opts.PerHostConcurrency, opts.PerHostRate),
		budget:  newByteBudget(opts.MaxBytesInFlight),
	}
}

// done gives back the memory budget a response's body held. Every
// response fetch returns must be passed to done once its body is no longer
// needed; nil is fine.
func (f *fetcher) done(r *response) {
	if r != nil {
		f.budget.release(r.held)
		r.held = 0
	}
}

// newClient returns an HTTP client whose dialer runs control on every
// address it connects to.
func newClient(opts Options, control func(network, address string, c syscall.RawConn) error) *http.Client {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: control}
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
	return &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, maxRedirects)
			}
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return fmt.Errorf("%w: redirect to %s", ErrUnsupportedScheme, req.URL.Redacted())
			}
			if control != nil {
				if err := urlrule.CheckHost(req.URL.Hostname()); err != nil {
					return err
				}
			}
			for _, prev := range via {
				if prev.URL.String() == req.URL.String() {
					return fmt.Errorf("%w: redirect loop at %s", ErrTooManyRedirects, req.URL.Redacted())
				}
			}
			return nil
		},
	}
}

// fetch GETs r.url with r's validators. A 304 returns ErrNotModified
// together with a response that carries the (possibly refreshed)
// validators. file:// URLs are read only when r.allowFile is set; private
// addresses are reached only when r.private is set.
func (f *fetcher) fetch(ctx context.Context, r fetchRequest) (*response, error) {
	u, err := ValidateURL(r.url, r.allowFile)
	if err != nil {
		return nil, err
	}
	if u.Scheme == "file" {
		return f.readFile(u, r.lastModified)
	}
	client := f.private
	if !r.private {
		if err := urlrule.CheckHost(u.Hostname()); err != nil {
			return nil, err
		}
		client = f.public
	}
	// Memory for a small body, when it is free at once: most answers are
	// 304s or small feeds, which then never wait for the budget. Without
	// it, reading the body waits for its share (see readBudgeted).
	held, _ := f.budget.reserve(ctx, cost(firstReserve), false)
	// The timeout is the request's own: it starts once the host has a free
	// slot, so feeds queued behind slow ones on that host do not time out
	// while they wait.
	release, err := f.hosts.acquire(ctx, u.Hostname())
	if err != nil {
		f.budget.release(held)
		return nil, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	return f.request(ctx, client, u.String(), r, held)
}

// request sends r and reads the answer's body within the budget. It takes
// over held, the reservation made for the body: a returned response with a
// body holds it (see fetcher.done); otherwise it is given back.
func (f *fetcher) request(ctx context.Context, client *http.Client, target string, r fetchRequest, held int64) (out *response, err error) {
	defer func() {
		if out == nil || out.Body == nil {
			f.budget.release(held)
			if out != nil {
				f.budget.release(out.held)
				out.held = 0
			}
		}
	}()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidURL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", r.accept)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	setConditional(req, r.etag, r.lastModified)

	resp, err := client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // the URL is added by the caller
		}
		return nil, err
	}
	defer resp.Body.Close()

	out = &response{
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
			out.ETag = r.etag
		}
		if out.LastModified == "" {
			out.LastModified = r.lastModified
		}
		return out, ErrNotModified
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return out, &HTTPStatusError{Code: resp.StatusCode, RetryAfter: resp.Header.Get("Retry-After")}
	}
	if resp.ContentLength > f.opts.MaxBodyBytes {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds %d bytes", ErrTooLarge, resp.ContentLength, f.opts.MaxBodyBytes)
	}
	raw, bodyHeld, err := f.budget.readBudgeted(ctx, resp.Body, resp.ContentLength, f.opts.MaxBodyBytes, held, !r.noWait)
	held = 0 // readBudgeted took it over
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	out.Body, out.held = raw, bodyHeld
	if enc := strings.TrimSpace(resp.Header.Get("Content-Encoding")); enc != "" && !strings.EqualFold(enc, "identity") {
		// Room for the decoded body and its parse beside the raw one.
		if out.held, err = f.budget.resize(ctx, out.held, int64(len(raw))+cost(f.opts.MaxBodyBytes), !r.noWait); err != nil {
			return nil, err
		}
		out.Body, err = decodeBody(raw, enc, f.opts.MaxBodyBytes)
		if err != nil {
			f.done(out)
			return nil, err
		}
		out.held, _ = f.budget.resize(ctx, out.held, cost(int64(len(out.Body))), false)
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
