package feed

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// ValidateURL parses raw and checks that it is an absolute http(s) URL with a
// host, or, when allowFile is set (feeds from the config file only), a
// file:// URL with a path. It does not resolve the host: the address check
// happens at connection time, after DNS, so rebinding cannot bypass it.
func ValidateURL(raw string, allowFile bool) (*url.URL, error) {
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

// blockedPrefixes are ranges that are neither caught by the netip
// predicates nor reachable public unicast space.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, broadcast
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("fec0::/10"),      // deprecated site-local
	netip.MustParsePrefix("100::/64"),       // discard-only
}

// isPrivateAddr reports whether connecting to addr could reach the host
// itself or an internal network.
func isPrivateAddr(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsUnspecified() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() ||
		addr.IsMulticast() {
		return true
	}
	if addr.Is6() {
		// NAT64 and 6to4 embed an IPv4 address: judge that one.
		if netip.MustParsePrefix("64:ff9b::/96").Contains(addr) {
			b := addr.As16()
			return isPrivateAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		}
		if netip.MustParsePrefix("2002::/16").Contains(addr) {
			b := addr.As16()
			return isPrivateAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	for _, p := range blockedPrefixes {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// dialControl refuses connections to private addresses. It runs after DNS
// resolution, on the exact address being dialled, so neither a redirect nor
// DNS rebinding can slip an internal address through.
func dialControl(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: unparseable address %q", ErrPrivateAddress, host)
	}
	if isPrivateAddr(addr) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, addr)
	}
	return nil
}
