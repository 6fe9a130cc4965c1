package eval

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestReplayStream replays a small stream written for this test through
// the live path and checks that every record lands in exactly one story and
// that the two events stay apart.
func TestReplayStream(t *testing.T) {
	t0 := time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC)
	rec := func(id, source, lean string, after time.Duration, title, text string) replayRecord {
		return replayRecord{ID: id, Source: source, Lean: lean, Published: t0.Add(after), Title: title, Text: text,
			URL: "https://" + source + ".example/" + id}
	}
	recs := []replayRecord{
		rec("a1", "harbour-times", "center", 0, "Harbour bridge in Port Ellis closes after cracks found in main span",
			"Port Ellis closed its harbour bridge on Monday after inspectors found cracks in the main span.\nThe city engineer said repairs could take three weeks."),
		rec("b1", "valley-gazette", "left", 20*time.Minute, "Ferry orders surge as Port Ellis shuts its cracked harbour bridge",
			"Ferry operators in Port Ellis reported a surge in bookings after the harbour bridge was shut over cracks in its main span.\nCommuters face long detours for three weeks."),
		rec("c1", "north-ledger", "right", 3*time.Hour, "Taxpayers face repair bill after Port Ellis bridge cracks",
			"The cracks found in the Port Ellis harbour bridge will cost taxpayers, council members said as the main span stays closed.\nRepairs are expected to take three weeks."),
		rec("a2", "harbour-times", "center", 26*time.Hour, "Lindqvist wins Marrow Lake chess open with a final-round draw",
			"Elsa Lindqvist won the Marrow Lake chess open on Tuesday, drawing her final game to finish half a point clear.\nThe tournament drew 240 players."),
		rec("b2", "valley-gazette", "left", 27*time.Hour, "Elsa Lindqvist takes Marrow Lake chess title",
			"Elsa Lindqvist took the Marrow Lake chess open title after a final-round draw left her half a point ahead of the field of 240 players."),
	}
	res, err := replayStream(context.Background(), recs)
	if err != nil {
		t.Fatal(err)
	}
	stories := res.stories
	if res.digests != 2 {
		t.Errorf("%d daily digests over a stream of two days, want 2", res.digests)
	}
	where := map[string]int{}
	for i, s := range stories {
		for _, id := range s.Articles {
			if _, dup := where[id]; dup {
				t.Errorf("%s is in two stories", id)
			}
			where[id] = i
		}
		if s.Title == "" || len(s.Summary) == 0 {
			t.Errorf("story %s has no title or summary: %+v", s.ID, s)
		}
	}
	for _, r := range recs {
		if _, ok := where[r.ID]; !ok {
			t.Errorf("%s is in no story", r.ID)
		}
	}
	if where["a1"] != where["b1"] || where["a1"] != where["c1"] {
		t.Errorf("the bridge reports split: %v", where)
	}
	if where["a2"] != where["b2"] {
		t.Errorf("the chess reports split: %v", where)
	}
	if where["a1"] == where["a2"] {
		t.Errorf("the bridge and the chess stories merged")
	}
	if got := stories[0].Articles; !slices.Equal(got, []string{"a1", "b1", "c1"}) {
		t.Errorf("first story = %v, want the bridge reports in stream order", got)
	}
}
