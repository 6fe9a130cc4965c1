package framing

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixture expectations for our own articles in testdata/: one story told
// four ways. An empty field is not checked.
var fixtures = []struct {
	file   string
	genre  []string // any of
	tone   string
	actor  string
	stance string
	frames []string // any of
	cues   map[string]string
	quoted map[string]string // cues that must be the quoted speakers', not the outlet's
	noCues []string
}{
	{
		file: "anti_opinion.txt", genre: []string{Opinion}, tone: ToneAnti,
		actor: "Marsh", stance: Negative,
		frames: []string{"Policy_prescription_and_evaluation", "Economic", "Quality_of_life"},
		cues: map[string]string{
			NameCalling:        "cronies",
			AppealToFear:       "shuttered shops",
			RhetoricalQuestion: "Who will pay for this?",
			Doubt:              "so-called",
			LoadedLanguage:     "reckless",
		},
		noCues: []string{AnonymousSource, GlitteringGenerality},
	},
	{
		file: "pro_news.txt", genre: []string{Reporting, Opinion}, tone: TonePro,
		actor: "Marsh", stance: Positive,
		frames: []string{"Policy_prescription_and_evaluation", "Economic", "Quality_of_life"},
		cues: map[string]string{
			GlitteringGenerality: "bold plan",
			AnonymousSource:      "A senior city official",
		},
		quoted: map[string]string{GlitteringGenerality: "visionary leadership"},
		noCues: []string{NameCalling, AppealToFear, RhetoricalQuestion},
	},
	{
		file: "neutral_report.txt", genre: []string{Reporting}, tone: ToneNeutral,
		actor: "Marsh", stance: Neutral,
		noCues: []string{NameCalling, AppealToFear, RhetoricalQuestion, GlitteringGenerality, AnonymousSource, LoadedLanguage},
	},
	{
		file: "quoted_attack.txt", genre: []string{Reporting}, tone: ToneNeutral,
		frames: []string{"Political", "Economic"},
		noCues: []string{GlitteringGenerality, AnonymousSource, RhetoricalQuestion},
	},
	{
		file: "column_pro.txt", genre: []string{Opinion}, tone: TonePro,
		actor: "Mbeki", stance: Positive,
		cues: map[string]string{
			GlitteringGenerality: "tireless work",
			RhetoricalQuestion:   "Should every town do this?",
		},
		noCues: []string{NameCalling, AppealToFear, AnonymousSource},
	},
	{
		file: "analysis.txt", genre: []string{Analysis}, tone: ToneNeutral,
		frames: []string{"Economic"},
		noCues: []string{NameCalling, AppealToFear, GlitteringGenerality, AnonymousSource},
	},
}

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			title, body := readArticle(t, filepath.Join("testdata", fx.file))
			l := Analyze(title, body)
			t.Log(l.Line())
			checkSpans(t, title, body, l)
			if len(fx.genre) > 0 && !contains(fx.genre, l.Genre.Label) {
				t.Errorf("genre = %s, want one of %v", l.Genre.Label, fx.genre)
			}
			if fx.tone != "" && l.Tone != fx.tone {
				t.Errorf("tone = %s, want %s", l.Tone, fx.tone)
			}
			if fx.actor != "" {
				a, ok := findActor(l, fx.actor)
				switch {
				case !ok:
					t.Errorf("no actor %s in %+v", fx.actor, l.Actors)
				case a.Stance != fx.stance:
					t.Errorf("stance toward %s = %s (%.2f), want %s", fx.actor, a.Stance, a.Confidence, fx.stance)
				}
			}
			if len(fx.frames) > 0 && !anyFrame(l, fx.frames) {
				t.Errorf("frames = %+v, want one of %v", l.Frames, fx.frames)
			}
			for typ, want := range fx.cues {
				if !hasCue(l, typ, []string{want}) {
					t.Errorf("no %s cue matching %q", typ, want)
				}
			}
			for typ, want := range fx.quoted {
				if !hasCue(Labels{Cues: l.QuotedCues}, typ, []string{want}) {
					t.Errorf("no quoted %s cue matching %q in %+v", typ, want, l.QuotedCues)
				}
				if hasCue(l, typ, []string{want}) {
					t.Errorf("%s cue %q shown as the outlet's", typ, want)
				}
			}
			for _, typ := range fx.noCues {
				for _, c := range l.Cues {
					if c.Type == typ {
						t.Errorf("unexpected %s cue %q", typ, c.Text)
					}
				}
			}
		})
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func TestCueDetectors(t *testing.T) {
	tests := []struct {
		name, body, typ, want string
	}{
		{"label before name", "Critics called the governor a coward, and the state's tyrant Governor Hale did not reply.", NameCalling, "tyrant Governor"},
		{"label and group", "The radical left wants to raise your taxes again.", NameCalling, "radical left"},
		{"demonym label", "The talks gave the Syrian despot what he wanted.", NameCalling, "Syrian despot"},
		{"fear outcome", "Cutting the budget would lead to chaos and famine across the region.", AppealToFear, "would lead to chaos and famine"},
		{"fear threat", "The new rules threaten the collapse of the fishing industry.", AppealToFear, "threaten the collapse"},
		{"anonymous people", "The deal is close, according to people familiar with the talks.", AnonymousSource, "people familiar with the talks"},
		{"anonymous official", "A senior administration official said the plan was ready.", AnonymousSource, "A senior administration official"},
		{"anonymity", "One aide, who asked not to be named, confirmed the meeting.", AnonymousSource, "asked not to be named"},
		{"question", "The minister resigned. Was anyone surprised?", RhetoricalQuestion, "Was anyone surprised?"},
		{"praise", "The senator promised bold action and strong leadership.", GlitteringGenerality, "strong leadership"},
		{"hedge", "The fire was reportedly started by a faulty cable.", Hedge, "reportedly"},
		{"doubt", "The so-called reform changes nothing.", Doubt, "so-called"},
		{"scare quotes", "The agency’s “independent” review was written by its own staff.", Doubt, "“independent”"},
		{"exaggeration", "This is the worst deal in the history of trade, and everyone knows it.", Exaggeration, "the worst"},
		{"history", "Some compared the summit to Munich and the lessons of history.", HistoricalAnalogy, "Munich"},
		{"loaded", "The crackdown was a brutal assault on free speech.", LoadedLanguage, "brutal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Analyze("", tt.body)
			checkSpans(t, "", tt.body, l)
			if !hasCue(l, tt.typ, []string{tt.want}) {
				t.Errorf("no %s cue %q in %+v", tt.typ, tt.want, l.Cues)
			}
		})
	}
}

