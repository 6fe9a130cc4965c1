package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
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
		return fmt.Errorf("response_url: %w", err)
	}
	return nil
}
