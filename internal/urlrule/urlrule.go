// Package urlrule holds the rules for URLs that come from outside: which
// URLs are acceptable at all (Parse), their identity form (Canonical), and
// which network addresses a fetch may connect to (CheckAddr, DialControl).
//
// Both the fetcher (package feed) and the chat commands (package bot) use
// these rules; keeping them here lets bot check a URL without importing the
// fetcher.
package urlrule

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrInvalidURL means a URL could not be parsed, has no host, carries
	// credentials or a bad port.
	ErrInvalidURL = errors.New("invalid URL")
	// ErrUnsupportedScheme means a URL is not http(s), or is file:// where
	// only the config file may use it.
	ErrUnsupportedScheme = errors.New("unsupported URL scheme")
	// ErrPrivateAddress means an address is loopback, private, link-local,
	// multicast, reserved, or an IPv6 form that carries such an IPv4
	// address or is deprecated.
	ErrPrivateAddress = errors.New("refusing to connect to a private network address")
)

// Parse parses raw and checks that it is an absolute http(s) URL with a
// host, or, when allowFile is set (feeds from the config file only), a
// file:// URL with a path. It does not resolve the host: the address check
// happens at connection time (DialControl), after DNS, so rebinding cannot
// bypass it.
func Parse(raw string, allowFile bool) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %q: %v", ErrInvalidURL, raw, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Hostname() == "" {
			return nil, fmt.Errorf("%w: %q has no host", ErrInvalidURL, raw)
		}
		if u.User != nil {
			return nil, fmt.Errorf("%w: %q: credentials in URLs are not accepted", ErrInvalidURL, raw)
		}
		if p := u.Port(); p != "" {
			if _, err := netip.ParseAddrPort("0.0.0.0:" + p); err != nil {
				return nil, fmt.Errorf("%w: %q: bad port", ErrInvalidURL, raw)
			}
		}
		return u, nil
	case "file":
		if !allowFile {
			return nil, fmt.Errorf("%w: %q: file:// feeds are only allowed in the config file", ErrUnsupportedScheme, raw)
		}
		if u.Path == "" && u.Opaque == "" {
			return nil, fmt.Errorf("%w: %q has no path", ErrInvalidURL, raw)
		}
		return u, nil
	case "":
		return nil, fmt.Errorf("%w: %q is not an absolute http(s) URL", ErrUnsupportedScheme, raw)
	default:
		return nil, fmt.Errorf("%w: %q: only http and https URLs are accepted", ErrUnsupportedScheme, raw)
	}
}

// CheckHost refuses, before any connection, a URL host that is a private
// address literal (judged by CheckAddr) or a name that always means this
// machine ("localhost", "*.localhost"). Other names pass: they are judged
// after DNS, by DialControl. It lets a refusal come at once, with a clear
// reason, instead of after a dial.
func CheckHost(host string) error {
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return fmt.Errorf("%w: %s is this machine", ErrPrivateAddress, host)
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return nil // a name: judged after resolution
	}
	return CheckAddr(addr)
}
