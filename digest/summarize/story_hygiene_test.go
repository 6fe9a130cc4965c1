package summarize

import (
	"strings"
	"testing"
)

// ferryDocs: two reports that disagree on a figure, and a column.
var ferryDocs = []Doc{
	{Source: "Island Herald", Title: "Tarrow ferry to stop winter crossings", Text: "The Tarrow ferry will stop its winter crossings on December 1, the operator Orrin Lines said on Monday.\nThe company said it lost 4 million crowns on the route last winter."},
	{Source: "Mainland Times", Title: "Orrin Lines ends winter ferry service", Text: "Orrin Lines said on Monday it would end the Tarrow ferry's winter crossings from December 1.\nThe operator put its losses on the route last winter at 3 million crowns."},
	{Source: "Harbour Review", Title: "Abandoning Tarrow is a disgrace", Opinion: true, Text: "Orrin Lines will stop the Tarrow ferry's winter crossings from December 1, and the island is left to fend for itself.\nThis shameful decision shows how little the company cares."},
}

func TestStoryLeavesOutOpinionAndCreditsOnlyMatchingFigures(t *testing.T) {
	got := Story(ferryDocs, 5)
	if len(got) == 0 {
		t.Fatal("no summary")
	}
	for _, s := range got {
		if strings.Contains(s.Text, "shameful") || strings.Contains(s.Text, "fend for itself") {
			t.Errorf("opinion sentence in the summary: %q", s.Text)
		}
		for _, src := range s.Sources {
			if src == "Harbour Review" {
				t.Errorf("the column is credited with %q", s.Text)
			}
		}
		if strings.Contains(s.Text, "4 million") && len(s.Sources) != 1 {
			t.Errorf("%q credited to %v: only Island Herald states 4 million", s.Text, s.Sources)
		}
		if strings.Contains(s.Text, "3 million") && (len(s.Sources) != 1 || s.Sources[0] != "Mainland Times") {
			t.Errorf("%q credited to %v, want Mainland Times alone", s.Text, s.Sources)
		}
	}
	if !strings.Contains(got[0].Text, "December 1") || len(got[0].Sources) != 2 {
		t.Errorf("first sentence %+v, want the stop date carried by both reports", got[0])
	}
}

func TestStoryAvoidsMarkedWording(t *testing.T) {
	docs := []Doc{ferryDocs[0], ferryDocs[1]}
	at := strings.Index(docs[0].Text, "lost 4 million")
	docs[0].Avoid = []Range{{at, at + 4}}
	for _, s := range Story(docs, 5) {
		if strings.Contains(s.Text, "lost 4 million") {
			t.Errorf("avoided sentence picked: %q", s.Text)
		}
	}
}
