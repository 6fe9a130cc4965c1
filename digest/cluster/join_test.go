package cluster

import (
	"math"
	"testing"
	"time"
)

func TestThreshold(t *testing.T) {
	ix := New(Config{})
	th := DefaultThreshold
	begun := &story{first: t0}
	undated := &story{}
	tests := []struct {
		name      string
		s         *story
		at        time.Time
		competing int
		want      float64
	}{
		{"undated article", begun, time.Time{}, 0, th},
		{"undated story", undated, t0, 0, th},
		{"undated story of two", &story{docs: 2}, time.Time{}, 0, th * (1 + undatedGrowth)},
		{"undated story of eight", &story{docs: 8}, t0, 0, th * (1 + 3*undatedGrowth)},
		{"undated article, story of four", &story{first: t0, docs: 4}, time.Time{}, 0, th * (1 + 2*undatedGrowth)},
		{"story just begun", begun, t0.Add(time.Minute), 1, th * (nearFactor + (rampFactor-nearFactor)/(24*60))},
		{"half a day on", begun, t0.Add(12 * time.Hour), 1, th * (nearFactor + rampFactor) / 2},
		{"an article published before the story's first", begun, t0.Add(-12 * time.Hour), 0, th * (nearFactor + rampFactor) / 2},
		{"a crowded hour", begun, t0, 8, th},
		{"four competing stories", begun, t0, 4, th * (nearFactor + (1-nearFactor)*2/3)},
		{"a running story", begun, t0.Add(storySpan + time.Minute), 1, th * runningFactor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.threshold(tt.s, tt.at, tt.competing); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("threshold = %.4f, want %.4f", got, tt.want)
			}
		})
	}
}

// TestRunningStory follows one event over three days: the day's coverage
// joins at a low bar; the next day's plain continuation of the story joins
// it; a different development on the same theme the day after starts a
// story of its own.
func TestRunningStory(t *testing.T) {
	ix := New(Config{})
	docs := []Doc{
		{ID: 1, Time: t0, Title: "Lindenport bus drivers walk out over pay",
			Text: "Bus drivers in Lindenport stopped work on Monday after wage talks with the city transit authority collapsed. About 400 drivers joined the strike."},
		{ID: 2, Time: t0.Add(5 * time.Hour), Title: "Commuters stranded as Lindenport transit strike begins",
			Text: "Lindenport commuters crowded tram stops after 400 bus drivers walked out over wages, leaving most routes without service."},
		// The next day: the same strike, plainly.
		{ID: 3, Time: t0.Add(30 * time.Hour), Title: "Lindenport bus drivers' strike over pay enters second day",
			Text: "Bus drivers in Lindenport stayed on strike for a second day as wage talks with the city transit authority remained stalled. About 400 drivers are out."},
		// Two days on: another transit dispute on the same theme.
		{ID: 4, Time: t0.Add(54 * time.Hour), Title: "Harbour ferry crews vote on new contract",
			Text: "Ferry crews at Lindenport harbour will vote on a new contract next week, their union said, after pay talks with the port authority ended in a draft deal."},
	}
	want := []int64{1, 1, 1, 4}
	for i, d := range docs {
		if a := ix.Add(d); a.Story != want[i] {
			t.Errorf("doc %d: story %d (score %.3f), want %d", d.ID, a.Story, a.Score, want[i])
		}
	}
}

