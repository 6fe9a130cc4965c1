package digest

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The stories below were written for these tests: a council's vote on a
// tram line covered by left- and center-rated outlets, later a report on it
// from a right-rated outlet that the clustering put apart, and an unrelated
// right-rated story of the same day.
var (
	tramLeft = item(21, "Lakeside Post", "left", "Council approves the Dunmore tram line",
		"Dunmore city council approved the new tram line on Tuesday by 31 votes to 12. The line will link the harbour with the university and open in 2029. Construction starts next spring.", 8)
	tramCenter = item(21, "Valley Wire", "center", "Dunmore tram line wins council vote",
		"The Dunmore tram line won a council vote on Tuesday, 31 to 12, clearing the way for construction next spring. Trams are due to run from the harbour to the university in 2029.", 9)
	tramRight = item(22, "Hill Courier", "right", "Taxpayers to foot Dunmore tram bill after council vote",
		"Dunmore taxpayers will foot the bill for the tram line the city council approved on Tuesday by 31 votes to 12. The line from the harbour to the university is due in 2029.", 13)
	lottery = item(23, "Hill Courier", "right", "Lottery winner gives prize to animal shelter",
		"A retired teacher who won the regional lottery gave the whole prize to the animal shelter in Orrin, the shelter said on Tuesday.", 12)
	otherLeft  = item(30, "River Herald", "left", "Library extends its hours", "The central library will open on Sundays from March.", 7)
	otherRight = item(31, "North Ledger", "right", "Road works close the ring road", "The ring road closes for two weeks of repairs from Monday.", 7)
)

func TestBlindspot(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 11, 20, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		items []Item
		opts  BuildOptions
		want  []string // blindspot sides of story 21
	}{
		{"settled, right missing", []Item{tramLeft, tramCenter, lottery, otherLeft, otherRight}, BuildOptions{Now: at(22)}, []string{"right"}},
		{"too young to judge", []Item{tramLeft, tramCenter, lottery, otherLeft, otherRight}, BuildOptions{Now: at(14)}, nil},
		{"a shorter settle time", []Item{tramLeft, tramCenter, lottery, otherLeft, otherRight}, BuildOptions{Now: at(14), BlindspotSettle: 2 * time.Hour}, []string{"right"}},
		{"the right-rated report is in another story", []Item{tramLeft, tramCenter, tramRight, lottery, otherLeft, otherRight}, BuildOptions{Now: at(22)}, nil},
		{"one right-rated outlet only", []Item{tramLeft, tramCenter, otherLeft, otherRight}, BuildOptions{Now: at(22)}, nil},
		{"the operator rated two right outlets", []Item{tramLeft, tramCenter, otherLeft}, BuildOptions{Now: at(22), RatedOutlets: map[string]int{"left": 2, "right": 2}}, []string{"right"}},
		{"the operator rated one right outlet", []Item{tramLeft, tramCenter, lottery, otherLeft, otherRight}, BuildOptions{Now: at(22), RatedOutlets: map[string]int{"left": 2, "right": 1}}, nil},
		{"no side covers it", []Item{with(tramLeft, "center"), tramCenter, lottery, otherLeft, otherRight}, BuildOptions{Now: at(22)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tram Story
			for _, s := range Build(tt.items, tt.opts) {
				if s.ID == 21 {
					tram = s
				}
			}
			if !slices.Equal(tram.BlindspotSides, tt.want) || tram.Blindspot != (len(tt.want) > 0) {
				t.Fatalf("blindspot %v %v %q, want %v", tram.Blindspot, tram.BlindspotSides, tram.BlindspotNote, tt.want)
			}
			if len(tt.want) > 0 && tram.BlindspotNote != "no coverage yet from outlets you rated right" {
				t.Errorf("note = %q", tram.BlindspotNote)
			}
		})
	}
}

func with(it Item, lean string) Item {
	it.Lean = lean
	return it
}

func TestCoverageCountsOutlets(t *testing.T) {
	again := tramLeft
	again.Title, again.URL = "Tram line: what the vote means", tramLeft.URL+"/explainer"
	s := Build([]Item{tramLeft, again, tramCenter}, BuildOptions{})[0]
	if s.Coverage["left"] != 1 || s.Coverage["center"] != 1 {
		t.Errorf("coverage = %v, want one left outlet (two articles) and one center outlet", s.Coverage)
	}
}

func TestRatedOutlets(t *testing.T) {
	got := RatedOutlets([]string{"A", "B", "B", "C", "D", "E"}, []string{"left", "lean left", "lean left", "Right", "center", ""})
	want := map[string]int{"left": 2, "right": 1, "center": 1}
	if len(got) != len(want) || got["left"] != 2 || got["right"] != 1 || got["center"] != 1 {
		t.Errorf("RatedOutlets = %v, want %v", got, want)
	}
}

// TestRunningStory: a story that runs over three days is titled and
// summarised by its newest development and lists it first.
func TestRunningStory(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 11, 20+d, h, 0, 0, 0, time.UTC) }
	at := func(it Item, when time.Time) Item {
		it.Published = when
		return it
	}
	flood := item(40, "Valley Wire", "center", "River Esk bursts its banks in Dunmore",
		"The River Esk burst its banks in Dunmore on Monday, flooding 200 homes near the harbour.", 0)
	rescue := item(40, "Lakeside Post", "left", "Boats rescue families from flooded Dunmore streets",
		"Rescue boats took 60 families from flooded streets in Dunmore on Monday night as the Esk kept rising.", 0)
	cleanup := item(40, "Hill Courier", "right", "Dunmore begins clean-up as Esk flood waters recede",
		"Flood waters from the River Esk receded in Dunmore on Wednesday and residents began clearing 200 damaged homes.", 0)
	items := []Item{at(flood, day(0, 8)), at(rescue, day(0, 22)), at(cleanup, day(2, 9))}
	s := Build(items, BuildOptions{})[0]
	if !s.Running {
		t.Fatalf("a story over three days is not running")
	}
	if s.Title != cleanup.Title {
		t.Errorf("title = %q, want the newest development's %q", s.Title, cleanup.Title)
	}
	if s.Articles[0].Title != cleanup.Title || s.Articles[2].Title != flood.Title {
		t.Errorf("articles not newest first: %q … %q", s.Articles[0].Title, s.Articles[2].Title)
	}
	for _, sent := range s.Summary {
		if !strings.Contains(sent, "receded") && !strings.Contains(sent, "clean") && !strings.Contains(sent, "clearing") {
			t.Errorf("summary sentence %q is not from the newest development", sent)
		}
	}
	if len(s.Outlets) != 3 || s.Coverage["left"] != 1 || s.Coverage["right"] != 1 {
		t.Errorf("outlets %v coverage %v, want all three days' outlets", s.Outlets, s.Coverage)
	}

	oneDay := Build(items[:2], BuildOptions{})[0]
	if oneDay.Running || oneDay.Articles[0].Title != flood.Title {
		t.Errorf("a one-day story: running %v, first article %q; want the usual order", oneDay.Running, oneDay.Articles[0].Title)
	}
}
