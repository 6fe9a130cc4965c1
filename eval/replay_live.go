package eval

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/newsdigest/newsdigest/compose"
	"github.com/newsdigest/newsdigest/feed"
)

// replayDigestHour is when the replay also reads a daily digest (UTC), as a
// channel scheduled for the morning would: the blindspots a reader sees
// while the news is fresh, not only those of the finished stream.
const replayDigestHour = 8

// liveFlag is a blindspot a daily digest showed: the records of the story
// it was shown on, and the side it said was missing.
type liveFlag struct {
	records []string
	side    string
}

// dailyDigests builds the daily digests due by the replay's clock, each over
// the day before, and records the blindspots they show.
func (rp *replayer) dailyDigests(ctx context.Context) error {
	if rp.nextDigest.IsZero() {
		first := rp.clock.Truncate(24 * time.Hour).Add(replayDigestHour * time.Hour)
		if first.Before(rp.clock) {
			first = first.Add(24 * time.Hour)
		}
		rp.nextDigest = first
	}
	for !rp.nextDigest.After(rp.clock) {
		at := rp.nextDigest
		d, err := compose.Build(ctx, rp.st, compose.Request{Since: at.Add(-24 * time.Hour), Until: at, Now: at, WholeStories: true})
		if err != nil {
			return fmt.Errorf("replay: digest at %s: %w", at.Format(time.RFC3339), err)
		}
		rp.digests++
		for _, s := range d.Stories {
			var records []string
			for _, a := range s.Articles {
				records = append(records, rp.recordsOf[feed.CanonicalURL(a.URL)]...)
			}
			for _, side := range s.BlindspotSides {
				rp.flags = append(rp.flags, liveFlag{records: records, side: side})
			}
		}
		rp.nextDigest = at.Add(24 * time.Hour)
	}
	return nil
}

// LiveBlindspots scores the blindspots the daily digests showed: a flag is
// right when the event that most of its story's articles belong to indeed
// lacks that side in the stream.
type LiveBlindspots struct {
	Digests   int     `json:"digests"`
	Flags     int     `json:"flags"`
	Precision float64 `json:"p"`
}

func scoreLiveFlags(gold []replayGold, events []replayEvent, flags []liveFlag, digests int) LiveBlindspots {
	eventOf := make(map[string]string, len(gold))
	for _, g := range gold {
		eventOf[g.ID] = g.Gold
	}
	sides := make(map[string][]string, len(events))
	for _, ev := range events {
		sides[ev.ID] = ev.Sides
	}
	out := LiveBlindspots{Digests: digests, Flags: len(flags)}
	right := 0
	for _, f := range flags {
		count := map[string]int{}
		best := ""
		for _, id := range f.records {
			ev := eventOf[id]
			count[ev]++
			if best == "" || count[ev] > count[best] {
				best = ev
			}
		}
		if best != "" && !slices.Contains(sides[best], f.side) {
			right++
		}
	}
	if len(flags) > 0 {
		out.Precision = round4(float64(right) / float64(len(flags)))
	}
	return out
}
