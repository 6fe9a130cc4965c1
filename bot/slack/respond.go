package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// Slack lets a response_url be used five times within thirty minutes.
const (
	responseURLUses = 5
	responseURLLife = 30 * time.Minute
)

// responder posts through one command's response_url and counts its uses.
type responder struct {
	mu     sync.Mutex
	url    string
	issued time.Time
	used   int
	client *http.Client
}

// newResponder returns a responder for rawURL; one that is never usable if
// rawURL is not an http(s) URL.
func (b *Bot) newResponder(rawURL string) *responder {
	r := &responder{issued: b.now(), client: b.client}
	if u, err := url.Parse(rawURL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		r.url = rawURL
	}
	return r
}

// usable reports whether the response_url may still be used at now.
func (r *responder) usable(now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.url != "" && r.used < responseURLUses && now.Sub(r.issued) < responseURLLife
}

// send posts p through the response_url; it counts as a use even if it fails.
func (r *responder) send(ctx context.Context, p post, responseType string) error {
	r.mu.Lock()
	if r.url == "" || r.used >= responseURLUses {
		r.mu.Unlock()
		return errors.New("response_url used up")
	}
	r.used++
	r.mu.Unlock()
	msg := &slack.WebhookMessage{
		Text:         p.Text,
		Blocks:       &slack.Blocks{BlockSet: p.Blocks},
		ResponseType: responseType,
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, r.url, r.client, msg); err != nil {
		return redactURL(fmt.Errorf("response_url: %w", err), r.url)
	}
	return nil
}

// redactedError shows an error with a secret URL replaced, and unwraps to
// the original so errors.Is and errors.As still see its kind.
type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }

// redactURL hides rawURL, a response_url, in err's text: it is a bearer
// capability (anyone holding it may post to the channel for 30 minutes),
// so logs get only its scheme and host, as Discord's interaction tokens.
func redactURL(err error, rawURL string) error {
	shown := "[response_url]"
	if u, perr := url.Parse(rawURL); perr == nil && u.Host != "" {
		shown = u.Scheme + "://" + u.Host + "/[redacted]"
	}
	msg := strings.ReplaceAll(err.Error(), rawURL, shown)
	if escaped := url.PathEscape(rawURL); escaped != rawURL {
		msg = strings.ReplaceAll(msg, escaped, shown)
	}
	return redactedError{msg: msg, err: err}
}
