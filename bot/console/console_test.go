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
