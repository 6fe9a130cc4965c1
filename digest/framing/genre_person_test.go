package framing

import "testing"

func TestPersonName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Dana Whitlock", true},
		{"Ian Corr", true},
		{"Katrina vanden Heuvel", true},
		{"Mary Ellen O'Dowd", true},
		{"Meridian Daily", false},
		{"Christian Science Monitor", false}, // a given name, then an outlet's words
		{"Harbour Gazette", false},
		{"Tom's Hardware", false},
		{"Dana", false},
		{"Dana Whitlock (Opinion)", false}, // brackets: the qualifier speaks (nameSignals)
		{"Grace Community Church", false},
		{"Ian Corr Show", false},
	} {
		if got := personName(tc.name); got != tc.want {
			t.Errorf("personName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestGenreOfAWritersFeed: a feed named after a person is a columnist's,
// unless the article itself or the operator says otherwise.
func TestGenreOfAWritersFeed(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Signals
		want string
	}{
		{"writer's feed", Signals{Outlet: "Dana Whitlock", URL: "https://example.org/2026/03/the-council-got-it-wrong"}, Opinion},
		{"news path wins", Signals{Outlet: "Dana Whitlock", URL: "https://example.org/news/council-votes"}, Reporting},
		{"operator wins", Signals{Outlet: "Dana Whitlock", Declared: "reporting"}, Reporting},
		{"outlet name", Signals{Outlet: "Harbour Gazette", URL: "https://example.org/2026/03/council-votes"}, ""},
	} {
		g, ok := GenreFromSignals(tc.s)
		if got := g.Label; !ok && got != "" || got != tc.want {
			t.Errorf("%s: genre %q (%v), want %q", tc.name, got, ok, tc.want)
		}
	}
}
