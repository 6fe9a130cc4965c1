package discord

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/golden"
)

// sampleMessage is a small digest written for these tests.
func sampleMessage() bot.Message {
	return bot.Message{
		Title: "Morning digest: 3 stories from 5 outlets",
		Text:  "Stories since 08:00 UTC, ranked by how many outlets covered them.",
		Sections: []bot.Section{
			{
				Heading: "City council approves new tram line after long debate",
				URL:     "https://news.example.org/tram-line",
				Text:    "The council voted 31 to 12 for a tram line linking the harbour to the university.\nConstruction is planned to start next spring.",
				Balance: "balanced",
				Fields: []bot.Field{
					{Name: "Harbour Herald (center)", Value: "reporting · economic frame · neutral tone: \"the project will cost 410 million\"", URL: "https://harbour.example.com/a/1"},
					{Name: "Daily Ledger (right)", Value: "opinion · capacity frame · anti: cue loaded_language \"a reckless vanity project\"", URL: "https://ledger.example.net/2"},
					{Name: "The Commons (left)", Value: "analysis · quality of life frame · pro: \"cleaner air for 40,000 commuters\"", URL: "https://commons.example.org/3"},
				},
				Actions: []bot.Action{{ID: "compare", Value: "st_101"}, {ID: "sources", Value: "st_101"}},
			},
			{
				Heading: "@everyone **Breaking**: storm <@123> closes [ports](https://evil.example)",
				URL:     "javascript:alert(1)",
				Text:    "# Not a heading\n- not a list\n1. not numbered\nWinds reached 120 km/h; two ferries were cancelled.",
				Balance: "left",
				Update:  true,
				Fields: []bot.Field{
					{Name: "Coastal Wire", Value: "reporting · health and safety frame · hedge \"may reopen\"", URL: "https://wire.example.com/storm?id=(7)"},
				},
				Actions: []bot.Action{{ID: "compare", Value: "st_102"}},
			},
			{
				Heading: "Chip maker opens research centre",
				Text:    "Only one outlet covered this.",
				Fields:  []bot.Field{{Name: "Tech Weekly", Value: "reporting · economic frame · neutral"}},
			},
		},
	}
}

func TestRenderGolden(t *testing.T) {
	parts := render(sampleMessage())
	got, err := json.MarshalIndent(parts, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		raw, _ := json.Marshal(p)
		checkLimits(t, raw)
	}
	golden.Check(t, filepath.Join("testdata", "sample_digest.golden"), append(got, '\n'))
}

func TestRenderEscapesInjection(t *testing.T) {
	parts := render(sampleMessage())
	raw, _ := json.Marshal(parts)
	s := string(raw)
	for _, bad := range []string{"@everyone", "<@123>", "[ports](https://evil", "javascript:"} {
		if strings.Contains(s, bad) {
			t.Errorf("rendered output contains %q unescaped", bad)
		}
	}
}

// bigMessage has more text than one message can hold, built from numbered
// words so a test can tell whether any word was cut or lost.
func bigMessage(sections, fields, descWords, valueWords int) (bot.Message, []string) {
	var words []string
	next := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			w := fmt.Sprintf("w%05d", len(words))
			words = append(words, w)
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		return b.String()
	}
	m := bot.Message{Title: "Large digest"}
	for s := 0; s < sections; s++ {
		sec := bot.Section{Heading: fmt.Sprintf("Story %d", s), Text: next(descWords), Balance: "center",
			Actions: []bot.Action{{ID: "compare", Value: fmt.Sprintf("s%d", s)}, {ID: "sources", Value: fmt.Sprintf("s%d", s)}}}
		for f := 0; f < fields; f++ {
			sec.Fields = append(sec.Fields, bot.Field{Name: fmt.Sprintf("Outlet %d", f), Value: next(valueWords), URL: fmt.Sprintf("https://outlet%d.example.com/article/%d", f, s)})
		}
		m.Sections = append(m.Sections, sec)
	}
	return m, words
}

var wordRE = regexp.MustCompile(`w\d+`)

