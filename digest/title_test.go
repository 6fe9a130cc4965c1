package digest

import (
	"strings"
	"testing"
)

func TestStoryTitle(t *testing.T) {
	const lead = "The council signed a ten-year ferry contract with Orrin Lines on Monday. The company will run four crossings a day from March."
	report := func(source, lean, title string, hour int) Item { return item(5, source, lean, title, lead, hour) }
	column := item(5, "Ridge Review", "right", "This reckless ferry deal will ruin us all",
		"I have had enough of this council. Who asked the ferry crews? This reckless, shameful deal will ruin the island and everyone on it. We must stop it now.", 8)
	tests := []struct {
		name  string
		items []Item
		want  string
	}{
		{"a loaded report headline loses to a neutral one",
			[]Item{report("Lakeside Post", "left", "Council slams door on rival bidders in reckless ferry deal", 8), report("Hill Courier", "right", "Council signs ferry contract with Orrin Lines", 9)},
			"Council signs ferry contract with Orrin Lines"},
		{"a question is no title",
			[]Item{report("Lakeside Post", "left", "Will the new ferry contract save the island?", 8), report("Hill Courier", "right", "Council signs ten-year ferry contract", 9)},
			"Council signs ten-year ferry contract"},
		{"the outlet rated center wins among equals",
			[]Item{report("Lakeside Post", "left", "Council signs ferry contract with Orrin Lines", 8), report("Bay Wire", "center", "Orrin Lines ferry contract signed by council", 9)},
			"Orrin Lines ferry contract signed by council"},
		{"without the center outlet the other wins",
			[]Item{report("Lakeside Post", "left", "Council signs ferry contract with Orrin Lines", 8), report("Bay Wire", "right", "Orrin Lines ferry contract signed by council", 9)},
			"Council signs ferry contract with Orrin Lines"},
		{"outlet decoration is dropped",
			[]Item{report("Hill Courier", "", "WATCH: Council signs ferry contract with Orrin Lines - Hill Courier", 8)},
			"Council signs ferry contract with Orrin Lines"},
		{"a dash that is part of the headline stays",
			[]Item{report("Hill Courier", "", "Ferry contract signed - council minutes", 8)},
			"Ferry contract signed - council minutes"},
		{"a story of columns only is marked",
			[]Item{column},
			"Opinion: This reckless ferry deal will ruin us all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := storyTitle(tt.items, nil); got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStoryTitleGenreFromSignals: a calm column in the outlet's opinion
// section never names the story, however neutral it reads.
func TestStoryTitleGenreFromSignals(t *testing.T) {
	calm := Article{Title: "The ferry contract the island needed", Source: "Hill Courier", URL: "https://hillcourier.example/opinion/ferry-contract",
		Text: "The council signed a ten-year ferry contract with Orrin Lines on Monday. Four crossings a day will run from March, and the contract is worth 12 million crowns."}
	report := Article{Title: "Council signs ferry contract", Source: "Lakeside Post", URL: "https://lakesidepost.example/news/ferry-contract",
		Text: "The council signed a ten-year ferry contract with Orrin Lines on Monday, worth 12 million crowns."}
	items := []Item{{Article: calm, Analysis: Analyze(calm), StoryID: 1}, {Article: report, Analysis: Analyze(report), StoryID: 1}}
	if items[0].Analysis.Genre.Label != "opinion" {
		t.Fatalf("column genre %+v", items[0].Analysis.Genre)
	}
	s := Build(items, BuildOptions{})[0]
	if s.Title != report.Title {
		t.Errorf("title %q, want the report's", s.Title)
	}
	for _, sent := range s.Summary {
		if strings.Contains(sent, "Four crossings") {
			t.Errorf("the column's sentence is in the summary: %q", sent)
		}
	}
}
