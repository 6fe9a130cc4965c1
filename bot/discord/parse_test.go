package discord

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

func TestCustomIDRoundTrip(t *testing.T) {
	tests := []struct {
		action, value string
		ok            bool
	}{
		{"compare", "st_101", true},
		{"sources", "a:b:c", true}, // the value may itself contain colons
		{"Compare", "x", false},
		{"", "x", false},
		{"compare", strings.Repeat("9", 100), false},
	}
	for _, tc := range tests {
		id, err := encodeCustomID(tc.action, tc.value)
		if (err == nil) != tc.ok {
			t.Errorf("encode(%q, %q) err = %v", tc.action, tc.value, err)
			continue
		}
		if !tc.ok {
			continue
		}
		action, value, err := decodeCustomID(id)
		if err != nil || action != tc.action || value != tc.value {
			t.Errorf("decode(%q) = %q %q %v", id, action, value, err)
		}
	}
	for _, bad := range []string{"", "nd:", "nd:compare", "nd:compare:", "xx:compare:1", "nd:COMP:1"} {
		if _, _, err := decodeCustomID(bad); err == nil {
			t.Errorf("decode(%q) accepted", bad)
		}
	}
}

func TestSubcommandsAndOptionValues(t *testing.T) {
	in, err := parseInteraction(slashJSON("1", "t", "0", "schedule",
		`[{"name":"set","type":1,"options":[{"name":"cron","type":3,"value":"0 8 * * 1-5"},{"name":"timezone","type":3,"value":"Europe/Berlin"}]}]`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := toCommand(in)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "schedule" || c.Sub != "set" || c.Args["cron"] != "0 8 * * 1-5" || c.Args["timezone"] != "Europe/Berlin" {
		t.Errorf("command %+v", c)
	}
	in, _ = parseInteraction(slashJSON("1", "t", "0", "schedule",
		`[{"name":"set","type":1,"options":[{"name":"max_stories","type":4,"value":4},{"name":"detail","type":3,"value":"full"},{"name":"image","type":5,"value":false}]}]`))
	c, err = toCommand(in)
	if err != nil || c.Sub != "set" || c.Args["max_stories"] != "4" || c.Args["detail"] != "full" || c.Args["image"] != "false" || c.Args["cron"] != "" {
		t.Errorf("schedule set style options: %+v %v", c.Args, err)
	}
	in, _ = parseInteraction(slashJSON("1", "t", "0", "digest", `[{"name":"since","type":4,"value":12},{"name":"topic","type":5,"value":true}]`))
	c, err = toCommand(in)
	if err != nil || c.Args["since"] != "12" || c.Args["topic"] != "true" {
		t.Errorf("non-string options: %+v %v", c.Args, err)
	}
	in, _ = parseInteraction(slashJSON("1", "t", "0", "story", `[{"name":"query","type":3,"value":"`+strings.Repeat("x", maxOptionLen+1)+`"}]`))
	if _, err := toCommand(in); err == nil {
		t.Errorf("over-long option accepted")
	}
}

type completingHandler struct{ fakeHandler }

func (*completingHandler) Complete(ctx context.Context, c bot.Command, option, typed string) []string {
	if c.Name != "feeds" || c.Sub != "remove" || option != "feed" {
		return nil
	}
	var out []string
	for i := range 40 {
		out = append(out, "feed-"+typed+string(rune('a'+i%26)))
	}
	return append(out, strings.Repeat("x", 101))
}

func TestAutocomplete(t *testing.T) {
	autocomplete := func(h Handler, sub, option, typed string) []choice {
		b := newTestBot(t, nil, h)
		in, err := parseInteraction([]byte(`{"id":"1","type":4,"token":"t","guild_id":"2","channel_id":"3","member":{"user":{"id":"4"},"permissions":"0"},
"data":{"name":"` + map[string]string{"remove": "feeds", "set": "schedule", "": "digest"}[sub] + `","type":1,"options":` + optionsJSON(sub, option, typed) + `}}`))
		if err != nil {
			t.Fatal(err)
		}
		return b.complete(t.Context(), in)
	}
	if got := autocomplete(&fakeHandler{}, "", "since", "2"); len(got) != 1 || got[0].Value != "24h" {
		t.Errorf("since: %v", got)
	}
	if _, err := time.LoadLocation("America/Argentina/Cordoba"); err != nil {
		t.Logf("no time zone database here (%v); skipping the full-name case", err)
	} else if got := autocomplete(&fakeHandler{}, "set", "timezone", "America/Argentina/Cordoba"); len(got) == 0 || got[0].Value != "America/Argentina/Cordoba" {
		t.Errorf("a valid zone typed in full is offered first: %v", got)
	}
	if got := autocomplete(&fakeHandler{}, "remove", "feed", "x"); len(got) != 0 {
		t.Errorf("a handler without Complete offers %v", got)
	}
	got := autocomplete(&completingHandler{}, "remove", "feed", "x")
	if len(got) != maxChoices {
		t.Errorf("%d choices, want the first %d", len(got), maxChoices)
	}
	for _, c := range got {
		if runeLen(c.Value) > maxChoiceLen {
			t.Errorf("choice of %d characters", runeLen(c.Value))
		}
	}
}

func optionsJSON(sub, option, typed string) string {
	focused := `{"name":"` + option + `","type":3,"value":"` + typed + `","focused":true}`
	if sub == "" {
		return "[" + focused + "]"
	}
	return `[{"name":"` + sub + `","type":1,"options":[` + focused + `]}]`
}
