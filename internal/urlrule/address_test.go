package urlrule

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr    string
		refused bool
		why     string // part of the reason, for refused addresses
	}{
		// IPv4.
		{"127.0.0.1", true, "loopback"}, {"127.8.9.10", true, "loopback"}, {"10.0.0.1", true, "private"},
		{"172.16.5.4", true, "private"}, {"192.168.1.1", true, "private"},
		{"169.254.169.254", true, "link-local"}, {"0.0.0.0", true, "unspecified"}, {"0.1.2.3", true, "reserved"},
		{"224.0.0.1", true, "multicast"}, {"100.64.1.1", true, "reserved"}, {"255.255.255.255", true, "reserved"},
		{"192.0.2.7", true, "reserved"}, {"192.88.99.1", true, "reserved"}, {"198.18.0.1", true, "reserved"},
		{"93.184.216.34", false, ""}, {"8.8.8.8", false, ""},
		// Plain IPv6.
		{"::1", true, "loopback"}, {"::", true, "unspecified"}, {"fe80::1", true, "link-local"},
		{"fe80::1%eth0", true, "link-local"}, {"fc00::1", true, "unique local"}, {"fd12:3456::1", true, "unique local"},
		{"ff02::1", true, "multicast"}, {"fec0::1", true, "site-local"}, {"3ffe::1", true, "6bone"},
		{"2001:db8::1", true, "documentation"}, {"2001:10::1", true, "ORCHID"}, {"100::1", true, "discard"},
		{"2606:4700::1111", false, ""}, {"2a00:1450:4001:80b::200e", false, ""},
		// IPv4-mapped: judged by the IPv4 address.
		{"::ffff:127.0.0.1", true, "IPv4-mapped form of 127.0.0.1"}, {"::ffff:10.1.2.3", true, "private"},
		{"::ffff:8.8.8.8", false, ""},
		// IPv4-compatible (deprecated): refused whatever it carries.
		{"::127.0.0.1", true, "IPv4-compatible"}, {"::8.8.8.8", true, "IPv4-compatible"},
		// IPv4-translated (SIIT): judged by the IPv4 address.
		{"::ffff:0:7f00:1", true, "IPv4-translated form of 127.0.0.1"}, {"::ffff:0:a9fe:a9fe", true, "169.254.169.254"},
		{"::ffff:0:808:808", false, ""},
		// NAT64 well-known prefix: judged by the IPv4 address.
		{"64:ff9b::10.0.0.1", true, "NAT64 form of 10.0.0.1"}, {"64:ff9b::7f00:1", true, "loopback"},
		{"64:ff9b::a9fe:a9fe", true, "link-local"}, {"64:ff9b::8.8.8.8", false, ""},
		// Local-use NAT64 prefix: refused outright.
		{"64:ff9b:1::8.8.8.8", true, "local-use NAT64"}, {"64:ff9b:1:ffff::1", true, "local-use NAT64"},
		// 6to4: judged by the IPv4 address in bits 16–47.
		{"2002:7f00:1::", true, "6to4 form of 127.0.0.1"}, {"2002:c0a8:101::1", true, "192.168.1.1"},
		{"2002:a9fe:a9fe::1", true, "link-local"}, {"2002:808:808::1", false, ""},
		// Teredo: the server (bits 32–63) and the inverted client (last 32 bits).
		{"2001:0:808:808:0:0:f7f7:f7f7", false, ""},                              // server 8.8.8.8, client 8.8.8.8
		{"2001:0:7f00:1:0:0:f7f7:f7f7", true, "Teredo server form of 127.0.0.1"}, // server loopback
		{"2001:0:808:808:0:0:f5ff:fffe", true, "Teredo client form of 10.0.0.1"}, // client private
		{"2001:0:808:808:8000:63bf:5601:5601", true, "169.254.169.254"},          // client metadata
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			err := CheckAddr(netip.MustParseAddr(tt.addr))
			if got := err != nil; got != tt.refused {
				t.Fatalf("CheckAddr(%s) = %v, want refused %v", tt.addr, err, tt.refused)
			}
			if err == nil {
				return
			}
			if !errors.Is(err, ErrPrivateAddress) {
				t.Errorf("CheckAddr(%s) = %v, does not match ErrPrivateAddress", tt.addr, err)
			}
			if !strings.Contains(err.Error(), tt.why) {
				t.Errorf("CheckAddr(%s) = %q, want the reason to mention %q", tt.addr, err, tt.why)
			}
		})
	}
}

func TestDialControl(t *testing.T) {
	tests := []struct {
		address string
		refused bool
	}{
		{"[::127.0.0.1]:80", true},
		{"[::ffff:0:7f00:1]:443", true},
		{"[64:ff9b::a00:1]:80", true},
		{"[2002:a00:1::1]:80", true},
		{"127.0.0.1:8080", true},
		{"[2606:4700::1111]:443", false},
		{"93.184.216.34:80", false},
		{"not-an-address:80", true},
		{"no-port", true},
	}
	for _, tt := range tests {
		err := DialControl("tcp", tt.address, nil)
		if (err != nil) != tt.refused || (err != nil && !errors.Is(err, ErrPrivateAddress)) {
			t.Errorf("DialControl(%s) = %v, want refused %v", tt.address, err, tt.refused)
		}
	}
}

func TestCheckHost(t *testing.T) {
	tests := []struct {
		host    string
		refused bool
	}{
		{"localhost", true}, {"LOCALHOST.", true}, {"admin.localhost", true},
		{"[::127.0.0.1]", true}, {"::ffff:0:7f00:1", true}, {"169.254.169.254", true},
		{"example.org", false}, {"localhost.example.org", false}, {"8.8.8.8", false}, {"[2606:4700::1111]", false},
	}
	for _, tt := range tests {
		err := CheckHost(tt.host)
		if (err != nil) != tt.refused || (err != nil && !errors.Is(err, ErrPrivateAddress)) {
			t.Errorf("CheckHost(%q) = %v, want refused %v", tt.host, err, tt.refused)
		}
	}
}

// FuzzCheckAddr checks that no 16-byte address panics the classifier and
// that an IPv6 form never passes when the IPv4 address it carries fails.
func FuzzCheckAddr(f *testing.F) {
	f.Add([]byte(netip.MustParseAddr("64:ff9b::7f00:1").AsSlice()))
	f.Add([]byte(netip.MustParseAddr("2001:0:808:808:0:0:f5ff:fffe").AsSlice()))
	f.Add([]byte(netip.MustParseAddr("2002:7f00:1::").AsSlice()))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) != 16 {
			return
		}
		addr := netip.AddrFrom16([16]byte(raw))
		err := CheckAddr(addr)
		b := addr.As16()
		var carried netip.Addr
		switch {
		case addr.Is4In6(), ipv4Translated.Contains(addr), nat64.Contains(addr):
			carried = netip.AddrFrom4([4]byte(b[12:16]))
		case sixToFour.Contains(addr):
			carried = netip.AddrFrom4([4]byte(b[2:6]))
		default:
			return
		}
		if err == nil && CheckAddr(carried) != nil {
			t.Errorf("CheckAddr(%s) passes, but it carries refused %s", addr, carried)
		}
	})
}
