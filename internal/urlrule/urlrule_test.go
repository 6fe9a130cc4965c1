package urlrule

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		raw       string
		allowFile bool
		want      error
	}{
		{"https://example.org/feed.xml", false, nil},
		{"HTTP://example.org/", false, nil},
		{" https://example.org/x ", false, nil},
		{"file:///srv/feeds/local.xml", true, nil},
		{"file:///srv/feeds/local.xml", false, ErrUnsupportedScheme},
		{"ftp://example.org/feed", false, ErrUnsupportedScheme},
		{"javascript:alert(1)", false, ErrUnsupportedScheme},
		{"gopher://example.org", true, ErrUnsupportedScheme},
		{"example.org/feed", false, ErrUnsupportedScheme},
		{"http:///nohost", false, ErrInvalidURL},
		{"http://user:pw@example.org/", false, ErrInvalidURL},
		{"http://example.org:99999/", false, ErrInvalidURL},
		{"http://exa mple.org/", false, ErrInvalidURL},
		{"file://", true, ErrInvalidURL},
	}
	for _, tt := range tests {
		u, err := Parse(tt.raw, tt.allowFile)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("Parse(%q, %v) = %v, want %v", tt.raw, tt.allowFile, err, tt.want)
		}
		if err == nil && u.String() != strings.TrimSpace(tt.raw) && tt.raw != "HTTP://example.org/" {
			t.Errorf("Parse(%q) = %q, want it trimmed", tt.raw, u)
		}
	}
}
