package slack

import (
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/bot"
)

// FuzzRender feeds article text from anywhere into the renderer: whatever it
// is, every post must respect Block Kit's limits and no mention or link
// markup may come from the text.
func FuzzRender(f *testing.F) {
	f.Add("Headline <!channel>", "https://a.example/x?a=1&b=2", "Body <http://evil|x> & more\nsecond line", "Outlet", "value", 3)
	f.Add("", "", "", "", "", 0)
	f.Add(strings.Repeat("&", 5000), "javascript:x", strings.Repeat("word ", 3000), strings.Repeat("n", 3000), strings.Repeat("&lt;", 900), 12)
	f.Fuzz(func(t *testing.T, heading, url, text, fieldName, fieldValue string, copies int) {
		copies = max(0, min(copies, 20))
		m := bot.Message{Title: heading, Text: text}
		for range copies {
			m.Sections = append(m.Sections, bot.Section{
				Heading: heading, URL: url, Text: text,
				Fields:  []bot.Field{{Name: fieldName, Value: fieldValue, URL: url}},
				Actions: []bot.Action{{ID: "compare", Label: heading, Value: "1"}},
			})
		}
		for _, blocks := range blocksJSON(t, render(m)) {
			if len(blocks) == 0 {
				continue
			}
			checkLimits(t, blocks)
			md := mrkdwnText(blocks)
			for _, bad := range []string{"<!", "<@", "<#"} {
				if strings.Contains(md, bad) {
					t.Fatalf("mrkdwn contains %q: %q", bad, md)
				}
			}
		}
	})
}
