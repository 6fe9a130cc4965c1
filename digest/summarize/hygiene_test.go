package summarize

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/text"
)

func TestCutOff(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"The council approved the budget on Friday.", false},
		{"The council approved the budget on Friday and said that...", true},
		{"The council approved the budget on Friday and said that…", true},
		{"The council approved the budget on Friday and said that […]", true},
		{"The council approved the budget on Friday [...]", true},
		{`The mayor said the plan "was the best we could...`, true},
		{`The mayor said the plan "was the best we could…"`, true},
		{"The council approved the budget. Read more", true},
		{"Continue reading the main story", true},
		{"He paused… and then voted yes.", false},
	}
	for _, tt := range tests {
		if got := cutOff(tt.s); got != tt.want {
			t.Errorf("cutOff(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestStripLeadIn(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Why it matters: The ferry is the island's only link to the mainland in winter.", "The ferry is the island's only link to the mainland in winter.", true},
		{"Driving the news:\u00a0The council voted 9 to 4 for the new timetable on Monday.", "The council voted 9 to 4 for the new timetable on Monday.", true},
		{"The big picture: Ferry fares have risen by a third in five years.", "Ferry fares have risen by a third in five years.", true},
		{"Between the lines: Two councillors changed their votes after the hearing.", "Two councillors changed their votes after the hearing.", true},
		{"BREAKING: The ferry operator has filed for bankruptcy protection this morning.", "The ferry operator has filed for bankruptcy protection this morning.", true},
		{"State of play: 40 crossings a week remain on the winter timetable.", "40 crossings a week remain on the winter timetable.", true},
		{"The catch: the timetable starts only in March.", "The catch: the timetable starts only in March.", false}, // lower case after the label
		{"Go deeper: Ferry fares.", "Go deeper: Ferry fares.", false},                                               // too little left
		{`He said: "We will keep the winter crossings."`, `He said: "We will keep the winter crossings."`, false},
		{"The council approved the timetable on Monday.", "The council approved the timetable on Monday.", true},
		{"In 2027, the ferry will run every hour.", "In 2027, the ferry will run every hour.", true},
	}
	for _, tt := range tests {
		got, ok := stripLeadIn(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("stripLeadIn(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestUnattributedQuote(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{`"This is a good day for the port," said the authority's chair, Mira Costa.`, false},
		{`"This is a good day for the port," Costa said.`, false},
		{`"This is a good day for the port," she said.`, true},
		{`"This is a good day for the port," she said at a press conference on Thursday.`, true},
		{`"This is a good day for the port."`, true},
		{`This is a good day for the port," Costa added.`, false},
		{`This is a good day for the port," he added.`, true},
		{`“We will not give up the winter crossings,” a person familiar with the talks said.`, true},
		{`“We will not give up the winter crossings,” according to Harbour Commissioner Ines Rook.`, false},
		{`The council called the timetable "a fair compromise".`, false}, // a short quoted phrase
		{`Governor Ines Rook on Monday signed a bill that lets "any resident sue the operator for up to 5,000 crowns in damages" over "missed crossings."`, false},
		{`The operator's 40 ferries carried 2 million passengers last year.`, false}, // apostrophes only
		{`Crews' pay rose by 3% in the drivers' new contract.`, false},
	}
	for _, tt := range tests {
		var mask []bool
		if hasQuoteMark(tt.s) {
			mask = quotedMask(tt.s)
		}
		if got := unattributedQuote(tt.s, mask); got != tt.want {
			t.Errorf("unattributedQuote(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestFirstPersonAndFragments(t *testing.T) {
	tests := []struct {
		s                 string
		firstPerson, frag bool
	}{
		{"I have very high standards and I will say it is a new day.", true, false},
		{"I have very high standards, Governor Ines Rook said on Sunday.", false, false},
		{`"I have very high standards," Rook said.`, false, false},
		{"Economists had expected the C.P.I. to rise 3.6 percent over the year.", false, false},
		{"The harbour reopened on Monday after the storm.", false, false},
		{"Indeed, it is.", false, true},
	}
	for _, tt := range tests {
		if got := firstPersonUnquoted(tt.s, text.Tokens(tt.s), quotedMask(tt.s)); got != tt.firstPerson {
			t.Errorf("firstPersonUnquoted(%q) = %v, want %v", tt.s, got, tt.firstPerson)
		}
		if got := fragment(tt.s); got != tt.frag {
			t.Errorf("fragment(%q) = %v, want %v", tt.s, got, tt.frag)
		}
	}
}

func TestIsQuestion(t *testing.T) {
	for s, want := range map[string]bool{
		"Who will pay when the next surge comes?":       true,
		`"Who asked the crews?" she wrote.`:             false,
		`Rook asked: "Who will pay for the wall?"`:      true,
		"The council asked who would pay for the wall.": false,
	} {
		if got := isQuestion(s); got != want {
			t.Errorf("isQuestion(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNumbers(t *testing.T) {
	got := numbers("Fares rose 3.5% to 1,941 crowns in 2027, and 1941 crowns is the cap; 3,5 is a decimal comma.")
	want := []string{"3.5", "1941", "2027", "3,5"}
	if !slices.Equal(got, want) {
		t.Errorf("numbers = %q, want %q", got, want)
	}
	if !newNumberSet("It costs 1,941 crowns.").carries([]string{"1941"}) || newNumberSet("It costs 1,900 crowns.").carries([]string{"1941"}) {
		t.Error("carries does not compare figures as written without separators")
	}
}

// A teaser feed's story: the summary keeps whole, attributed sentences, drops
// the label and never shows the cut line or the speakerless quote.
func TestArticleHygiene(t *testing.T) {
	body := "Driving the news: The Tarrow ferry will stop its winter crossings on December 1, the operator Orrin Lines said on Monday.\n" +
		"\"We simply cannot keep losing money on empty boats.\"\n" +
		"The island council said it would ask the regional government for a subsidy of 2 million crowns to keep two crossings a day, and that talks...\n"
	got := Article("Tarrow ferry to stop winter crossings", body, 3)
	if len(got) != 1 || !strings.HasPrefix(got[0], "The Tarrow ferry will stop") {
		t.Fatalf("summary %q, want only the lead without its label", got)
	}
	// Avoided wording takes its sentence out.
	at := strings.Index(body, "stop its winter")
	if got := Article("", body, 3, Range{at, at + 4}); len(got) != 0 {
		t.Errorf("summary %q includes the avoided sentence", got)
	}
}

func FuzzHygiene(f *testing.F) {
	f.Add(`Why it matters: "We will," he said...`)
	f.Add("BREAKING:\u00a0“x” ’ ' \" `` ''")
	f.Fuzz(func(t *testing.T, s string) {
		out, _ := stripLeadIn(s)
		if !strings.HasSuffix(s, out) {
			t.Fatalf("stripLeadIn(%q) = %q, not a tail of the sentence", s, out)
		}
		cutOff(s)
		m := quotedMask(s)
		if len(m) != len(s) {
			t.Fatalf("mask of %d bytes for %d", len(m), len(s))
		}
		unattributedQuote(s, m)
		firstPersonUnquoted(s, text.Tokens(s), m)
		if !hasQuoteMark(s) && strings.ContainsAny(s, quoteRunes) {
			t.Fatalf("hasQuoteMark(%q) = false", s)
		}
	})
}

func TestMarkerKindIgnoresCase(t *testing.T) {
	for _, w := range []string{"Sadly", "SADLY", "sadly", "We", "Let's", "Let’s", "LET’S", "Unsurprisingly", "Harbour", "Été", "x"} {
		if got, want := markerKind(w), markerWords[strings.ToLower(w)]; got != want {
			t.Errorf("markerKind(%q) = %d, want %d", w, got, want)
		}
	}
}
