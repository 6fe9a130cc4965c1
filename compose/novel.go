package compose

import (
	"cmp"
	"slices"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/store"
)

// Novel keeps the stories that are news to a channel: never sent, or sent
// with fewer outlets or articles than they have now (marked Update). A
// story without an ID cannot be tracked, so it counts only when it is from
// the period proper (since on). It ranks by distinct outlets, then new
// before updates, then the most recent.
func Novel(stories []digest.Story, sent map[int64]store.SentStory, since time.Time) []digest.Story {
	out := stories[:0:0]
	for _, st := range stories {
		if st.ID == 0 {
			if st.Latest.Before(since) {
				continue
			}
		} else if prev, ok := sent[st.ID]; ok {
			if len(st.Outlets) <= prev.Outlets && len(st.Articles) <= prev.Articles {
				continue
			}
			st.Update = true
		}
		out = append(out, st)
	}
	slices.SortStableFunc(out, func(a, b digest.Story) int {
		if c := cmp.Compare(len(b.Outlets), len(a.Outlets)); c != 0 {
			return c
		}
		if a.Update != b.Update {
			if a.Update {
				return 1
			}
			return -1
		}
		return b.Latest.Compare(a.Latest)
	})
	return out
}

// SentRecords are the stories of a delivery as the store remembers them,
// for the next digest's novelty check.
func SentRecords(stories []digest.Story) []store.SentStory {
	var out []store.SentStory
	for _, st := range stories {
		if st.ID != 0 {
			out = append(out, store.SentStory{StoryID: st.ID, Outlets: len(st.Outlets), Articles: len(st.Articles)})
		}
	}
	return out
}
