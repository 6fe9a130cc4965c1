package slack

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/golden"
)

// sampleMessage is a small digest with the parts a real one has.
func sampleMessage() bot.Message {
	return bot.Message{
		Title: "Morning digest",
		Text:  "3 stories from Sun 22 Nov 06:00 to Sun 22 Nov 12:00 UTC.",
		Sections: []bot.Section{
			{
				Heading: "Parliament passes the water bill after a night session",
				URL:     "https://news.example/water-bill",
				Text:    "Covered by Daily Ledger, Morning Courier and Coast Radio.\nThe bill caps tariffs for three years. (Daily Ledger, Coast Radio)\nOpponents say the caps shift costs to later budgets. (Morning Courier)",
				Fields: []bot.Field{
					{Name: "Daily Ledger", URL: "https://ledger.example/w", Value: "economic consequences · quotes the minister"},
					{Name: "Morning Courier", URL: "https://courier.example/w", Value: "conflict · unnamed sources"},
					{Name: "Coast Radio", Value: "human interest"},
				},
				Balance: "balanced",
				Actions: []bot.Action{{ID: "compare", Label: "Compare framings", Value: "101"}, {ID: "sources", Label: "Sources", Value: "101"}},
			},
			{
				Heading: "Storm closes the harbour & ferries wait <for> news",
				URL:     "https://coast.example/storm?a=1&b=2",
				Text:    "Covered by Coast Radio.\nFerries stay in port until Tuesday.",
				Balance: "center",
				Update:  true,
				Actions: []bot.Action{{ID: "compare", Label: "Compare framings", Value: "102"}},
			},
			{
				Heading: "Council votes on the tram extension",
				Text:    "Covered by Daily Ledger.\nThe vote is on Thursday.",
			},
		},
	}
}

// bigMessage has more stories and text than one Slack message can hold.
func bigMessage(stories int) bot.Message {
	m := bot.Message{Title: "Weekly digest", Text: "A long week."}
	for i := range stories {
		var text strings.Builder
		for j := range 40 {
			fmt.Fprintf(&text, "Sentence %d of story %d says something about the harbour, the council and the budget.\n", j, i)
		}
		sec := bot.Section{
			Heading: fmt.Sprintf("Story number %d about the harbour", i),
			URL:     fmt.Sprintf("https://news.example/%d", i),
			Text:    text.String(),
			Balance: "left",
			Actions: []bot.Action{{ID: "compare", Label: "Compare framings", Value: fmt.Sprint(i)}},
		}
		for k := range 14 {
			sec.Fields = append(sec.Fields, bot.Field{Name: fmt.Sprintf("Outlet %d", k), Value: "conflict framing with a quote"})
		}
		m.Sections = append(m.Sections, sec)
	}
	return m
}

// blocksJSON turns rendered posts into the generic JSON Slack would get.
func blocksJSON(t *testing.T, posts []post) [][]map[string]any {
	t.Helper()
	var out [][]map[string]any
	for _, p := range posts {
		raw, err := json.Marshal(p.Blocks)
		if err != nil {
			t.Fatal(err)
		}
		var blocks []map[string]any
		if err := json.Unmarshal(raw, &blocks); err != nil {
			t.Fatal(err)
		}
		out = append(out, blocks)
	}
	return out
}

func str(v any) string { s, _ := v.(string); return s }

func textOf(v any) string {
	m, _ := v.(map[string]any)
	return str(m["text"])
}

// checkLimits fails t for any Block Kit limit one message's blocks break.
func checkLimits(t *testing.T, blocks []map[string]any) {
	t.Helper()
	if len(blocks) == 0 || len(blocks) > 50 {
		t.Errorf("%d blocks in one message, want 1..50", len(blocks))
	}
	for i, b := range blocks {
		switch b["type"] {
		case "header":
			txt, _ := b["text"].(map[string]any)
			if txt["type"] != "plain_text" || runes(str(txt["text"])) > 150 || str(txt["text"]) == "" {
				t.Errorf("block %d: header %v", i, txt)
			}
		case "section":
			if n := runes(textOf(b["text"])); n > 3000 {
				t.Errorf("block %d: section text of %d characters", i, n)
			}
			fields, _ := b["fields"].([]any)
			if len(fields) > 10 {
				t.Errorf("block %d: %d fields", i, len(fields))
			}
			for _, f := range fields {
				if n := runes(textOf(f)); n > 2000 {
					t.Errorf("block %d: field of %d characters", i, n)
				}
			}
			if b["text"] == nil && len(fields) == 0 {
				t.Errorf("block %d: empty section", i)
			}
		case "actions":
			els, _ := b["elements"].([]any)
			if len(els) == 0 || len(els) > 25 {
				t.Errorf("block %d: %d action elements", i, len(els))
			}
			for _, e := range els {
				em, _ := e.(map[string]any)
				if n := runes(textOf(em["text"])); n == 0 || n > 75 {
					t.Errorf("block %d: button text of %d characters", i, n)
				}
				if runes(str(em["value"])) > 2000 || runes(str(em["action_id"])) > 255 {
					t.Errorf("block %d: button %v", i, em)
				}
			}
		case "context":
			els, _ := b["elements"].([]any)
			if len(els) == 0 || len(els) > 10 {
				t.Errorf("block %d: %d context elements", i, len(els))
			}
		case "divider":
		default:
			t.Errorf("block %d: unexpected type %v", i, b["type"])
		}
	}
}