func TestRenderSplitsWithinLimits(t *testing.T) {
	tests := []struct {
		name                                    string
		sections, fields, descWords, valueWords int
		wantAtLeast                             int
	}{
		{"many stories", 14, 3, 40, 10, 2},
		{"long summaries", 4, 2, 900, 10, 2},
		{"many long fields", 2, 25, 10, 100, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, words := bigMessage(tc.sections, tc.fields, tc.descWords, tc.valueWords)
			parts := render(m)
			if len(parts) < tc.wantAtLeast {
				t.Fatalf("got %d messages, want at least %d", len(parts), tc.wantAtLeast)
			}
			var seen []string
			for _, p := range parts {
				raw, _ := json.Marshal(p)
				checkLimits(t, raw)
				for _, e := range p.Embeds {
					seen = append(seen, wordRE.FindAllString(e.Description, -1)...)
					for _, f := range e.Fields {
						seen = append(seen, wordRE.FindAllString(f.Value, -1)...)
						if strings.Count(f.Value, "](") != strings.Count(f.Value, "https://") {
							t.Errorf("link cut in field value %q", f.Value)
						}
					}
				}
			}
			if strings.Join(seen, " ") != strings.Join(words, " ") {
				t.Errorf("words lost, cut or reordered: saw %d of %d", len(seen), len(words))
			}
		})
	}
}

func TestSplitText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int
		want  []string
	}{
		{"fits", "one two", 10, []string{"one two"}},
		{"at space", "one two three", 8, []string{"one two", "three"}},
		{"prefers newline", "aaaa bb\ncc dd", 10, []string{"aaaa bb", "cc dd"}},
		{"long word cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"no cut after backslash", `abc\*def`, 4, []string{"abc", `\*de`, "f"}},
		{"unicode counted as characters", "äöü äöü", 3, []string{"äöü", "äöü"}},
		{"empty", "   ", 5, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitText(tc.in, tc.limit)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("splitText(%q, %d) = %q, want %q", tc.in, tc.limit, got, tc.want)
			}
		})
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"**bold** _it_", `\*\*bold\*\* \_it\_`},
		{"@everyone look", "@\u200beveryone look"},
		{"<@123> hi", `\<@123\> hi`},
		{"[x](http://y)", `\[x\](http://y)`},
		{"# head\n- item\n2. two", "\\# head\n\\- item\n2\\. two"},
		{"a\r\nb\x00c", "a\nbc"},
	}
	for _, tc := range tests {
		if got := escapeMarkdown(tc.in); got != tc.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTruncateWords(t *testing.T) {
	got, cut := truncateWords("a headline that is rather long", 16)
	if !cut || got != "a headline that…" {
		t.Errorf("got %q %v", got, cut)
	}
	if got, cut := truncateWords("short", 16); cut || got != "short" {
		t.Errorf("got %q %v", got, cut)
	}
}

func TestRenderPlainText(t *testing.T) {
	parts := render(bot.Message{Text: "Feed added: *Example*", Ephemeral: true})
	if len(parts) != 1 || parts[0].Content != `Feed added: \*Example\*` || parts[0].Flags != 64 || len(parts[0].Embeds) != 0 {
		t.Fatalf("got %+v", parts)
	}
}

// TestRenderCeiling: however long a message, it becomes at most maxParts
// messages; what is shown is the beginning, in order, and the last part
// says how many were left out.
func TestRenderCeiling(t *testing.T) {
	m, words := bigMessage(2, 40, 10, 400)
	parts := render(m)
	if len(parts) != maxParts {
		t.Fatalf("got %d messages, want the ceiling, %d", len(parts), maxParts)
	}
	var seen []string
	for _, p := range parts {
		raw, _ := json.Marshal(p)
		checkLimits(t, raw)
		for _, e := range p.Embeds {
			seen = append(seen, wordRE.FindAllString(e.Description, -1)...)
			for _, f := range e.Fields {
				seen = append(seen, wordRE.FindAllString(f.Value, -1)...)
			}
		}
	}
	if len(seen) == 0 || len(seen) >= len(words) || strings.Join(seen, " ") != strings.Join(words[:len(seen)], " ") {
		t.Errorf("shown words are not the message's beginning: %d of %d", len(seen), len(words))
	}
	if !strings.Contains(parts[maxParts-1].Content, "more messages not shown") {
		t.Errorf("last part %q does not say more were cut", parts[maxParts-1].Content)
	}
	short := render(bot.Message{Text: "one line", Ephemeral: true})
	if len(short) != 1 || short[0].Content != "one line" {
		t.Errorf("a short answer became %+v", short)
	}
}