// TestCrowdedHoursNeedContent: an article that shares little more than a
// theme with a story of the same hours joins it when the hours are quiet,
// but not when many stories of that theme compete for it.
func TestCrowdedHoursNeedContent(t *testing.T) {
	budget := Doc{ID: 1, Time: t0, Title: "Transit authority sets out its budget",
		Text: "The Dunmore transit authority set out its budget for buses and trams on Tuesday, with fares unchanged."}
	weak := Doc{ID: 100, Time: t0.Add(time.Hour), Title: "Council members question transit spending",
		Text: "Council members questioned the Dunmore transit authority's spending at a hearing on Wednesday, asking why repairs ran late."}

	quiet := New(Config{})
	quiet.Add(budget)
	if a := quiet.Add(weak); a.Story != budget.ID {
		t.Errorf("quiet hours: the weak match started story %d (score %.3f), want it to join %d", a.Story, a.Score, budget.ID)
	}

	crowded := New(Config{})
	crowded.Add(budget)
	others := []Doc{
		{Title: "Tram drivers in Gorvik strike over rosters", Text: "Tram drivers in Gorvik went on strike over new rosters, the transit union said."},
		{Title: "Night buses return to Marrow after two years", Text: "Night buses returned to Marrow's transit network after a two-year pause for lack of drivers."},
		{Title: "Ferry fares to Kessa Island double", Text: "Fares on the Kessa Island ferry doubled overnight, the island's transit operator announced."},
		{Title: "Cycle lane on Harbour Road opens", Text: "The new cycle lane on Harbour Road opened on Tuesday, part of the transit plan for the east side."},
		{Title: "Rail line to Westbrook closed by landslide", Text: "A landslide closed the rail line to Westbrook; transit officials expect repairs to take a week."},
		{Title: "Taxi licences capped in Port Ellis", Text: "Port Ellis capped the number of taxi licences, a move transit planners say will ease congestion."},
		{Title: "Parking charges rise in Lindenport centre", Text: "Parking charges in Lindenport's centre rose by a third, with the money going to transit projects."},
		{Title: "Airport shuttle contract goes to Orbis", Text: "Orbis won the contract to run the airport shuttle, the regional transit board said."},
		{Title: "Bridge repairs delay buses in Sorrel Bay", Text: "Repairs to the Sorrel Bay bridge delayed buses all week, transit staff said."},
	}
	for i, d := range others {
		d.ID, d.Time = int64(i+2), t0.Add(time.Duration(i)*time.Minute)
		crowded.Add(d)
	}
	weak.ID = 200
	if a := crowded.Add(weak); a.Story != weak.ID && a.Score < crowded.cfg.Threshold {
		t.Errorf("crowded hours: joined story %d at score %.3f, below the content threshold %.2f",
			a.Story, a.Score, crowded.cfg.Threshold)
	}
}

func TestCrowded(t *testing.T) {
	for _, tt := range []struct {
		competing int
		want      float64
	}{{0, 0.3}, {1, 0.3}, {2, 0.3 + 0.7/3}, {8, 1}, {100, 1}} {
		if got := crowded(0.3, tt.competing); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("crowded(0.3, %d) = %.4f, want %.4f", tt.competing, got, tt.want)
		}
	}
}

// TestShortTeasersNeedAName: two one-line teasers of the same day about
// different strikes share "strike" and "union" but no one's name; they stay
// apart, while two one-liners on one strike that name it join.
func TestShortTeasersNeedAName(t *testing.T) {
	ix := New(Config{})
	rail := Doc{ID: 1, Time: t0, Title: "Rail workers vote to strike over new rosters",
		Text: "Members of the rail union voted by a large margin for a two-day strike."}
	dock := Doc{ID: 2, Time: t0.Add(11 * time.Hour), Title: "Dockworkers end a two-day strike",
		Text: "The union and the terminal operator agreed to talks on automation."}
	ix.Add(rail)
	if a := ix.Add(dock); a.Story != dock.ID {
		t.Errorf("the dock strike joined story %d (score %.3f), want a story of its own", a.Story, a.Score)
	}
	again := Doc{ID: 3, Time: t0.Add(2 * time.Hour), Title: "Trains stand still as strike begins",
		Text: "Trains on the Tarrow line stood still as members of the rail union began their strike."}
	named := Doc{ID: 4, Time: t0.Add(3 * time.Hour), Title: "Commuters stranded on the Tarrow line",
		Text: "No trains ran on the Tarrow line on Monday; the union says the strike lasts two days."}
	ix.Add(again)
	if a := ix.Add(named); a.Story != again.ID && a.Story != rail.ID {
		t.Errorf("the second report naming the Tarrow line started story %d, want it with the strike", a.Story)
	}
}