// allText joins the text of every block, for content checks.
func allText(blocks []map[string]any) string { return collectText(blocks, false) }

// mrkdwnText joins the text of the mrkdwn text objects only: plain_text
// (headers, buttons) is shown literally and cannot ping or link.
func mrkdwnText(blocks []map[string]any) string { return collectText(blocks, true) }

func collectText(blocks []map[string]any, mrkdwnOnly bool) string {
	raw, _ := json.Marshal(blocks)
	var sb strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["text"].(string); ok && (!mrkdwnOnly || v["type"] == "mrkdwn") {
				sb.WriteString(s + "\n")
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	var generic any
	_ = json.Unmarshal(raw, &generic)
	walk(generic)
	return sb.String()
}

func TestRenderWithinLimits(t *testing.T) {
	long := strings.Repeat("word ", 2000) + "https://example.com/" + strings.Repeat("a", 4000)
	for name, m := range map[string]bot.Message{
		"sample":     sampleMessage(),
		"big":        bigMessage(12),
		"long title": {Title: strings.Repeat("Very long title ", 20), Text: long},
		"long field": {Sections: []bot.Section{{Heading: "h", Fields: []bot.Field{{Name: "n", Value: long}}}}},
		"many fields and buttons": {Sections: []bot.Section{{Heading: "h", Fields: make([]bot.Field, 33),
			Actions: []bot.Action{{ID: "compare", Label: strings.Repeat("Compare the framings ", 10), Value: "1"}}}}},
		"empty": {},
	} {
		t.Run(name, func(t *testing.T) {
			posts := render(m)
			if len(posts) == 0 {
				t.Fatal("no posts")
			}
			for _, blocks := range blocksJSON(t, posts) {
				if len(blocks) == 0 && name == "empty" {
					continue
				}
				checkLimits(t, blocks)
			}
		})
	}
}

func TestRenderSplitsWithoutLosingWords(t *testing.T) {
	m := bigMessage(12)
	posts := render(m)
	if len(posts) < 3 {
		t.Fatalf("%d posts, want the digest split", len(posts))
	}
	if posts[0].Reply || !posts[len(posts)-1].Reply {
		t.Errorf("want the overview first and the stories as thread replies")
	}
	var text strings.Builder
	for _, blocks := range blocksJSON(t, posts) {
		checkLimits(t, blocks)
		text.WriteString(allText(blocks))
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(text.String()) {
		words[w] = true
	}
	for _, s := range m.Sections {
		for _, w := range strings.Fields(s.Text) {
			if !words[escape(w)] {
				t.Fatalf("word %q of story %q is missing or cut", w, s.Heading)
			}
		}
		if !strings.Contains(text.String(), s.Heading) {
			t.Errorf("story %q missing", s.Heading)
		}
	}
}

func TestRenderEscapesArticleText(t *testing.T) {
	m := bot.Message{
		Title: "<!channel> title",
		Text:  "intro <!here> & more",
		Sections: []bot.Section{{
			Heading: "Breaking <!channel> news <http://evil.example|x>",
			URL:     "https://news.example/a?x=1&y=<2>|z",
			Text:    "Click <http://evil.example|here> or <@U123> <!subteam^S1>",
			Fields:  []bot.Field{{Name: "<!everyone>", URL: "javascript:alert(1)", Value: "<https://evil.example>"}},
		}},
	}
	blocks := blocksJSON(t, render(m))[0]
	out := mrkdwnText(blocks)
	if h, _ := blocks[0]["text"].(map[string]any); blocks[0]["type"] != "header" || h["type"] != "plain_text" {
		t.Errorf("title block = %v, want a plain_text header", blocks[0])
	}
	for _, bad := range []string{"<!channel>", "<!here>", "<http://evil", "<@U123>", "<!subteam", "<!everyone>", "javascript:", "<https://evil"} {
		if strings.Contains(out, bad) {
			t.Errorf("rendered text contains %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{"&lt;!channel&gt;", "&lt;http://evil.example|x&gt;", "<https://news.example/a?x=1&amp;y=%3C2%3E%7Cz|Breaking"} {
		if !strings.Contains(out, want) {
			t.Errorf("rendered text lacks %q:\n%s", want, out)
		}
	}
}

func TestActionIDRoundTrip(t *testing.T) {
	for _, id := range []string{"compare", "sources"} {
		got, ok := parseActionID(actionID(id, 3, 1))
		if !ok || got != id {
			t.Errorf("parseActionID(actionID(%q)) = %q, %v", id, got, ok)
		}
	}
	for _, bad := range []string{"", "compare", "other:compare:1.0", "newsdigest::1"} {
		if _, ok := parseActionID(bad); ok {
			t.Errorf("parseActionID(%q) accepted", bad)
		}
	}
}

func TestRenderGolden(t *testing.T) {
	golden.CheckJSON(t, filepath.Join("testdata", "sample_digest.golden"), render(sampleMessage()))
}

func TestRenderHugeHeadingKeepsMarkupWhole(t *testing.T) {
	heading := strings.Repeat("enormous headline ", 400)
	m := bot.Message{Sections: []bot.Section{{Heading: heading, URL: "https://news.example/x", Text: "body"}}}
	for _, blocks := range blocksJSON(t, render(m)) {
		checkLimits(t, blocks)
		for _, b := range blocks {
			txt := textOf(b["text"])
			if strings.Count(txt, "<") != strings.Count(txt, ">") {
				t.Errorf("unbalanced link markup in %.80q…", txt)
			}
		}
	}
}
