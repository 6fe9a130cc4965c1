package digest

import (
	"strings"
	"testing"
	"time"
)

func item(story int64, source, lean, title, body string, hour int) Item {
	a := Article{Title: title, Source: source, Lean: lean, Text: body, URL: "https://" + strings.ToLower(strings.ReplaceAll(source, " ", "")) + ".example/" + title,
		Published: time.Date(2026, 11, 20, hour, 0, 0, 0, time.UTC)}
	return Item{Article: a, Analysis: Analyze(a), StoryID: story}
}

var (
	bridgeA = item(1, "Lakeside Post", "left", "Ferry bridge reopens after repairs",
		"The Orrin ferry bridge reopened on Monday after eight months of repairs. Engineers replaced 40 steel cables. The toll stays at two crowns. The mayor cut a ribbon at dawn.", 9)
	bridgeB = item(1, "Hill Courier", "right", "Orrin bridge open again",
		"Traffic returned to the Orrin ferry bridge on Monday after eight months of repairs to its steel cables. The toll stays at two crowns. Local shops said trade fell by a third while it was shut.", 10)
	bridgeCopy = func() Item {
		it := item(1, "Wire Copy Daily", "", "Orrin bridge open again", bridgeB.Text, 11)
		it.DuplicateOf = 99
		return it
	}()
	chess = item(7, "Lakeside Post", "left", "Teenager wins city chess title",
		"A sixteen-year-old from Dunmore won the city chess championship on Sunday. She beat the holder in the final round. The prize is a trip to the national finals.", 12)
)

func TestBuildGroupsAndRanks(t *testing.T) {
	stories := Build([]Item{chess, bridgeA, bridgeB}, BuildOptions{})
	if len(stories) != 2 {
		t.Fatalf("%d stories, want 2", len(stories))
	}
	bridge := stories[0]
	if bridge.ID != 1 || len(bridge.Outlets) != 2 {
		t.Fatalf("first story = %d with outlets %v, want the two-outlet bridge story first", bridge.ID, bridge.Outlets)
	}
	if bridge.Title != bridgeA.Title {
		t.Errorf("title = %q, want the earliest article's %q", bridge.Title, bridgeA.Title)
	}
	if bridge.Coverage["left"] != 1 || bridge.Coverage["right"] != 1 || bridge.Blindspot {
		t.Errorf("coverage = %v blindspot %v, want one left, one right, no blindspot", bridge.Coverage, bridge.Blindspot)
	}
	if len(bridge.Summary) == 0 || len(bridge.Summary) != len(bridge.SummarySources) {
		t.Errorf("summary %q with sources %v", bridge.Summary, bridge.SummarySources)
	}
	if len(bridge.Articles) != 2 || bridge.Articles[0].Line == "" {
		t.Errorf("articles = %+v, want two with framing lines", bridge.Articles)
	}
	if stories[1].Blindspot {
		t.Errorf("a single-outlet story has a blindspot flag")
	}
}

func TestBuildDuplicatesAreNotCoverage(t *testing.T) {
	stories := Build([]Item{bridgeA, bridgeB, bridgeCopy}, BuildOptions{})
	s := stories[0]
	if len(s.Articles) != 3 {
		t.Fatalf("%d articles, want 3 listed", len(s.Articles))
	}
	total := 0
	for _, n := range s.Coverage {
		total += n
	}
	if total != 2 {
		t.Errorf("coverage counts %d articles (%v), want 2: the wire copy is not independent", total, s.Coverage)
	}
	if s.Articles[2].DuplicateOf == "" {
		t.Errorf("the copy does not say whom it republishes")
	}
}

func TestBuildTopicAndLimit(t *testing.T) {
	tests := []struct {
		topic string
		max   int
		want  []int64
	}{
		{"", 0, []int64{1, 7}},
		{"chess", 0, []int64{7}},
		{"bridge cables", 0, []int64{1}},
		{"bridge chess", 0, nil},
		{"", 1, []int64{1}},
	}
	for _, tt := range tests {
		t.Run(tt.topic, func(t *testing.T) {
			var got []int64
			for _, s := range Build([]Item{bridgeA, bridgeB, chess}, BuildOptions{Topic: tt.topic, MaxStories: tt.max}) {
				got = append(got, s.ID)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("stories %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("stories %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestExclusives: a fact only one outlet reports is credited to that outlet
// alone, in the summary or as "Only X", never both; a fact both report is
// never "Only".
func TestExclusives(t *testing.T) {
	s := Build([]Item{bridgeA, bridgeB}, BuildOptions{})[0]
	shops := 0
	for i, sent := range s.Summary {
		if strings.Contains(sent, "shops") {
			shops++
			if len(s.SummarySources[i]) != 1 || s.SummarySources[i][0] != "Hill Courier" {
				t.Errorf("shop detail credited to %v, want Hill Courier alone", s.SummarySources[i])
			}
		}
	}
	for _, ex := range s.OnlyIn {
		if ex.Source == "Hill Courier" && strings.Contains(ex.Text, "shops") {
			shops++
		}
		if ex.Source == "Lakeside Post" && strings.Contains(ex.Text, "cables") {
			t.Errorf("shared fact reported as exclusive: %+v", ex)
		}
		for _, sent := range s.Summary {
			if sent == ex.Text {
				t.Errorf("Only %s repeats the summary: %q", ex.Source, ex.Text)
			}
		}
	}
	if shops != 1 {
		t.Errorf("shop detail shown %d times (summary %q, only_in %+v), want once", shops, s.Summary, s.OnlyIn)
	}
	// With a short summary the detail is left to "Only Hill Courier".
	only := exclusives([]Item{bridgeA, bridgeB}, s.Summary[:2])
	if len(only) != 1 || only[0].Source != "Hill Courier" || !strings.Contains(only[0].Text, "shops") {
		t.Errorf("exclusives beside a two-sentence summary = %+v, want Hill Courier's shop detail", only)
	}
}

func TestStoryTitlePrefersNeutralReporting(t *testing.T) {
	column := item(3, "Ridge Review", "right", "This reckless ferry deal will ruin us all",
		"I have had enough of this council. Who asked the ferry crews? This reckless, shameful deal will ruin the island and everyone on it. We must stop it now.", 8)
	report := item(3, "Lakeside Post", "left", "Council signs ferry contract with Orrin Lines",
		"The council signed a ten-year ferry contract with Orrin Lines on Monday. The company will run four crossings a day from March. The contract is worth 12 million crowns, the council said.", 9)
	if column.Analysis.Genre.Label == "reporting" || report.Analysis.Genre.Label != "reporting" {
		t.Fatalf("genres %q and %q: the fixtures no longer read as a column and a report", column.Analysis.Genre.Label, report.Analysis.Genre.Label)
	}
	if got := Build([]Item{column, report}, BuildOptions{})[0].Title; got != report.Title {
		t.Errorf("title %q, want the news report's %q rather than the earlier column's", got, report.Title)
	}
	// Among reports of equal standing the earliest names the story.
	if got := Build([]Item{bridgeB, bridgeA}, BuildOptions{})[0].Title; got != bridgeA.Title {
		t.Errorf("title %q, want the earliest report's %q", got, bridgeA.Title)
	}
}
