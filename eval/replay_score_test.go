package eval

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestScoreReplay(t *testing.T) {
	gold := []replayGold{{"a", "e1"}, {"b", "e1"}, {"c", "e1"}, {"d", "e2"}}
	events := []replayEvent{
		{ID: "e1", Title: "storm hits the coast", Sides: []string{"left", "center", "right"}, References: []string{"A storm hit the coast."}},
		{ID: "e2", Title: "court rules on the law", Sides: []string{"center", "right"}, References: []string{"The court ruled."}},
	}
	tests := []struct {
		name    string
		stories []replayStory
		check   func(t *testing.T, m ReplayMetrics)
	}{
		{
			name: "perfect",
			stories: []replayStory{
				{ID: "1", Title: "Storm hits the coast", Summary: []string{"A storm hit the coast."}, Articles: []string{"a", "b", "c"}},
				{ID: "2", Title: "Court rules on the law", Summary: []string{"The court ruled."}, Articles: []string{"d"}, Blindspot: []string{"left"}},
			},
			check: func(t *testing.T, m ReplayMetrics) {
				if m.BCubed.F1 != 1 || m.StoriesPerEvent != 1 || m.SingleStoryEvents != 2 {
					t.Errorf("grouping: %+v", m)
				}
				if m.TitleRouge1 != 100 || m.Summary.Rouge1 != 100 || m.Summary.RougeLsum != 100 {
					t.Errorf("rouge: title %v summary %+v", m.TitleRouge1, m.Summary)
				}
				if m.Blindspot != (PRF{1, 1, 1}) || m.BlindspotFlags != 1 {
					t.Errorf("blindspot: %+v", m.Blindspot)
				}
			},
		},
		{
			name: "split event, the tie goes to the earlier line, a missing article",
			stories: []replayStory{
				{ID: "1", Title: "Storm hits the coast", Articles: []string{"a"}, Blindspot: []string{"right"}},
				{ID: "2", Title: "Unrelated words entirely", Articles: []string{"b"}},
				{ID: "3", Title: "x", Articles: []string{"zz", "b"}},
			},
			check: func(t *testing.T, m ReplayMetrics) {
				// a, b, c, d each alone (c and d missing): e1 spans 3 stories, e2 one.
				if m.StoriesPerEvent != 2 || m.Missing != 2 || m.UnknownIDs != 1 || m.DuplicateIDs != 1 {
					t.Errorf("counts: %+v", m)
				}
				if m.TitleRouge1 != 50 { // e1's main story is line 1; e2 has none
					t.Errorf("title = %v, want 50", m.TitleRouge1)
				}
				if m.Blindspot.P != 0 || m.Blindspot.R != 0 || m.BlindspotFlags != 1 {
					t.Errorf("blindspot: %+v", m.Blindspot)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, scoreReplay(gold, events, tt.stories)) })
	}
}

func TestSummaryHygiene(t *testing.T) {
	stories := []replayStory{
		{Summary: []string{"Why it matters: the vote was close.", "The bill passed on Tuesday...", "It now goes to the Senate."}},
		{Summary: []string{"The council approved the budget.", "The council approved the budget on Monday."}},
		{Summary: []string{"Mr. Smith: a profile of the mayor.", "Officials said the road reopens…"}},
	}
	cut, repeat := summaryHygiene(stories)
	if cut != round4(3.0/7) {
		t.Errorf("cut-or-label = %v, want 3/7", cut)
	}
	if repeat != round4(1.0/3) {
		t.Errorf("repeat = %v, want 1/3", repeat)
	}
}

// TestReplayBaselines checks the scorer against the README's reference
// rows for the replay: every article its own story, and the gold grouping.
func TestReplayBaselines(t *testing.T) {
	dir := filepath.Join(sharedEval(t), "digest")
	type record struct {
		replayRecord
		Gold string `json:"gold"`
	}
	recs, err := readJSONL[record](filepath.Join(dir, "replay-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	events, err := readJSONL[replayEvent](filepath.Join(dir, "replay-events-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	gold := make([]replayGold, len(recs))
	for i, r := range recs {
		gold[i] = replayGold{ID: r.ID, Gold: r.Gold}
	}
	lines := func(text string) []string {
		var out []string
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) != "" {
				out = append(out, l)
			}
		}
		return out
	}

	t.Run("each article its own story", func(t *testing.T) {
		var stories []replayStory
		for _, r := range recs {
			ls := lines(r.Text)
			stories = append(stories, replayStory{ID: r.ID, Title: r.Title, Summary: ls[:min(3, len(ls))], Articles: []string{r.ID}})
		}
		m := scoreReplay(gold, events, stories)
		checkNear(t, "B3 F1", m.BCubed.F1, 0.5373, 0.00005)
		checkNear(t, "title R1", m.TitleRouge1, 38.44, 0.05)
		checkNear(t, "summary R1", m.Summary.Rouge1, 40.57, 0.05)
		checkNear(t, "summary R2", m.Summary.Rouge2, 14.36, 0.05)
		checkNear(t, "summary RLsum", m.Summary.RougeLsum, 34.27, 0.05)
		checkNear(t, "blindspot F1", m.Blindspot.F1, 0, 0)
		checkNear(t, "cut-or-label", m.CutOrLabelRate, 0.2876, 0.00005)
	})

	t.Run("gold events", func(t *testing.T) {
		byEvent := map[string]*replayStory{}
		var order []string
		for _, r := range recs {
			s := byEvent[r.Gold]
			if s == nil {
				s = &replayStory{ID: r.Gold}
				byEvent[r.Gold] = s
				order = append(order, r.Gold)
			}
			s.Articles = append(s.Articles, r.ID)
			s.Summary = append(s.Summary, lines(r.Text)[0])
			if r.Lean == "center" || s.Title == "" {
				s.Title = r.Title // the center headline, else the first
			}
		}
		sides := map[string][]string{}
		for _, ev := range events {
			sides[ev.ID] = ev.Sides
		}
		var stories []replayStory
		for _, id := range order {
			s := byEvent[id]
			for _, side := range blindspotSidesScored {
				if !slices.Contains(sides[id], side) {
					s.Blindspot = append(s.Blindspot, side)
				}
			}
			stories = append(stories, *s)
		}
		m := scoreReplay(gold, events, stories)
		checkNear(t, "B3 F1", m.BCubed.F1, 1, 0)
		checkNear(t, "title R1", m.TitleRouge1, 40.52, 0.05)
		checkNear(t, "summary R1", m.Summary.Rouge1, 40.86, 0.05)
		checkNear(t, "summary R2", m.Summary.Rouge2, 14.52, 0.05)
		checkNear(t, "summary RLsum", m.Summary.RougeLsum, 34.60, 0.05)
		checkNear(t, "blindspot F1", m.Blindspot.F1, 1, 0)
		checkNear(t, "cut-or-label", m.CutOrLabelRate, 0.0131, 0.00005)
	})
}

func checkNear(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !near(got, want, tol) {
		t.Errorf("%s = %v, want %v (±%v)", name, got, want, tol)
	}
}
