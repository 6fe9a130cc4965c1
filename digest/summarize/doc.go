// Package summarize picks the sentences that summarise a news article, or a
// story told by several outlets. Both summaries are extractive: they quote
// whole sentences of the input, so every sentence is attributable to an outlet
// and nothing is invented.
package summarize