func TestQuotedQuestionIsNotRhetorical(t *testing.T) {
	body := `"Why would we stop now?" the coach asked after the game. The team won again on Sunday.`
	for _, c := range Analyze("", body).Cues {
		if c.Type == RhetoricalQuestion {
			t.Errorf("quoted question marked rhetorical: %q", c.Text)
		}
	}
}

func TestActorAliasesAndTitles(t *testing.T) {
	body := "Prime Minister Anna Lind met President Omar Haddad in Oslo on Monday. " +
		"Lind praised the talks. Haddad said little. Later, Haddad flew home. He said the visit went well."
	l := Analyze("", body)
	got := map[string]int{}
	for _, a := range l.Actors {
		got[a.Name] = a.Mentions
	}
	if got["Anna Lind"] != 2 || got["Omar Haddad"] != 4 {
		t.Errorf("actors = %v, want Anna Lind 2 and Omar Haddad 4 (with the pronoun)", got)
	}
}

func TestQuotedInsultsAreQuotedVoice(t *testing.T) {
	title, body := readArticle(t, filepath.Join("testdata", "quoted_attack.txt"))
	l := Analyze(title, body)
	a, ok := findActor(l, "Ferreira")
	if !ok {
		t.Fatalf("no actor Ferreira in %+v", l.Actors)
	}
	if a.Stance == Negative && a.Voice != VoiceQuoted {
		t.Errorf("negative stance toward Ferreira in the author's voice; the insults are quoted: %+v", a)
	}
}

// TestQuotedVoice checks that a quoted attack is never shown as the
// outlet's stance, and that its loaded words are the speaker's cues,
// credited to the speaker when the article names one.
func TestQuotedVoice(t *testing.T) {
	tests := []struct {
		name, body, speaker string
	}{
		{"named speaker", `Senator Ruth Vance spoke at the rally on Friday. "Governor Pike is a disgrace and a liar," Vance said. ` +
			`"Pike has failed every family in this state and lied to all of us," Vance added. Pike did not respond.`, "Ruth Vance"},
		{"unnamed speaker", `Senator Ruth Vance spoke at the rally. "Governor Pike is a disgrace and a liar," said one supporter. ` +
			`"Pike has failed every family in this state," another supporter said. Pike did not respond.`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Analyze("", tt.body)
			a, ok := findActor(l, "Pike")
			if !ok {
				t.Fatalf("no actor Pike in %+v", l.Actors)
			}
			if a.Stance != Neutral {
				t.Errorf("the quoted attack on Pike is shown as the outlet's stance: %+v", a)
			}
			for _, c := range l.Cues {
				if c.Type == NameCalling || c.Type == LoadedLanguage {
					t.Errorf("quoted %s %q shown as the outlet's cue", c.Type, c.Text)
				}
			}
			found := false
			for _, c := range l.QuotedCues {
				if c.Text == "liar" || c.Text == "disgrace" {
					found = true
					if c.Speaker != tt.speaker {
						t.Errorf("quoted cue %q: speaker %q, want %q", c.Text, c.Speaker, tt.speaker)
					}
				}
			}
			if !found {
				t.Errorf("no quoted cue for the insults in %+v", l.QuotedCues)
			}
			if strings.Contains(l.Line(), "liar") || strings.Contains(l.Line(), "Pike") {
				t.Errorf("Line shows the speaker's words as the outlet's: %s", l.Line())
			}
		})
	}
}

