package console

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/bot"
)

func TestRender(t *testing.T) {
	m := bot.Message{
		Title: "News digest",
		Text:  "2 stories.",
		Sections: []bot.Section{{
			Heading: "Bridge *reopens* [again]",
			URL:     "https://lakeside.example/bridge",
			Text:    "Covered by Lakeside Post.\nThe bridge reopened.",
			Fields:  []bot.Field{{Name: "Lakeside Post", Value: "reporting · tone neutral", URL: "https://lakeside.example/bridge"}},
			Update:  true,
		}},
	}
	tests := []struct {
		format Format
		want   []string
	}{
		{Text, []string{"News digest\n===========\n", "1. [update] Bridge *reopens* [again]\n", "   The bridge reopened.\n", "   - Lakeside Post: reporting · tone neutral\n"}},
		{Markdown, []string{"# News digest\n", `## Update: [Bridge \*reopens\* \[again\]](https://lakeside.example/bridge)`, "- [**Lakeside Post**](https://lakeside.example/bridge): reporting · tone neutral\n"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			var b bytes.Buffer
			if _, err := New(&b, tt.format).Post(context.Background(), bot.Channel{}, "d1", m); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
		})
	}
}

func TestPostHonoursCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if _, err := New(&b, Text).Post(ctx, bot.Channel{}, "d1", bot.Message{Text: "x"}); err == nil || b.Len() != 0 {
		t.Errorf("post after cancel: err %v, wrote %q", err, b.String())
	}
}

func TestRenderBrief(t *testing.T) {
	m := bot.Message{
		Title: "News digest",
		Text:  "Top 1 of 3 stories.",
		Brief: true,
		Image: &bot.Image{Name: "digest.png", Alt: "Coverage by outlet lean"},
		Sections: []bot.Section{{
			Heading: "Ferry adds night runs",
			URL:     "https://civicwire.example/ferry",
			Text:    "The ferry adds two night crossings.",
			Outlets: []bot.OutletGroup{
				{Lean: "left", Outlets: []bot.Link{{Text: "Civic Wire", URL: "https://civicwire.example/ferry"}}},
				{Outlets: []bot.Link{{Text: "Tarrow Bulletin", URL: "https://tarrow.example/f"}, {Text: "+2 more"}}},
			},
			Framing:   "Left: «Ferry adds night runs» · Right: «Ferry gamble»",
			Blindspot: "no coverage yet from outlets you rated right",
		}},
	}
	tests := []struct {
		format Format
		want   []string
	}{
		{Text, []string{"1. Ferry adds night runs", "   Left: Civic Wire · Unrated: Tarrow Bulletin, +2 more", "   Framing: Left: «Ferry adds night runs»", "   Blindspot: no coverage"}},
		{Markdown, []string{"![Coverage by outlet lean](digest.png)", "Left: [Civic Wire](https://civicwire.example/ferry) · Unrated: [Tarrow Bulletin](https://tarrow.example/f), +2 more",
			"> Left: «Ferry adds night runs» · Right: «Ferry gamble»", "**Blindspot:** no coverage"}},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		if err := Render(&b, tc.format, m); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s lacks %q:\n%s", tc.format, w, b.String())
			}
		}
	}
	// Posted to a terminal, a picture has nowhere to go: no dangling link.
	var b bytes.Buffer
	if _, err := New(&b, Markdown).Post(context.Background(), bot.Channel{}, "", m); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "digest.png") {
		t.Errorf("the console links a picture it never wrote:\n%s", b.String())
	}
}
