package bot

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/internal/testseed"
)

func TestBriefMessage(t *testing.T) {
	until := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		stories     int
		opts        BriefOptions
		wantShown   int
		wantText    string
		wantPicture bool
	}{
		{"twenty stories, defaults", 20, BriefOptions{}, DefaultMaxStories, "Top 6 of 20 stories", true},
		{"max_stories 3", 20, BriefOptions{MaxStories: 3}, 3, "Top 3 of 20 stories", true},
		{"max_stories above the cap", 20, BriefOptions{MaxStories: 50}, MaxBriefStories, "Top 9 of 20", true},
		{"fewer stories than the limit", 4, BriefOptions{}, 4, "4 stories from", true},
		{"no picture", 20, BriefOptions{NoImage: true}, DefaultMaxStories, "Top 6", false},
		{"nothing", 0, BriefOptions{}, 0, "Nothing new from", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := BriefMessage("News digest", testseed.Digest(tc.stories, until), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if !m.Brief || len(m.Sections) != tc.wantShown || !strings.Contains(m.Text, tc.wantText) {
				t.Errorf("brief %v, %d sections, text %q; want %d and %q", m.Brief, len(m.Sections), m.Text, tc.wantShown, tc.wantText)
			}
			if len(m.Thread) != tc.wantShown {
				t.Errorf("%d detail sections, want %d", len(m.Thread), tc.wantShown)
			}
			if (m.Image != nil) != tc.wantPicture {
				t.Fatalf("image %v, want %v", m.Image != nil, tc.wantPicture)
			}
			if m.Image != nil {
				if _, err := png.Decode(bytes.NewReader(m.Image.PNG)); err != nil || m.Image.Alt == "" || m.Image.Name != "coverage.png" {
					t.Errorf("image %q alt %q: %v", m.Image.Name, m.Image.Alt, err)
				}
			}
			for i, s := range m.Sections {
				if strings.Count(s.Text, "\n") > 1 {
					t.Errorf("story %d has more than two summary sentences: %q", i+1, s.Text)
				}
				if len(s.Actions) != 1 || s.Actions[0].ID != "compare" || s.Actions[0].Value == "" {
					t.Errorf("story %d actions %+v", i+1, s.Actions)
				}
				if len(s.Fields) != 0 {
					t.Errorf("story %d has framing fields in the brief", i+1)
				}
			}
		})
	}
}

func TestBriefSummaryKeepsOneOrTwoSentences(t *testing.T) {
	short := []string{"One.", "Two.", "Three."}
	if got := briefSummary(short); got != "One.\nTwo." {
		t.Errorf("short: %q", got)
	}
	long := []string{strings.Repeat("word ", 60) + ".", strings.Repeat("more ", 20) + "."}
	if got := briefSummary(long); strings.Contains(got, "\n") {
		t.Errorf("a second sentence past %d characters was kept", briefSummaryChars)
	}
	if got := briefSummary([]string{"", " ", "Only."}); got != "Only." {
		t.Errorf("blank sentences: %q", got)
	}
}

func article(source, lean, title string, f func(*digest.StoryArticle)) digest.StoryArticle {
	a := digest.StoryArticle{Source: source, Lean: lean, Title: title, URL: "https://" + strings.ReplaceAll(strings.ToLower(source), " ", "") + ".example/a",
		Genre: framing.Reporting, Tone: framing.ToneNeutral}
	if f != nil {
		f(&a)
	}
	return a
}

func opinionated(a *digest.StoryArticle) {
	a.Genre, a.Tone = framing.Opinion, framing.ToneAnti
	a.Cues = []framing.Cue{{Type: framing.Hedge, Text: "may"}, {Type: framing.NameCalling, Text: "a reckless demagogue who never listens to anyone at all, ever"}}
}