// TestOneAnnouncementTwoHeadlines: the same news in two outlets' words, a
// few hours apart, is one story (the "split stories" the first replay of
// a real stream showed).
func TestOneAnnouncementTwoHeadlines(t *testing.T) {
	ix := New(Config{})
	first := Doc{ID: 1, Time: t0, Title: "Valdoria reports 40 million cases",
		Text: "Valdoria's health ministry said on Tuesday that the country has now recorded 40 million infections since the outbreak began, after 120,000 new cases in a week. Hospitals in the capital, Orsk, asked for extra staff."}
	second := Doc{ID: 2, Time: t0.Add(3 * time.Hour), Title: "Valdoria case count tops 40 million",
		Text: "The number of infections in Valdoria passed 40 million, official figures showed, as a winter wave filled wards in Orsk. The ministry counted about 120,000 cases over the past seven days."}
	ix.Add(first)
	if a := ix.Add(second); a.Story != first.ID {
		t.Errorf("the second report started story %d (score %.3f), want story %d", a.Story, a.Score, first.ID)
	}
}

// TestOpinionTakeJoinsItsStory: an outlet's take on a council vote, hours
// after the report, shares little with it but the place and the tram; in a
// quiet hour that is enough (without times it stays apart, as a single
// pass over undated articles cannot tell it from another tram story).
func TestOpinionTakeJoinsItsStory(t *testing.T) {
	report := Doc{ID: 1, Time: t0, Title: "Council approves Dunmore tram line",
		Text: "Dunmore city council approved the new tram line on Tuesday by 31 votes to 12. The line will link the harbour with the university and open in 2029."}
	other := Doc{ID: 2, Time: t0.Add(time.Hour), Title: "Lottery winner gives prize to animal shelter",
		Text: "A retired teacher who won the regional lottery gave the whole prize to the animal shelter in Orrin, the shelter said."}
	take := Doc{ID: 3, Time: t0.Add(5 * time.Hour), Title: "Taxpayers will foot the bill for a vanity project",
		Text: "Once again Dunmore's council has chosen spending over sense. Residents who will never ride it will pay for the tram for decades, while potholes go unfilled."}
	ix := New(Config{})
	ix.Add(report)
	ix.Add(other)
	a := ix.Add(take)
	if a.Story != report.ID {
		t.Errorf("the take started story %d (score %.3f), want the report's story", a.Story, a.Score)
	}
	if a.Score >= DefaultThreshold {
		t.Logf("score %.3f: joined on content alone; the test no longer shows the time bar", a.Score)
	}
	undated := New(Config{})
	for _, d := range []Doc{report, other, take} {
		d.Time = time.Time{}
		if got := undated.Add(d); d.ID == take.ID && got.Story == report.ID {
			t.Errorf("undated, the take joined the report at %.3f, below the content threshold", got.Score)
		}
	}
}

// TestPassingPlaceIsNotAgreement: a bridge closure whose reports mention
// the neighbouring town in passing, and a fire in that town the same
// afternoon, share the town's name and little else: two stories. A
// report on the closure with another headline still joins it.
func TestPassingPlaceIsNotAgreement(t *testing.T) {
	ix := New(Config{})
	bridge := Doc{ID: 1, Time: t0, Title: "Orrin bridge closed after cracks found in its piers",
		Text: "The Orrin bridge was closed to all traffic on Monday after engineers found cracks in two of its piers. The county said the crossing would stay shut for a month. Drivers between Orrin and Selby face a detour of twenty kilometres, and the bus company cut its Selby service to one bus an hour."}
	fire := Doc{ID: 2, Time: t0.Add(4 * time.Hour), Title: "Blaze guts timber yard on Selby's edge",
		Text: "A fire gutted a timber yard on the edge of Selby on Monday afternoon. Thirty firefighters fought the flames until dusk and neighbours were told to keep their windows shut. No one was hurt, and the cause is not yet known."}
	detour := Doc{ID: 3, Time: t0.Add(5 * time.Hour), Title: "Month of detours ahead for Selby commuters",
		Text: "Commuters from Selby face a month of detours after the county shut the Orrin bridge over cracked piers. The bus company runs one bus an hour while engineers work on the crossing."}
	ix.Add(bridge)
	if a := ix.Add(fire); a.Story != fire.ID {
		t.Errorf("the fire joined story %d (score %.3f), want a story of its own", a.Story, a.Score)
	}
	if a := ix.Add(detour); a.Story != bridge.ID {
		t.Errorf("the detour report joined story %d (score %.3f), want the bridge story", a.Story, a.Score)
	}
}