func TestLine(t *testing.T) {
	l := Labels{
		Genre: Genre{Label: Opinion},
		Actors: []Actor{
			{Name: "Ann Lee", Stance: Negative, Voice: VoiceAuthor},
			{Name: "Bo Kim", Stance: Positive, Voice: VoiceAuthor},
			{Name: "Cy Rao", Stance: Neutral, Voice: VoiceAuthor},
			{Name: "Eve Moss", Stance: Negative, Voice: VoiceQuoted}, // a speaker's: not shown
		},
		Frames:     []Frame{{Name: "Security_and_defense"}},
		Tone:       ToneAnti,
		Cues:       []Cue{{Type: Hedge, Field: FieldBody, Text: "may"}, {Type: NameCalling, Field: FieldTitle, Text: "tyrant Lee"}},
		QuotedCues: []Cue{{Type: AppealToFear, Field: FieldBody, Text: "doom"}},
	}
	want := "opinion · criticises Ann Lee; praises Bo Kim · Security and defense · tone anti · name-calling «tyrant Lee» in the headline, hedge «may»"
	if got := l.Line(); got != want {
		t.Errorf("Line() =\n%s\nwant\n%s", got, want)
	}
	if got := (Labels{}).Line(); got != "" {
		t.Errorf("empty Line() = %q", got)
	}
}

func TestAnalyzeEmptyAndOdd(t *testing.T) {
	for _, body := range []string{"", " ", "\n\n", "?", "“", "\"unclosed", "A.", "Mr. X said “", "\xff\xfe bad utf8 ?"} {
		l := Analyze(body, body)
		checkSpans(t, body, body, l)
		if l.Tone == "" || l.Genre.Label == "" {
			t.Errorf("Analyze(%q): empty tone or genre: %+v", body, l)
		}
	}
}

// TestSpansProperty checks Text == body[Start:End] on every article we have.
func TestSpansProperty(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if dir := examplesDir(); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		files = append(files, more...)
	}
	for _, f := range files {
		title, body := readArticle(t, f)
		checkSpans(t, title, body, Analyze(title, body))
		// every prefix cut on a rune boundary is an article too
		for cut := 0; cut < len(body); cut += 97 {
			for cut < len(body) && !utf8.RuneStart(body[cut]) {
				cut++
			}
			checkSpans(t, title, body[:cut], Analyze(title, body[:cut]))
		}
	}
}

func examplesDir() string {
	d := filepath.Join("..", "..", "examples")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

func FuzzAnalyze(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err == nil {
			title, body, _ := strings.Cut(string(b), "\n")
			f.Add(title, body)
		}
	}
	f.Add("Rep. Ann Lee, D-W.Va., Monday: “a so-called ‘deal’”", `Sen. Ann Lee (R-Texas) Thursday said "Ames is a liar." The U.S. Food and Drug Administration (FDA) agreed, according to the complaint.`)
	f.Add("", "“He said” “”\"\" ? ! .")
	f.Add("Q?", "if if if will lead to war war war? sources familiar with")
	f.Fuzz(func(t *testing.T, title, body string) {
		l := Analyze(title, body)
		checkSpans(t, title, body, l)
		_ = l.Line()
	})
}

// benchArticle builds an article of about n words from the fixtures.
func benchArticle(b *testing.B, n int) (string, string) {
	var sb strings.Builder
	title := ""
	for sb.Len() < n*6 {
		for _, fx := range fixtures {
			t, body := readArticle(b, filepath.Join("testdata", fx.file))
			if title == "" {
				title = t
			}
			sb.WriteString(body)
			sb.WriteString("\n")
		}
	}
	body := sb.String()
	// cut to n words
	words := 0
	for i := 0; i < len(body); i++ {
		if body[i] == ' ' || body[i] == '\n' {
			words++
			if words == n {
				body = body[:i]
				break
			}
		}
	}
	return title, body
}

func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{300, 700, 1500} {
		title, body := benchArticle(b, n)
		b.Run(strconv.Itoa(n)+"words", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				Analyze(title, body)
			}
		})
	}
}

func TestPlaceIsNotAnalogy(t *testing.T) {
	l := Analyze("", "The trade fair in Munich opened on Monday with 400 exhibitors.")
	for _, c := range l.Cues {
		if c.Type == HistoricalAnalogy {
			t.Errorf("a city named in a report is not an analogy: %+v", c)
		}
	}
	l = Analyze("", "Critics called the summit another Munich, a deal bought with someone else's land.")
	if !hasCue(l, HistoricalAnalogy, []string{"Munich"}) {
		t.Errorf("no analogy in %+v", l.Cues)
	}
}
