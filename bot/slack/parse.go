package slack

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

// ErrUsage says a command's text does not follow the command's grammar; the
// wrapped message says what is wrong.
var ErrUsage = errors.New("bad command")

// maxCommandText bounds the text parsed; Slack itself sends far less.
const maxCommandText = 4000

// slackLink matches the <https://…> and <https://…|label> forms Slack wraps
// around URLs a user types.
var slackLink = regexp.MustCompile(`<(https?://[^|<>\s]+)(?:\|[^<>]*)?>`)

// periodWord matches the short periods digest accepts first: 6h, 2d, 1w, 90m.
var periodWord = regexp.MustCompile(`^[0-9]+[smhdw]$`)

// parseText turns the text after /newsdigest into a command: Name, Sub and
// Args. Platform, scope, channel and user are for the caller to fill.
func parseText(text string) (bot.Command, error) {
	if len(text) > maxCommandText {
		return bot.Command{}, fmt.Errorf("%w: the command is longer than %d characters", ErrUsage, maxCommandText)
	}
	words := strings.Fields(unwrapLinks(text))
	if len(words) == 0 {
		return bot.Command{Name: "help"}, nil
	}
	name, rest := strings.ToLower(words[0]), words[1:]
	c := bot.Command{Name: name, Args: map[string]string{}}
	switch name {
	case "help":
	case "digest":
		if len(rest) > 0 && isPeriod(rest[0]) {
			c.Args["since"] = strings.ToLower(rest[0])
			rest = rest[1:]
		}
		if len(rest) > 0 {
			c.Args["topic"] = strings.Join(rest, " ")
		}
	case "story":
		if len(rest) == 0 {
			return bot.Command{}, fmt.Errorf("%w: story needs words to look for, as in story ukraine talks", ErrUsage)
		}
		c.Args["query"] = strings.Join(rest, " ")
	case "framing", "why":
		if len(rest) != 1 {
			return bot.Command{}, fmt.Errorf("%w: %s takes one article link, as in %s https://example.com/article", ErrUsage, name, name)
		}
		c.Args["url"] = rest[0]
	case "feeds":
		if err := parseFeeds(&c, rest); err != nil {
			return bot.Command{}, err
		}
	case "schedule":
		if err := parseSchedule(&c, rest); err != nil {
			return bot.Command{}, err
		}
	default:
		return bot.Command{}, fmt.Errorf("%w: there is no command %q; the commands are digest, story, framing, feeds, schedule, why and help", ErrUsage, words[0])
	}
	return c, nil
}

// parseFeeds reads feeds add <url> [name…] [lean=…] [genre=…] | remove <feed> | list.
func parseFeeds(c *bot.Command, rest []string) error {
	if len(rest) == 0 {
		c.Sub = "list"
		return nil
	}
	c.Sub = strings.ToLower(rest[0])
	rest = rest[1:]
	switch c.Sub {
	case "list":
		if len(rest) > 0 {
			return fmt.Errorf("%w: feeds list takes nothing after it", ErrUsage)
		}
	case "add":
		if len(rest) == 0 {
			return fmt.Errorf("%w: feeds add needs the feed's link, as in feeds add https://example.com/feed.xml Example lean=center genre=opinion", ErrUsage)
		}
		c.Args["url"] = rest[0]
		var name []string
		for _, w := range rest[1:] {
			if k, v, ok := strings.Cut(w, "="); ok && strings.EqualFold(k, "lean") {
				if v == "" {
					return fmt.Errorf("%w: lean= needs a value such as left, center or right", ErrUsage)
				}
				c.Args["lean"] = strings.ToLower(v)
				continue
			}
			if k, v, ok := strings.Cut(w, "="); ok && strings.EqualFold(k, "genre") {
				if v == "" {
					return fmt.Errorf("%w: genre= needs a value: reporting, opinion or analysis", ErrUsage)
				}
				c.Args["genre"] = strings.ToLower(v)
				continue
			}
			name = append(name, w)
		}
		if len(name) > 0 {
			c.Args["name"] = strings.Join(name, " ")
		}
	case "remove":
		if len(rest) == 0 {
			return fmt.Errorf("%w: feeds remove needs the feed's number or name from feeds list", ErrUsage)
		}
		c.Args["feed"] = strings.Join(rest, " ")
	default:
		return fmt.Errorf("%w: feeds takes add, remove or list, not %q", ErrUsage, clip(c.Sub))
	}
	return nil
}

// parseSchedule reads schedule set <5 cron fields> [timezone] | show | off.
func parseSchedule(c *bot.Command, rest []string) error {
	if len(rest) == 0 {
		c.Sub = "show"
		return nil
	}
	c.Sub = strings.ToLower(rest[0])
	rest = rest[1:]
	switch c.Sub {
	case "show", "off":
		if len(rest) > 0 {
			return fmt.Errorf("%w: schedule %s takes nothing after it", ErrUsage, c.Sub)
		}
	case "set":
		var err error
		if rest, err = styleOptions(c, rest); err != nil {
			return err
		}
		if len(rest) == 0 && len(c.Args) > 0 {
			return nil // settings only: schedule set max_stories=4
		}
		fields := 5
		if len(rest) > 0 && strings.HasPrefix(rest[0], "@") {
			fields = 1 // @daily, @every 6h is not supported: one word only
		}
		if len(rest) < fields || len(rest) > fields+1 {
			return fmt.Errorf("%w: schedule set needs five cron fields, an optional time zone and optional max_stories=, detail= and image=, as in schedule set 0 8 * * 1-5 Europe/Berlin max_stories=5", ErrUsage)
		}
		c.Args["cron"] = strings.Join(rest[:fields], " ")
		if len(rest) == fields+1 {
			c.Args["timezone"] = rest[fields]
		}
	default:
		return fmt.Errorf("%w: schedule takes set, show or off, not %q", ErrUsage, clip(c.Sub))
	}
	return nil
}

// styleOptions takes the key=value words of schedule set (max_stories,
// detail, image) out of rest into c.Args. A cron field or a time zone
// never holds "=", so any such word is an option.
func styleOptions(c *bot.Command, rest []string) ([]string, error) {
	var out []string
	for _, w := range rest {
		k, v, ok := strings.Cut(w, "=")
		if !ok {
			out = append(out, w)
			continue
		}
		k = strings.ToLower(k)
		if !slices.Contains(bot.StyleArgs, k) {
			return nil, fmt.Errorf("%w: schedule set takes max_stories=, detail= and image=, not %q", ErrUsage, clip(w))
		}
		if v == "" {
			return nil, fmt.Errorf("%w: %s= needs a value, as in max_stories=6, detail=full or image=off", ErrUsage, k)
		}
		c.Args[k] = v
	}
	return out, nil
}

// clip shortens a word quoted back in an error.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// isPeriod reports whether w looks like a period (6h, 2d, 1w, 1h30m)
// rather than the first word of a topic.
func isPeriod(w string) bool {
	w = strings.ToLower(w)
	if periodWord.MatchString(w) {
		return true
	}
	_, err := time.ParseDuration(w)
	return err == nil && strings.ContainsAny(w, "hms")
}

// unwrapLinks replaces Slack's <url|label> wrapping with the bare URL and
// undoes Slack's &amp; &lt; &gt; escaping of the text.
func unwrapLinks(s string) string {
	s = slackLink.ReplaceAllString(s, "$1")
	return unescapeSlack(s)
}

var slackUnescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

func unescapeSlack(s string) string { return slackUnescaper.Replace(s) }
