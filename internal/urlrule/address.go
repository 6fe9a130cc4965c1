package urlrule

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// blockedV4 are the IPv4 ranges a fetch never connects to besides those the
// netip predicates catch (loopback, RFC 1918, link-local, multicast): none
// of them is reachable public unicast space (RFC 6890 and successors).
var blockedV4 = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation (TEST-NET-1)
	netip.MustParsePrefix("192.88.99.0/24"),  // 6to4 relay anycast, deprecated (RFC 7526)
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation (TEST-NET-2)
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation (TEST-NET-3)
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
}

// IPv6 forms that carry an IPv4 address; each is judged by the address it
// carries (RFC 4291, 6052, 3056, 4380, 2765).
var (
	ipv4Translated = netip.MustParsePrefix("::ffff:0:0:0/96") // SIIT: ::ffff:0:a.b.c.d
	nat64          = netip.MustParsePrefix("64:ff9b::/96")    // well-known NAT64 prefix
	sixToFour      = netip.MustParsePrefix("2002::/16")       // 6to4: 2002:AABB:CCDD::/48
	teredo         = netip.MustParsePrefix("2001::/32")       // Teredo: server and obfuscated client IPv4
)

// refusedV6 are IPv6 ranges refused outright: deprecated, local-use or not
// reachable, so no public feed lives there.
var refusedV6 = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("::/96"), "an IPv4-compatible IPv6 address (deprecated by RFC 4291)"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "a local-use NAT64 address (RFC 8215)"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local IPv6 address (deprecated by RFC 3879)"},
	{netip.MustParsePrefix("3ffe::/16"), "a 6bone IPv6 address (returned by RFC 3701)"},
	{netip.MustParsePrefix("2001:10::/28"), "an ORCHID IPv6 address (deprecated by RFC 7343)"},
	{netip.MustParsePrefix("2001:db8::/32"), "a documentation IPv6 address"},
	{netip.MustParsePrefix("100::/64"), "a discard-only IPv6 address"},
}

// CheckAddr returns nil for a public unicast address a fetch may connect
// to, and otherwise an error matching ErrPrivateAddress that says why. IPv6
// forms that embed an IPv4 address (mapped, translated, NAT64, 6to4,
// Teredo) are judged by that IPv4 address; deprecated and local-use forms
// are refused whatever they carry.
func CheckAddr(addr netip.Addr) error {
	addr = addr.WithZone("")
	if !addr.IsValid() {
		return fmt.Errorf("%w: no address", ErrPrivateAddress)
	}
	if addr.Is4In6() {
		return embedded(addr, addr.Unmap(), "IPv4-mapped")
	}
	if addr.Is4() {
		if why := v4Reason(addr); why != "" {
			return fmt.Errorf("%w: %s is %s", ErrPrivateAddress, addr, why)
		}
		return nil
	}
	if why := v6Reason(addr); why != "" {
		return fmt.Errorf("%w: %s is %s", ErrPrivateAddress, addr, why)
	}
	b := addr.As16()
	switch {
	case ipv4Translated.Contains(addr):
		return embedded(addr, netip.AddrFrom4([4]byte(b[12:16])), "IPv4-translated")
	case nat64.Contains(addr):
		return embedded(addr, netip.AddrFrom4([4]byte(b[12:16])), "NAT64")
	case sixToFour.Contains(addr):
		return embedded(addr, netip.AddrFrom4([4]byte(b[2:6])), "6to4")
	case teredo.Contains(addr):
		if err := embedded(addr, netip.AddrFrom4([4]byte(b[4:8])), "Teredo server"); err != nil {
			return err
		}
		client := [4]byte{^b[12], ^b[13], ^b[14], ^b[15]} // stored inverted (RFC 4380)
		return embedded(addr, netip.AddrFrom4(client), "Teredo client")
	}
	return nil
}

// embedded judges the IPv4 address v4 that the IPv6 address outer carries.
func embedded(outer, v4 netip.Addr, form string) error {
	if why := v4Reason(v4); why != "" {
		return fmt.Errorf("%w: %s is a %s form of %s, which is %s", ErrPrivateAddress, outer, form, v4, why)
	}
	return nil
}

// v4Reason says why an IPv4 address is refused, or "" when it is public.
func v4Reason(a netip.Addr) string {
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast():
		return "link-local (cloud metadata lives there)"
	case a.IsMulticast(), a.IsLinkLocalMulticast():
		return "multicast"
	case a.IsUnspecified():
		return "unspecified"
	}
	for _, p := range blockedV4 {
		if p.Contains(a) {
			return "reserved (" + p.String() + ")"
		}
	}
	return ""
}

// v6Reason says why an IPv6 address (not one carrying IPv4) is refused, or
// "" when it is public or carries an IPv4 address to judge.
func v6Reason(a netip.Addr) string {
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsPrivate():
		return "a unique local address"
	case a.IsLinkLocalUnicast():
		return "link-local"
	case a.IsMulticast():
		return "multicast"
	}
	for _, r := range refusedV6 {
		if r.prefix.Contains(a) {
			return r.why
		}
	}
	if !a.IsGlobalUnicast() {
		return "not global unicast"
	}
	return ""
}

// DialControl is a net.Dialer Control function that refuses connections to
// addresses CheckAddr refuses. It runs after DNS resolution, on the exact
// address being dialled, so neither a redirect nor DNS rebinding can slip
// an internal address through.
func DialControl(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: unparseable address %q", ErrPrivateAddress, host)
	}
	return CheckAddr(addr)
}
