package feed

import (
	"net/url"

	"github.com/newsdigest/newsdigest/internal/urlrule"
)

// ValidateURL parses raw and checks that it is an absolute http(s) URL with a
// host, or, when allowFile is set (feeds from the config file only), a
// file:// URL with a path; see urlrule.Parse. It does not resolve the host:
// the address check happens at connection time, after DNS, so rebinding
// cannot bypass it.
func ValidateURL(raw string, allowFile bool) (*url.URL, error) { return urlrule.Parse(raw, allowFile) }

// CanonicalURL returns the identity form of an article URL; see
// urlrule.Canonical.
func CanonicalURL(raw string) string { return urlrule.Canonical(raw) }

// mayReachPrivate reports whether polling f may connect to private
// addresses. The operator's feeds (scope "") follow AllowPrivateNetworks;
// feeds added in chat follow ChatAllowPrivateNetworks alone, so the
// operator's opt-in for self-hosted feeds never lets a chat user read the
// intranet.
func (o Options) mayReachPrivate(scope string) bool {
	if scope == "" {
		return o.AllowPrivateNetworks
	}
	return o.ChatAllowPrivateNetworks
}
