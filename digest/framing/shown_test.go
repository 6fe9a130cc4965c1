package framing

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/framing/stance"
)

// shownCount tallies the negative and positive labels shown against gold.
type shownCount struct{ shown, correct, goldPolar int }

func (c *shownCount) add(gold, shown string) {
	if gold != Neutral {
		c.goldPolar++
	}
	if shown == Negative || shown == Positive {
		c.shown++
		if shown == gold {
			c.correct++
		}
	}
}

func (c shownCount) precision() float64 { return float64(c.correct) / float64(max(c.shown, 1)) }
func (c shownCount) recall() float64    { return float64(c.correct) / float64(max(c.goldPolar, 1)) }

// TestShownStancePrecisionMentions prints the precision and recall of the
// mention stances a reader is shown (MentionStance at
// stance.MinShownConfidence) on NewsMTSC DEV (../shared/eval/stance/dev.jsonl),
// and fails when the precision falls under the floor the threshold was
// chosen for.
func TestShownStancePrecisionMentions(t *testing.T) {
	path := sharedDir(t, "eval", "stance", "dev.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c shownCount
	for _, ln := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		var r struct {
			Text, Label string
			Start, End  int
		}
		if err := json.Unmarshal([]byte(ln), &r); err != nil {
			t.Fatal(err)
		}
		res := MentionStance(r.Text, r.Start, r.End)
		shown := Neutral
		if res.Shown() {
			shown = res.Label
		}
		c.add(r.Label, shown)
	}
	t.Logf("stance/dev.jsonl at min confidence %.2f: %d shown, precision %.4f, recall %.4f (%d of %d negative or positive mentions)",
		stance.MinShownConfidence, c.shown, c.precision(), c.recall(), c.correct, c.goldPolar)
	if c.precision() < 0.8 {
		t.Errorf("precision of shown mention stances %.4f, want >= 0.80", c.precision())
	}
}

// TestShownStancePrecisionArticles prints the precision and recall of the
// stances Analyze shows toward BASIL's targets (../shared/eval/stance/
// basil-dev.jsonl, the author's own stance in news articles): the actor
// whose name holds the target's last word, neutral when the target is not
// among the actors. It fails when what is shown is more often wrong than
// right.
func TestShownStancePrecisionArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 305 articles")
	}
	path := sharedDir(t, "eval", "stance", "basil-dev.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c shownCount
	for _, ln := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		var r struct{ Title, Text, Target, Label string }
		if err := json.Unmarshal([]byte(ln), &r); err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(strings.ReplaceAll(r.Target, "_", " "))
		shown := Neutral
		for _, a := range Analyze(r.Title, r.Text).Actors {
			if len(words) > 0 && strings.Contains(a.Name, words[len(words)-1]) {
				shown = a.Stance
				break
			}
		}
		c.add(r.Label, shown)
	}
	t.Logf("stance/basil-dev.jsonl: %d shown, precision %.4f, recall %.4f (%d of %d negative or positive targets)",
		c.shown, c.precision(), c.recall(), c.correct, c.goldPolar)
	if c.shown > 0 && c.precision() < 0.5 {
		t.Errorf("precision of shown article stances %.4f, want >= 0.5", c.precision())
	}
}
