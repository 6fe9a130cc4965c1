// Package text holds the text primitives every analysis step shares: byte-offset
// spans, word tokens, sentence splitting, stop words, Porter2 stemming, and
// sparse term vectors with TF-IDF weighting and cosine similarity.
package text

// Span is a piece of an analysed text, addressed by UTF-8 byte offsets
// (end exclusive) so that Text == source[Start:End].
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// NewSpan returns the span of src between start and end.
func NewSpan(src string, start, end int) Span {
	return Span{Start: start, End: end, Text: src[start:end]}
}
