package cli

import (
	"strings"

	"github.com/newsdigest/newsdigest/digest/text"
)

// quotes renders up to three evidence spans as « »-quoted text.
func quotes(spans []text.Span) string {
	var parts []string
	for i, s := range spans {
		if i == 3 {
			break
		}
		parts = append(parts, "«"+s.Text+"»")
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}
