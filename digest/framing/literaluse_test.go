package framing

import (
	"strings"
	"testing"
)

// TestLiteralUses: words that are loaded in an argument but plain in crime,
// court, war and health reporting get no cue there, and keep it elsewhere.
// The sentences are invented.
func TestLiteralUses(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string // "type:text" of every cue of the types below
	}{
		{"suspect surrenders to police", "The treasurer surrendered to police in Dunmore on Tuesday.", nil},
		{"surrender to a named office", "The treasurer surrendered to Dunmore prosecutors on Tuesday.", nil},
		{"surrendering to pressure", "The council surrendered to pressure from the developers.", []string{"loaded_language:surrendered"}},
		{"assault on a building", "Four men were charged over the assault on the Dunmore city hall and the U.S. Capitol.", nil},
		{"assault on the Capitol", "He was charged over the assault on the U.S. Capitol.", nil},
		{"assault on an idea", "Critics call the bill an assault on the free press.", []string{"loaded_language:assault on"}},
		{"the verb wake", "Port Dunmore woke up under water on Saturday, and residents woke to sirens.", nil},
		{"the label", "The council's woke agenda drew fire.", []string{"loaded_language:woke"}},
		{"police brutality", "Thousands marched against police brutality in Kellan on Sunday.", nil},
		{"brutality of a regime", "The brutality of the crackdown shocked observers.", []string{"loaded_language:brutality"}},
		{"hate crimes against a group", "The bill targets hate crimes against older residents.", nil},
		{"a name is not a word stem", "Health director Barbara Quist resigned on Monday.", nil},
		{"barbaric", "The minister called the attack barbaric.", []string{"loaded_language:barbaric"}},
		{"landmark ruling", "The court upheld the landmark 1998 ruling on water rights.", nil},
		{"landmark law", "Lawmakers passed a landmark voting law on Friday.", nil},
		{"landmark before a case name", "The ruling could upend the landmark Roe v. Wade decision.", nil},
		{"landmark as praise", "The mayor hailed a landmark moment for the city.", []string{"glittering_generality:landmark moment"}},
		{"measured risk", "The pill cut the risk of hospitalization or death by half in the trial.", nil},
		{"higher risk", "Smokers face a higher risk of death from the virus, the study found.", nil},
		{"risk as a threat", "The standoff risks war with the neighbours.", []string{"appeal_to_fear:war"}},
		{"period as a date", "Growth was the slowest since the Great Depression, the bureau said.", nil},
		{"period as analogy", "The senator likened the slump to the Great Depression.", []string{"historical_analogy:the Great Depression"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range Analyze("", tc.body).Cues {
				switch c.Type {
				case LoadedLanguage, NameCalling, GlitteringGenerality, AppealToFear, HistoricalAnalogy:
					got = append(got, c.Type+":"+c.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("cues = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestAttackVerbs: the verbs of a political slanging match are loaded,
// in the headline and in the body alike. The sentences are invented.
func TestAttackVerbs(t *testing.T) {
	for _, tc := range []struct{ title, body, want string }{
		{"Mayor Quist scorched for ferry remarks", "The mayor spoke on Monday.", "scorched"},
		{"", "The council buckled to pressure from the developers on Tuesday.", "buckled to"},
		{"", "The senator tore into the minister during the hearing.", "tore into"},
	} {
		a := Analyze(tc.title, tc.body)
		found := false
		for _, c := range a.Cues {
			if c.Type == LoadedLanguage && strings.EqualFold(c.Text, tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q / %q: no loaded cue %q in %+v", tc.title, tc.body, tc.want, a.Cues)
		}
	}
}

func TestClaimsToAsNoun(t *testing.T) {
	for _, tc := range []struct {
		body  string
		doubt bool
	}{
		{"Economists had expected jobless claims to fall to 460,000.", false},
		{"Economists had expected claims to fall to 460,000.", false},
		{"The group claims to speak for every fisherman on the island.", true},
	} {
		got := false
		for _, c := range Analyze("", tc.body).Cues {
			got = got || c.Type == Doubt
		}
		if got != tc.doubt {
			t.Errorf("%q: doubt %v, want %v", tc.body, got, tc.doubt)
		}
	}
}
