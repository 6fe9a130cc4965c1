package digest

import (
	"strings"
	"testing"
)

// A German report and an English one on the same event: the German one is
// summarised and clustered like any other, keeps the genre its URL gives,
// and gets no framing labels; the digest says labels are English-only.
func TestNonEnglishArticle(t *testing.T) {
	de := Article{Title: "Fähre nach Tarrow stellt Winterbetrieb ein", Source: "Inselbote", URL: "https://inselbote.example/kommentar/faehre-tarrow",
		Text: "Die Fähre nach Tarrow stellt ihren Winterbetrieb am 1. Dezember ein, wie die Reederei Orrin Lines am Montag mitteilte. Die Gemeinde will nun bei der Regierung einen Zuschuss beantragen, damit zwei Fahrten am Tag erhalten bleiben. Das ist eine Schande für die ganze Insel."}
	an := Analyze(de)
	if an.Language != "de" {
		t.Fatalf("language %q, want de", an.Language)
	}
	if len(an.Cues) != 0 || len(an.Actors) != 0 || len(an.Frames) != 0 || an.Tone != "" {
		t.Errorf("labels on a German article: %+v", an.Labels)
	}
	if an.Genre.Label != "opinion" || an.Genre.Signal == "" {
		t.Errorf("genre %+v, want opinion from the /kommentar/ section", an.Genre)
	}
	if len(an.Summary) == 0 {
		t.Error("no summary")
	}
	en := Article{Title: "Tarrow ferry to stop winter crossings", Source: "Island Herald", URL: "https://islandherald.example/news/ferry",
		Text: "The Tarrow ferry will stop its winter crossings on December 1, the operator Orrin Lines said on Monday. The island council will ask the government for a subsidy to keep two crossings a day."}
	if got := Analyze(en); got.Language != "en" || got.Tone == "" || got.Cues == nil {
		t.Errorf("English article: language %q labels %+v", got.Language, got.Labels)
	}
	items := []Item{{Article: de, Analysis: an, StoryID: 1}, {Article: en, Analysis: Analyze(en), StoryID: 1}}
	s := Build(items, BuildOptions{})[0]
	var line string
	for _, a := range s.Articles {
		if a.Source == "Inselbote" {
			line = a.Line
		}
	}
	if !strings.Contains(line, "German") || !strings.Contains(line, "English-only") {
		t.Errorf("German article's line %q, want it to say labels are English-only", line)
	}
}