func TestFramingLine(t *testing.T) {
	tests := []struct {
		name string
		arts []digest.StoryArticle
		want string
	}{
		{"framed alike", []digest.StoryArticle{
			article("Civic Wire", "left", "Ferry adds night runs", nil),
			article("Meridian Daily", "right", "Night ferries start in March", nil),
		}, ""},
		{"one plain report", []digest.StoryArticle{article("Civic Wire", "left", "Ferry adds night runs", nil)}, ""},
		{"one opinion piece", []digest.StoryArticle{article("Civic Wire", "left", "Ferries at night? Finally", opinionated)}, "Civic Wire: opinion"},
		{"both sides, framed apart: headlines", []digest.StoryArticle{
			article("Civic Wire", "center-left", "Ferry adds night runs", nil),
			article("Harbour Gazette", "center", "Ferry timetable changes", nil),
			article("Meridian Daily", "right", "Ferry gamble will cost taxpayers", opinionated),
		}, "Center-left: «Ferry adds night runs» · Right: «Ferry gamble will cost taxpayers»"},
		{"one side only: what sets the outlet apart", []digest.StoryArticle{
			article("Civic Wire", "left", "Ferry adds night runs", nil),
			article("Eastpoint Post", "left", "Ferry gamble", opinionated),
			article("Harbour Gazette", "", "Ferry timetable changes", nil),
		}, "Eastpoint Post: opinion · tone anti · name-calling «a reckless demagogue who never listens to anyone at all…»"},
		{"same headline on both sides: what sets one apart", []digest.StoryArticle{
			article("Civic Wire", "left", "Ferry adds night runs", nil),
			article("Meridian Daily", "right", "Ferry adds night runs", func(a *digest.StoryArticle) { a.Tone = framing.TonePro }),
		}, "Meridian Daily: tone pro"},
		{"hedges and unnamed sources set nobody apart", []digest.StoryArticle{
			article("Civic Wire", "left", "Ferry adds night runs", func(a *digest.StoryArticle) {
				a.Cues = []framing.Cue{{Type: framing.Hedge, Text: "could"}, {Type: framing.AnonymousSource, Text: "officials said"}}
			}),
			article("Meridian Daily", "right", "Night ferries start", nil),
		}, ""},
		{"a quoted stance is the source's, not the outlet's", []digest.StoryArticle{
			article("Civic Wire", "left", "Ferry adds night runs", func(a *digest.StoryArticle) {
				a.Actors = []framing.Actor{{Name: "Ferry Co", Stance: framing.Negative, Voice: framing.VoiceQuoted}}
			}),
			article("Meridian Daily", "right", "Night ferries start", nil),
		}, ""},
		{"a stance in the author's voice", []digest.StoryArticle{
			article("Civic Wire", "", "Ferry adds night runs", func(a *digest.StoryArticle) {
				a.Actors = []framing.Actor{{Name: "Ferry Co", Stance: framing.Positive, Voice: framing.VoiceAuthor}}
			}),
			article("Harbour Gazette", "", "Night ferries start", nil),
		}, "Civic Wire: praises Ferry Co"},
		{"a republished copy does not count", []digest.StoryArticle{
			article("Civic Wire", "left", "Ferry adds night runs", nil),
			article("Tarrow Bulletin", "right", "Ferry adds night runs", func(a *digest.StoryArticle) { opinionated(a); a.DuplicateOf = "Civic Wire" }),
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FramingLine(digest.Story{Articles: tc.arts}); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestOutletGroups(t *testing.T) {
	s := digest.Story{Articles: []digest.StoryArticle{
		article("Tarrow Bulletin", "", "x", nil),
		article("Meridian Daily", "right", "x", nil),
		article("Civic Wire", "left", "x", func(a *digest.StoryArticle) {
			a.DuplicateOf = "Harbour Gazette"
			a.URL = "https://civicwire.example/copy"
		}),
		article("Harbour Gazette", "center", "x", nil),
		article("Civic Wire", "left", "x", func(a *digest.StoryArticle) { a.URL = "https://civicwire.example/own" }),
		article("Eastpoint Post", "left", "x", nil),
		article("Valley Courier", "center-left", "x", nil),
	}}
	var got []string
	for _, g := range outletGroups(s) {
		var names []string
		for _, o := range g.Outlets {
			names = append(names, o.Text+"="+o.URL)
		}
		got = append(got, g.Lean+": "+strings.Join(names, ", "))
	}
	want := []string{
		"left: Civic Wire=https://civicwire.example/own, Eastpoint Post=https://eastpointpost.example/a",
		"center-left: Valley Courier=https://valleycourier.example/a",
		"center: Harbour Gazette=https://harbourgazette.example/a",
		"right: Meridian Daily=https://meridiandaily.example/a",
		": Tarrow Bulletin=https://tarrowbulletin.example/a",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestShrink(t *testing.T) {
	m, err := BriefMessage("News digest", testseed.Digest(20, time.Now()), BriefOptions{MaxStories: 9, NoImage: true})
	if err != nil {
		t.Fatal(err)
	}
	one, _ := Shrink(m, 1)
	for i, s := range one.Sections {
		if strings.Contains(s.Text, "\n") {
			t.Errorf("step 1, story %d keeps two sentences", i+1)
		}
	}
	if m.Sections[0].Text == one.Sections[0].Text && strings.Contains(m.Sections[0].Text, "\n") {
		t.Errorf("Shrink changed nothing")
	}
	if !strings.Contains(m.Sections[0].Text, "\n") && !strings.Contains(m.Sections[1].Text, "\n") {
		t.Errorf("fixture has no two-sentence summaries")
	}
	two, _ := Shrink(m, 2)
	for _, s := range two.Sections {
		for _, g := range s.Outlets {
			if len(g.Outlets) > shrinkOutlets+1 {
				t.Errorf("step 2 keeps %d outlets in a group", len(g.Outlets))
			}
		}
	}
	three, _ := Shrink(m, 3)
	for _, s := range three.Sections {
		if s.Framing != "" {
			t.Errorf("step 3 keeps a framing line")
		}
	}
	five, ok := Shrink(m, 5)
	if !ok || len(five.Sections) != 7 || len(five.Thread) != 7 || !strings.Contains(five.Text, "2 more not shown here") {
		t.Errorf("step 5: ok %v, %d stories, %d details, text %q", ok, len(five.Sections), len(five.Thread), five.Text)
	}
	if _, ok := Shrink(m, 3+9); ok {
		t.Errorf("dropping every story reported ok")
	}
	if m.Sections[0].Framing == "" && three.Sections[0].Framing != "" {
		t.Errorf("Shrink modified its input")
	}
	if len(m.Sections) != 9 {
		t.Errorf("Shrink modified its input's stories")
	}
}

// digestOf is a digest of n invented stories.
func digestOf(n int) digest.Digest {
	return testseed.Digest(n, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
}
