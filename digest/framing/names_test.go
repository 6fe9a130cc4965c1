package framing

import (
	"strings"
	"testing"
)

// actorNames returns the names of every actor findActors sees in body.
func actorNames(body string) []string {
	d := newDoc("", body)
	var out []string
	for _, e := range findActors(d, findCues(d)) {
		out = append(out, e.name)
	}
	return out
}

// TestActorNamesAreClean checks that names come out without the words
// written next to them: weekdays and dates, party tags, initials, titles,
// role words, possessive endings; and that things that are no actors (days,
// laws, diseases, places) are not named as actors.
func TestActorNamesAreClean(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // every one must be an actor
		not        []string // none may be an actor, nor part of one's name
	}{
		{"weekday after an institution",
			"The Supreme Court Monday refused to hear the appeal. The Supreme Court gave no reason.",
			[]string{"Supreme Court"}, []string{"Monday"}},
		{"weekday after a person",
			"President Joe Biden Thursday signed the bill. Biden said it would help farmers.",
			[]string{"Joe Biden"}, []string{"Thursday", "President"}},
		{"date after a name",
			"Senator Ada Moss Aug. 3 asked for a vote. Moss later withdrew the request.",
			[]string{"Ada Moss"}, []string{"Aug"}},
		{"party and state tags",
			"Rep. Tom Reyes, D-Wash., and Sen. Lena Ward (R-Texas) wrote the letter. Reyes and Ward sent it on Friday. Sen. Joe Manchin, D-W.Va., did not sign.",
			[]string{"Tom Reyes", "Lena Ward", "Joe Manchin"}, []string{"D-Wash", "R-Texas", "D-W", "Va"}},
		{"middle initial and dotted abbreviation",
			"Secretary of State Antony J. Blinken met the U.S. envoy in Geneva. Blinken said the talks were useful.",
			[]string{"Antony Blinken"}, []string{"J", "U", "Secretary", "State Antony"}},
		{"title of a department before the name",
			"Secretary of Homeland Security Alicia Moreno visited the border. Moreno met the governor there.",
			[]string{"Alicia Moreno"}, []string{"Homeland Security Alicia", "Secretary"}},
		{"possessive",
			"Mayor Lin Park's plan drew praise. Park's office said the plan would start in May.",
			[]string{"Lin Park"}, []string{"Park's", "Park’s"}},
		{"role word and party before a name",
			"Drugmaker Veltrix said on Tuesday that trials would resume. Republican Susan Wright won the seat. Veltrix shares rose and Wright thanked voters.",
			[]string{"Veltrix", "Susan Wright"}, []string{"Drugmaker", "Republican Susan"}},
		{"a title with no name",
			"The Treasury Secretary spoke first. The House Speaker spoke next. Officials said little.",
			nil, []string{"Treasury Secretary", "House Speaker", "Secretary", "Speaker"}},
		{"days, laws, diseases and adjectives are not actors",
			"On Memorial Day the Voting Rights Act was debated again. COVID-19 cases rose. Black voters and Muslim leaders met. Hurricane Ida hit the coast.",
			nil, []string{"Memorial Day", "Voting Rights Act", "COVID-19", "Black", "Muslim", "Hurricane Ida"}},
		{"acronym in parentheses joins its organisation",
			"The Centers for Disease Control and Prevention (CDC) changed its advice. The CDC said masks were optional.",
			[]string{"Centers for Disease Control and Prevention"}, []string{"Disease Control", "CDC"}},
		{"an organisation joined by and",
			"The Food and Drug Administration approved the drug. The Food and Drug Administration will review it in a year.",
			[]string{"Food and Drug Administration"}, []string{"Drug Administration"}},
		{"a title before its department, after a country",
			"In a statement, US Secretary of State Antony Blinken called for calm. Blinken spoke to both sides.",
			[]string{"Antony Blinken"}, []string{"State Antony Blinken", "US Secretary"}},
		{"a name before a role in lower case",
			"Senate Republican leader Mitch Ward said no. White House Covid coordinator Jane Ruiz said more. The Harbourside council met.",
			[]string{"Mitch Ward", "Jane Ruiz"}, []string{"Senate Republican", "White House Covid", "Harbourside"}},
		{"adjectives made from names",
			"The Republican-led Assembly and a Russia-linked group made a U-turn. Iranian, Iraqi and Syrian envoys met Dr. Omar Diab. Diab spoke.",
			[]string{"Omar Diab"}, []string{"Republican-led", "Russia-linked", "U-turn", "Iranian", "Iraqi", "Syrian"}},
		{"two organisations joined by and",
			"The US and Nato agreed. Nato said the US would pay.",
			nil, []string{"US and Nato"}},
		{"no-break spaces between the words",
			"Secretary\u00a0of Homeland Security Alicia Moreno\u00a0is in Texas. Moreno met the governor.",
			[]string{"Alicia Moreno"}, []string{"Homeland Security Alicia Moreno", "Secretary"}},
		{"a vaccine named after its maker",
			"The Moderna COVID-19 vaccine was approved. Moderna said supplies would grow.",
			[]string{"Moderna"}, []string{"Moderna COVID-19"}},
		{"places after a preposition",
			"Protesters gathered in Del Rosa on Sunday. Police in Del Rosa made no arrests.",
			nil, []string{"Del Rosa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := actorNames(tt.body)
			for _, w := range tt.want {
				if !containsString(got, w) {
					t.Errorf("no actor %q in %q", w, got)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if g == n || (!containsString(tt.want, g) && strings.Contains(" "+g+" ", " "+n+" ")) {
						t.Errorf("actor %q holds %q (actors %q)", g, n, got)
					}
				}
			}
		})
	}
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
