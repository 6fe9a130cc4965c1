package urlrule

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://Example.ORG/News/Story?utm_source=rss&utm_medium=feed", "https://example.org/News/Story"},
		{"https://example.org/a?b=2&a=1&fbclid=XYZ&gclid=1#comments", "https://example.org/a?a=1&b=2"},
		{"HTTP://example.org:80/x", "http://example.org/x"},
		{"https://example.org:443", "https://example.org/"},
		{"https://example.org:8443/x?", "https://example.org:8443/x"},
		{"https://user:pw@example.org/p?UTM_Campaign=x&id=3", "https://example.org/p?id=3"},
		{"https://example.org./p?mc_cid=1&mc_eid=2", "https://example.org/p"},
		{"  https://example.org/p?q=a%20b&utm_term=z  ", "https://example.org/p?q=a%20b"},
		{"https://[2001:DB8::1]:443/p", "https://[2001:db8::1]/p"},
		{"not a url", "not a url"},
		{"mailto:x@example.org", "mailto:x@example.org"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{
		"https://Example.org/a?utm_source=x&b=1#f", "http://[::1]:80/", "https://example.org/%zz?a=%",
		"https://example.org/p;x?a=1;b=2&fbclid=3", "//example.org/x", "https://例え.jp/パス?q=値",
		"http://example.org:0/", "https://a.b/c?&&=&x", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got := Canonical(raw)
		u, err := url.Parse(got)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return // not an absolute web URL: returned as given
		}
		if u.Fragment != "" {
			t.Errorf("Canonical(%q) = %q keeps a fragment", raw, got)
		}
		if u.Host != strings.ToLower(u.Host) && utf8.ValidString(u.Host) {
			t.Errorf("Canonical(%q) = %q: host not lower-cased", raw, got)
		}
		for _, part := range strings.Split(u.RawQuery, "&") {
			name, _, _ := strings.Cut(part, "=")
			if unescaped, err := url.QueryUnescape(name); err == nil && isTrackingParam(unescaped) {
				t.Errorf("Canonical(%q) = %q keeps tracking parameter %q", raw, got, name)
			}
		}
		if again := Canonical(got); again != got {
			t.Errorf("not idempotent: %q -> %q -> %q", raw, got, again)
		}
	})
}
