package compose

import (
	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// Items turns analysed stored articles into digest items; articles without an
// analysis yet are left out.
func Items(arts []store.Article) []digest.Item {
	items := make([]digest.Item, 0, len(arts))
	for _, a := range arts {
		if a.Analysis == nil {
			continue
		}
		items = append(items, digest.Item{
			Article:     a.Article,
			Analysis:    *a.Analysis,
			StoryID:     a.StoryID,
			DuplicateOf: a.DuplicateOf,
			Seen:        a.FirstSeenAt,
		})
	}
	return items
}
