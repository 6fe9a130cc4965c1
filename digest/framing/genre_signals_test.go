package framing

import (
	"strings"
	"testing"
)

// A report written in a sharp voice and a column that reads calmly: the text
// alone would get both wrong, the feed's signals get both right.
const (
	sharpReport = `The Brennick County court on Tuesday sentenced former harbour commissioner Owen Tarrant to six years in prison for taking bribes, a ruling his lawyers called outrageous and a disaster for justice. Prosecutors said Tarrant took 40,000 crowns from two dredging firms. "We will appeal," his lawyer said.`
	calmColumn  = `The harbour commission meets on Thursday to choose a new chair. The vote follows the conviction of Owen Tarrant, who led the commission for nine years. Members have named three candidates, and the shortlist is public.`
)

func TestSignalGenre(t *testing.T) {
	tests := []struct {
		name   string
		s      Signals
		want   string // "" means no signal decides
		signal string // a part of the reason
	}{
		{"operator says opinion", Signals{Declared: "opinion", URL: "https://x.example/news/1"}, Opinion, "operator"},
		{"operator says reporting over an opinion URL", Signals{Declared: "Reporting", URL: "https://x.example/opinion/1"}, Reporting, "operator"},
		{"unknown declared genre is ignored", Signals{Declared: "satire"}, "", ""},
		{"opinion section", Signals{URL: "https://harbourpost.example/opinion/2026/11/20/tarrant-verdict"}, Opinion, "/opinion/"},
		{"commentary section", Signals{URL: "https://harbourpost.example/commentary/tarrant"}, Opinion, "/commentary/"},
		{"editorials section", Signals{URL: "https://harbourpost.example/editorials/tarrant"}, Opinion, "/editorials/"},
		{"columns section", Signals{URL: "https://harbourpost.example/columns/ines-rook/tarrant"}, Opinion, "/columns/"},
		{"blogs section", Signals{URL: "https://harbourpost.example/blogs/harbour/tarrant"}, Opinion, "/blogs/"},
		{"opinion under news", Signals{URL: "https://harbourpost.example/news/opinion/tarrant"}, Opinion, "/opinion/"},
		{"news section", Signals{URL: "https://harbourpost.example/news/crime/tarrant-sentenced"}, Reporting, "/news/"},
		{"opinion subdomain", Signals{URL: "https://opinion.harbourpost.example/2026/tarrant"}, Opinion, "opinion.harbourpost"},
		{"slug starts with opinion", Signals{URL: "https://x.example/tech/opinion-why-the-harbour-needs-a-new-chair/2026/11", Title: "Why the harbour needs a new chair"}, Opinion, "slug"},
		{"slug ends with opinion and an id", Signals{URL: "https://x.example/world/the-harbours-long-decline-opinion-667999", Title: "The harbour's long decline"}, Opinion, "slug"},
		{"headline word in the slug is no label", Signals{URL: "https://x.example/2026/11/poll-shifts-public-opinion", Title: "Poll shifts public opinion"}, "", ""},
		{"analysis slug", Signals{URL: "https://x.example/2026/11/20/harbour-vote-analysis-intl/index.html", Title: "What the harbour vote means"}, Analysis, "slug"},
		{"item category", Signals{Categories: []string{"Harbour", "Opinion"}}, Opinion, "Opinion"},
		{"category news analysis", Signals{Categories: []string{"News analysis"}}, Analysis, "News analysis"},
		{"topic categories say nothing", Signals{Categories: []string{"Politics", "World"}}, "", ""},
		{"headline label", Signals{Title: "ANALYSIS: Why the harbour vote matters"}, Analysis, "ANALYSIS"},
		{"headline label opinion", Signals{Title: "Opinion | The harbour deserves better"}, Opinion, "Opinion"},
		{"columnist byline", Signals{Author: "Ines Rook, columnist"}, Opinion, "byline"},
		{"editorial board", Signals{Author: "The Editorial Board"}, Opinion, "byline"},
		{"contributor", Signals{Author: "Ines Rook, Contributor"}, Opinion, "byline"},
		{"correspondent", Signals{Author: "Ines Rook, harbour correspondent"}, Reporting, "byline"},
		{"outlet opinion qualifier", Signals{Outlet: "Harbour Post (Opinion)"}, Opinion, "outlet"},
		{"outlet news qualifier", Signals{Outlet: "Harbour Post (Online News)"}, Reporting, "outlet"},
		{"news in an outlet's name is no qualifier", Signals{Outlet: "Harbour News"}, "", ""},
		{"a newspaper called Tribune", Signals{Outlet: "The Harbour Tribune"}, "", ""},
		{"a magazine called Perspective", Signals{Outlet: "Harbour Perspective"}, "", ""},
		{"feed title with a section", Signals{FeedTitle: "Harbour Post > Columns"}, Opinion, "feed title"},
		{"genre word in the name", Signals{Outlet: "Meridian Daily Columns"}, Opinion, "outlet"},
		{"wire service by name", Signals{Outlet: "Associated Press"}, Reporting, "wire"},
		{"wire service abbreviation", Signals{Outlet: "AP Politics"}, Reporting, "wire"},
		{"wire service by host", Signals{URL: "https://www.reuters.com/world/harbour-2026-11-20/"}, Reporting, "wire"},
		{"article beats feed: opinion URL in a news feed", Signals{Outlet: "Harbour Post (Online News)", URL: "https://harbourpost.example/opinion/tarrant"}, Opinion, "/opinion/"},
		{"wire opinion piece stays opinion", Signals{Outlet: "Reuters", URL: "https://www.reuters.com/breakingviews/harbour", Categories: []string{"Commentary"}}, Opinion, "Commentary"},
		{"nothing", Signals{URL: "https://x.example/2026/11/20/harbour-chair"}, "", ""},
		{"bad URL", Signals{URL: "://%%"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, ok := signalGenre(tt.s)
			if tt.want == "" {
				if ok {
					t.Fatalf("signalGenre = %+v, want no signal", g)
				}
				return
			}
			if !ok || g.Label != tt.want {
				t.Fatalf("signalGenre = %+v (%v), want %s", g, ok, tt.want)
			}
			if !strings.Contains(g.Signal, tt.signal) {
				t.Errorf("signal = %q, want it to mention %q", g.Signal, tt.signal)
			}
		})
	}
}

