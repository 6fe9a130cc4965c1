package slack

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsdigest/newsdigest/bot"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		text string
		want bot.Command
	}{
		{"", bot.Command{Name: "help"}},
		{"  help ", bot.Command{Name: "help"}},
		{"digest", bot.Command{Name: "digest"}},
		{"digest 6h ukraine talks", bot.Command{Name: "digest", Args: map[string]string{"since": "6h", "topic": "ukraine talks"}}},
		{"Digest 2D", bot.Command{Name: "digest", Args: map[string]string{"since": "2d"}}},
		{"digest 1h30m", bot.Command{Name: "digest", Args: map[string]string{"since": "1h30m"}}},
		{"digest ukraine talks", bot.Command{Name: "digest", Args: map[string]string{"topic": "ukraine talks"}}},
		{"digest 2024 budget", bot.Command{Name: "digest", Args: map[string]string{"topic": "2024 budget"}}},
		{"digest 6h rock &amp; roll", bot.Command{Name: "digest", Args: map[string]string{"since": "6h", "topic": "rock & roll"}}},
		{"story water  bill", bot.Command{Name: "story", Args: map[string]string{"query": "water bill"}}},
		{"framing <https://news.example/a?x=1&amp;y=2>", bot.Command{Name: "framing", Args: map[string]string{"url": "https://news.example/a?x=1&y=2"}}},
		{"why <https://news.example/a|news.example/a>", bot.Command{Name: "why", Args: map[string]string{"url": "https://news.example/a"}}},
		{"feeds", bot.Command{Name: "feeds", Sub: "list"}},
		{"feeds list", bot.Command{Name: "feeds", Sub: "list"}},
		{"feeds add <https://x.example/feed.xml> Name lean=center", bot.Command{Name: "feeds", Sub: "add",
			Args: map[string]string{"url": "https://x.example/feed.xml", "name": "Name", "lean": "center"}}},
		{"feeds add https://x.example/feed.xml The Daily Ledger", bot.Command{Name: "feeds", Sub: "add",
			Args: map[string]string{"url": "https://x.example/feed.xml", "name": "The Daily Ledger"}}},
		{"feeds add https://x.example/feed.xml LEAN=Left", bot.Command{Name: "feeds", Sub: "add",
			Args: map[string]string{"url": "https://x.example/feed.xml", "lean": "left"}}},
		{"feeds add https://x.example/cols.xml Harbour Columns lean=right genre=Opinion", bot.Command{Name: "feeds", Sub: "add",
			Args: map[string]string{"url": "https://x.example/cols.xml", "name": "Harbour Columns", "lean": "right", "genre": "opinion"}}},
		{"feeds remove 12", bot.Command{Name: "feeds", Sub: "remove", Args: map[string]string{"feed": "12"}}},
		{"feeds remove Daily Ledger", bot.Command{Name: "feeds", Sub: "remove", Args: map[string]string{"feed": "Daily Ledger"}}},
		{"schedule", bot.Command{Name: "schedule", Sub: "show"}},
		{"schedule show", bot.Command{Name: "schedule", Sub: "show"}},
		{"schedule off", bot.Command{Name: "schedule", Sub: "off"}},
		{"schedule set 0 8 * * 1-5", bot.Command{Name: "schedule", Sub: "set", Args: map[string]string{"cron": "0 8 * * 1-5"}}},
		{"schedule set 0 8 * * 1-5 Europe/Berlin", bot.Command{Name: "schedule", Sub: "set",
			Args: map[string]string{"cron": "0 8 * * 1-5", "timezone": "Europe/Berlin"}}},
		{"schedule set @daily UTC", bot.Command{Name: "schedule", Sub: "set", Args: map[string]string{"cron": "@daily", "timezone": "UTC"}}},
		{"schedule set 0 8 * * 1-5 Europe/Berlin max_stories=4 detail=full image=off", bot.Command{Name: "schedule", Sub: "set",
			Args: map[string]string{"cron": "0 8 * * 1-5", "timezone": "Europe/Berlin", "max_stories": "4", "detail": "full", "image": "off"}}},
		{"schedule set image=false 0 8 * * *", bot.Command{Name: "schedule", Sub: "set", Args: map[string]string{"cron": "0 8 * * *", "image": "false"}}},
		{"schedule set MAX_STORIES=3", bot.Command{Name: "schedule", Sub: "set", Args: map[string]string{"max_stories": "3"}}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := parseText(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("parseText(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	for _, text := range []string{
		"frobnicate",
		"story",
		"framing",
		"framing a b",
		"why",
		"feeds add",
		"feeds add https://x.example/f lean=",
		"feeds add https://x.example/f genre=",
		"feeds remove",
		"feeds list extra",
		"feeds purge",
		"schedule set 0 8 * *",
		"schedule set 0 8 * * * UTC extra",
		"schedule set 0 8 * * * colour=blue",
		"schedule set detail=",
		"schedule set 0 8 * max_stories=3",
		"schedule off now",
		"schedule sometimes",
		strings.Repeat("digest ", 1000),
	} {
		if c, err := parseText(text); !errors.Is(err, ErrUsage) {
			t.Errorf("parseText(%.40q) = %+v, %v; want ErrUsage", text, c, err)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"", "help", "digest 6h ukraine talks", "story a b", "framing <https://a.example/x|a>",
		"feeds add <https://x.example/f.xml> N lean=center", "feeds remove 3", "schedule set 0 8 * * 1-5 Europe/Berlin",
		"schedule set @weekly", "why <https://a.example/?q=1&amp;r=2>", "digest 99999999999999999999h", "<<https://|>>",
		"feeds add https://x lean=a=b", "\xff\xfe digest",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c, err := parseText(text)
		if err != nil {
			if !errors.Is(err, ErrUsage) {
				t.Fatalf("error %v is not ErrUsage", err)
			}
			return
		}
		switch c.Name {
		case "help":
		case "digest":
			if s := c.Args["since"]; s != "" && !isPeriod(s) {
				t.Fatalf("since %q is not a period", s)
			}
		case "story":
			if c.Args["query"] == "" {
				t.Fatal("story without query")
			}
		case "framing", "why":
			if c.Args["url"] == "" || strings.ContainsAny(c.Args["url"], " \t\n") {
				t.Fatalf("url %q", c.Args["url"])
			}
		case "feeds":
			if c.Sub != "add" && c.Sub != "remove" && c.Sub != "list" {
				t.Fatalf("feeds sub %q", c.Sub)
			}
		case "schedule":
			if c.Sub == "set" && len(strings.Fields(c.Args["cron"])) != 5 && !strings.HasPrefix(c.Args["cron"], "@") {
				t.Fatalf("cron %q", c.Args["cron"])
			}
		default:
			t.Fatalf("unexpected command %q", c.Name)
		}
		for k, v := range c.Args {
			if v == "" {
				t.Fatalf("empty arg %q", k)
			}
			if utf8.ValidString(text) && !utf8.ValidString(v) {
				t.Fatalf("arg %q invalid UTF-8", k)
			}
		}
	})
}
