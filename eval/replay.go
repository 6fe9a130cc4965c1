package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/digest"
)

func init() { tasks["replay"] = runReplay }

// replayRecord is a line of digest/replay-*.jsonl as a news bot may see it:
// the event label (gold) is deliberately not a field, so the replay cannot
// read it; only the scorer does (replayGold).
type replayRecord struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Source    string    `json:"source"`
	Lean      string    `json:"lean"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
}

// replayStory is one prediction line: a story formed over the whole stream.
type replayStory struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Summary   []string `json:"summary"`
	Articles  []string `json:"articles"`
	Blindspot []string `json:"blindspot"`

	first int // index of its first record in the stream, for line order
}

// runReplay replays the stream at path through the live path, writes one
// line per story and scores the stories against the gold events.
func runReplay(ctx context.Context, path string, pred io.Writer) (any, error) {
	started := time.Now()
	recs, err := readJSONL[replayRecord](path)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	res, err := replayStream(ctx, recs)
	if err != nil {
		return nil, err
	}
	replayed := time.Since(started)
	for _, s := range res.stories {
		if err := writeJSONL(pred, s); err != nil {
			return nil, fmt.Errorf("replay: write story: %w", err)
		}
	}
	gold, err := readJSONL[replayGold](path)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	events, err := readJSONL[replayEvent](replayEventsPath(path))
	if err != nil {
		return nil, fmt.Errorf("replay: events: %w", err)
	}
	m := scoreReplay(gold, events, res.stories)
	m.LiveBlindspots = scoreLiveFlags(gold, events, res.flags, res.digests)
	m.ReplaySeconds = math.Round(replayed.Seconds()*100) / 100
	return m, nil
}

// replayEventsPath is the events file that belongs to a replay stream:
// digest/replay-dev.jsonl → digest/replay-events-dev.jsonl.
func replayEventsPath(path string) string {
	dir, base := filepath.Split(path)
	if rest, ok := strings.CutPrefix(base, "replay-"); ok {
		return filepath.Join(dir, "replay-events-"+rest)
	}
	return filepath.Join(dir, "replay-events-"+base)
}

// blindspotSides lists the sides a story's blindspot says are missing.
func blindspotSides(s digest.Story) []string {
	if len(s.BlindspotSides) == 0 {
		return []string{}
	}
	return s.BlindspotSides
}