// TestAnalyzeWithSignals: the signal decides over the text both ways, and
// without a signal the text still decides.
func TestAnalyzeWithSignals(t *testing.T) {
	wire := AnalyzeWith("Former harbour chief jailed for six years", sharpReport, Signals{Outlet: "Associated Press"})
	if wire.Genre.Label != Reporting || wire.Genre.Signal == "" {
		t.Errorf("wire court report: genre %+v, want reporting by signal", wire.Genre)
	}
	column := AnalyzeWith("The harbour chooses", calmColumn, Signals{URL: "https://harbourpost.example/opinion/harbour-chooses"})
	if column.Genre.Label != Opinion || column.Genre.Confidence < itemConfidence {
		t.Errorf("own opinion section: genre %+v, want opinion by signal", column.Genre)
	}
	if len(column.Genre.Evidence) != 0 {
		t.Errorf("signal genre has text evidence %v", column.Genre.Evidence)
	}
	plain := Analyze("The harbour chooses", calmColumn)
	if plain.Genre.Label != Reporting || plain.Genre.Signal != "" {
		t.Errorf("text alone: genre %+v, want reporting from the text", plain.Genre)
	}
}

func FuzzSignalGenre(f *testing.F) {
	f.Add("https://x.example/opinion/a-b-c", "Opinion | x", "Columnist", "X (Opinion)", "News")
	f.Add("://%", "", "", "(", ")")
	f.Fuzz(func(t *testing.T, u, title, author, outlet, cat string) {
		g, ok := signalGenre(Signals{URL: u, Title: title, Author: author, Outlet: outlet, FeedTitle: outlet, Categories: []string{cat}})
		if ok && g.Label != Reporting && g.Label != Opinion && g.Label != Analysis {
			t.Fatalf("label %q", g.Label)
		}
	})
}

func BenchmarkSignalGenre(b *testing.B) {
	s := Signals{URL: "https://harbourpost.example/news/2026/11/20/harbour-commission-chooses-a-new-chair-after-verdict",
		Title: "Harbour commission chooses a new chair", Outlet: "Harbour Post (Online News)", Author: "Ines Rook",
		Categories: []string{"Harbour", "Politics"}}
	for b.Loop() {
		signalGenre(s)
	}
}
