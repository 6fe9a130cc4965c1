package bot

import "github.com/newsdigest/newsdigest/digest/text"

// firstQuote renders the first evidence span as a « »-quote.
func firstQuote(spans []text.Span) string {
	if len(spans) == 0 {
		return ""
	}
	return ": «" + spans[0].Text + "»"
}
