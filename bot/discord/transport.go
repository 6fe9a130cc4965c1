package discord

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// rewriteTransport sends every request addressed to discordgo's built-in API
// root to our api_base instead. discordgo builds URLs from package-level
// variables; rewriting per session keeps two Bots (or a test and a Bot) with
// different api_base values independent, without touching those globals.
type rewriteTransport struct {
	apiBase string // no trailing slash
	next    http.RoundTripper
}

func (t rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	target, ok := rewriteURL(r.URL.String(), t.apiBase)
	if !ok {
		return t.next.RoundTrip(r)
	}
	u, err := url.Parse(target)
	if err != nil {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, fmt.Errorf("discord: rewrite %s: %w", r.URL.Redacted(), err)
	}
	out := r.Clone(r.Context())
	out.URL = u
	out.Host = u.Host
	return t.next.RoundTrip(out)
}

// rewriteURL maps a discordgo API URL (any API version) onto apiBase.
func rewriteURL(raw, apiBase string) (string, bool) {
	root := discordgo.EndpointDiscord + "api/"
	if !strings.HasPrefix(raw, root) {
		return "", false
	}
	rest := strings.TrimPrefix(raw, root)
	// Drop discordgo's "vN/" so api_base decides the version.
	if strings.HasPrefix(rest, "v") {
		if i := strings.IndexByte(rest, '/'); i > 1 && isDigits(rest[1:i]) {
			rest = rest[i+1:]
		}
	}
	return apiBase + "/" + rest, true
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// apiClient returns a client for Discord REST built on base (which may be nil).
func apiClient(base *http.Client, apiBase string) *http.Client {
	c := &http.Client{Timeout: 20 * time.Second}
	if base != nil {
		copied := *base
		c = &copied
	}
	next := c.Transport
	if next == nil {
		// Bursts of follow-ups go to one host; keep enough idle connections
		// that a burst does not open (and TLS-handshake) one per message.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 32
		next = t
	}
	c.Transport = rewriteTransport{apiBase: apiBase, next: next}
	return c
}
