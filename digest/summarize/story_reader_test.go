package summarize

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/text"
)

// The sentences in these tests are invented.

func TestLeansOnPrevious(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"It passed the council 9-4 in April.", true},
		{"That's according to a report the agency published on Wednesday.", true},
		{"But views are divided along party lines.", true},
		{"These figures are the lowest since 1998.", true},
		{"This week, the council approved the budget.", false},
		{"That day the ferry did not sail.", false},
		{"“We will appeal the ruling,” Mayor Ines Rook said.", false},
		{"The council approved the budget on Friday.", false},
		{"Italy and Spain signed the accord.", false},
		{"By the start of this week, that figure had risen to 2.96 crowns.", true},
		{"Officials said that officials from both sides would meet.", false},
		{"Perhaps the ferry is not the answer,” the mayor wrote on Monday.", true},
		{"The mayor wrote that the ferry is “not the answer” on Monday.", false},
	} {
		if got := leansOnPrevious(tc.s, text.Tokens(tc.s)); got != tc.want {
			t.Errorf("leansOnPrevious(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestWritersVerdict(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Sadly, the targets have little chance of being met.", true},
		{"The truth is that the new levy will not pay for the bridge.", true},
		{"It's time to reopen the ferry route.", true},
		{"If you live near the harbour, you may have noticed the noise.", true},
		{"As we approach the vote, the council is divided.", true},
		{"The council said it is time to reopen the ferry route.", false},
		{"“We must rebuild the harbour,” Mayor Ines Rook said.", false},
		{"The US and Canada signed the accord on Friday.", false},
		{"The council approved the budget on Friday.", false},
		{"If you live near the harbour, you must leave by noon, the council said.", false},
		{"Cases fell by a quarter, a sign that the worst may be behind us.", false},
		{"We gathered his promises here, two days after he was declared the winner.", true},
	} {
		var quoted []bool
		if hasQuoteMark(tc.s) {
			quoted = quotedMask(tc.s)
		}
		if got := writersVerdict(tc.s, text.Tokens(tc.s), quoted); got != tc.want {
			t.Errorf("writersVerdict(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// harbourDocs: two reports of one vote, whose leads carry each other. The
// center outlet's lead should open the summary; "It …" and "…,” she said"
// only follow their own predecessor.
var harbourDocs = []Doc{
	{Source: "Quay Post", Title: "Dunmore council raises harbour fee", Text: "Harbour fees in Dunmore will rise by 5 percent from March after the council voted 9-4 on Friday.\nIt is the first rise in six years.\nShip owners said the rise would cost them 2 million crowns a year."},
	{Source: "Bay Wire", Center: true, Title: "Council votes to raise Dunmore harbour fee", Text: "Dunmore's council raised harbour fees by 5 percent on Friday, in a 9-4 vote, to pay for repairs to the north pier.\nMayor Ines Rook said the money would repair the north pier.\n“We cannot let the pier fall into the sea,” she said."},
}

func TestStoryReadingOrder(t *testing.T) {
	got := Story(harbourDocs, 6)
	if len(got) < 3 {
		t.Fatalf("summary too short: %+v", got)
	}
	if got[0].Text != "Dunmore's council raised harbour fees by 5 percent on Friday, in a 9-4 vote, to pay for repairs to the north pier." {
		t.Errorf("summary opens with %q, want the center outlet's lead", got[0].Text)
	}
	texts := make([]string, len(got))
	for i, s := range got {
		texts[i] = s.Text
	}
	for i, s := range texts {
		var before string
		switch {
		case strings.HasPrefix(s, "It "):
			before = "Harbour fees in Dunmore will rise by 5 percent from March after the council voted 9-4 on Friday."
		case strings.HasPrefix(s, "“We cannot"):
			before = "Mayor Ines Rook said the money would repair the north pier."
		default:
			continue
		}
		if i == 0 || texts[i-1] != before {
			t.Errorf("%q does not follow %q: %q", s, before, texts)
		}
	}
}

func TestStoryPicksDependentOnlyWithItsPredecessor(t *testing.T) {
	// The predecessor is cut off, so "It …" cannot be shown at all.
	docs := []Doc{
		{Source: "Quay Post", Title: "Harbour fee", Text: "The council voted on the harbour fee on Friday after a long...\nIt raises the harbour fee by 5 percent from March, the first rise in six years."},
		{Source: "Bay Wire", Title: "Harbour fee rises", Text: "Dunmore's council raised the harbour fee by 5 percent from March on Friday."},
	}
	for _, s := range Story(docs, 6) {
		if strings.HasPrefix(s.Text, "It ") {
			t.Errorf("dependent sentence shown without its predecessor: %q", s.Text)
		}
	}
}

// TestStoryCreditsOnlyWhatAnOutletSays: an outlet that tells the event in
// its own words is not credited with another's names or quoted words.
func TestStoryCreditsOnlyWhatAnOutletSays(t *testing.T) {
	docs := []Doc{
		{Source: "Quay Post", Title: "Rook brushes off critics of harbour fee", Text: "Mayor Ines Rook on Friday brushed off critics of the harbour fee rise, saying the council was “determined to act” as Dunmore Shipping threatened to leave."},
		{Source: "Bay Wire", Title: "Dunmore raises harbour fee", Text: "Dunmore's council raised the harbour fee on Friday, and Mayor Ines Rook defended the rise before critics."},
		{Source: "Hill Courier", Title: "Mayor defends harbour fee", Text: "Mayor Ines Rook on Friday defended the harbour fee rise against critics, saying the council was “determined to act”, as Dunmore Shipping threatened to leave."},
	}
	for _, s := range Story(docs, 6) {
		if !strings.Contains(s.Text, "determined to act") {
			continue
		}
		if slices.Contains(s.Sources, "Bay Wire") {
			t.Errorf("%q credited to %v: Bay Wire neither quotes the mayor nor names Dunmore Shipping", s.Text, s.Sources)
		}
		if len(s.Sources) < 2 {
			t.Errorf("%q credited to %v: Hill Courier carries the quotation and the names too", s.Text, s.Sources)
		}
	}
}

func TestSentenceAnchors(t *testing.T) {
	a := sentenceAnchors("Mayor Ines Rook said the council was “determined to act” on Friday, US officials said, as Gov. Hale and Dunmore Shipping Inc. objected.")
	if want := []string{"rook", "hale", "shipping"}; !slices.Equal(a.names, want) {
		t.Errorf("names %q, want %q (a name's last word; not the opening word, a weekday, a title or a two-letter abbreviation)", a.names, want)
	}
	if want := []string{"determined to act"}; !slices.Equal(a.quotes, want) {
		t.Errorf("quotes %q, want %q", a.quotes, want)
	}
}

// TestStoryPronounQuote: "…,” she said." joins a summary right after the
// sentence that names her, and never alone.
func TestStoryPronounQuote(t *testing.T) {
	docs := []Doc{
		{Source: "Bay Wire", Title: "Rook defends harbour fee", Text: "Mayor Ines Rook defended the harbour fee rise on Friday before the council voted 9-4.\n“We cannot let the north pier fall into the sea,” she said."},
		{Source: "Quay Post", Title: "Harbour fee rises", Text: "Dunmore's council voted 9-4 on Friday to raise the harbour fee, which Mayor Ines Rook defended as the only way to repair the north pier."},
	}
	got := Story(docs, 6)
	for i, s := range got {
		if strings.Contains(s.Text, "she said") && (i == 0 || !strings.HasPrefix(got[i-1].Text, "Mayor Ines Rook defended")) {
			t.Errorf("the quotation does not follow the sentence naming its speaker: %+v", got)
		}
	}
	lone := []Doc{{Source: "Bay Wire", Title: "Harbour fee", Text: "The harbour fee will rise in March.\n“We cannot let the north pier fall into the sea,” she said."}}
	for _, s := range Story(lone, 6) {
		if strings.Contains(s.Text, "she said") {
			t.Errorf("a quotation of an unnamed speaker is shown: %q", s.Text)
		}
	}
}

func TestReadingOrder(t *testing.T) {
	docs := []Doc{{Source: "Quay Post"}, {Source: "Bay Wire", Center: true}, {Source: "Old Days", Background: true}}
	sents := []sentence{
		{doc: 0, pos: 0, text: "Quay lead"},                   // 0
		{doc: 0, pos: 1, text: "It follows", dependent: true}, // 1
		{doc: 0, pos: 2, text: "Quay detail"},                 // 2
		{doc: 1, pos: 0, text: "Bay lead"},                    // 3
		{doc: 1, pos: 1, text: "Bay detail"},                  // 4
		{doc: 2, pos: 0, text: "Background lead"},             // 5
	}
	support := [][]int{{1}, nil, {1}, {0}, nil, {0, 1}}
	scores := []float64{2, 1, 1, 1.5, 1, 3}
	// In pick order: a dependent sentence comes after its predecessor.
	got := readingOrder(docs, sents, []int{5, 0, 3, 1, 4, 2}, support, scores)
	var texts []string
	for _, k := range got {
		texts = append(texts, sents[k].text)
	}
	want := []string{"Bay lead", "Quay lead", "It follows", "Quay detail", "Bay detail", "Background lead"}
	if !slices.Equal(texts, want) {
		t.Errorf("order %q, want %q (center lead first among equals, dependent after its predecessor, background last)", texts, want)
	}
}

func TestAttributedToEarlierSpeaker(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"“We cannot let the pier fall into the sea,” she said.", true},
		{"The department said officers may act if they “reasonably believe a life is in danger.”", true},
		{"“We cannot let the pier fall into the sea,” a resident said.", false},
	} {
		if got := attributedToPronoun(tc.s, quotedMask(tc.s)); got != tc.want {
			t.Errorf("attributedToPronoun(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
