package discord

import (
	"encoding/hex"
	"encoding/json"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

func FuzzParseInteraction(f *testing.F) {
	f.Add([]byte(pingJSON))
	f.Add(slashJSON("1", "t", "32", "feeds", `[{"name":"add","type":1,"options":[{"name":"url","type":3,"value":"https://x"}]}]`))
	f.Add(slashJSON("1", "t", "0", "digest", `[{"name":"since","type":4,"value":12}]`))
	f.Add(slashJSON("1", "t", "0", "schedule", `[{"name":"set","type":1,"options":[{"name":"timezone","type":3,"value":"Eu","focused":true}]}]`))
	f.Add([]byte(`{"id":"1","type":3,"guild_id":"2","member":{"user":{"id":"4"},"permissions":"8"},"data":{"custom_id":"nd:sources:abc"}}`))
	f.Add([]byte(`{"type":2,"data":null}`))
	f.Add([]byte(`{"type":4,"guild_id":"1","member":{"user":null},"data":{"options":[null]}}`))
	f.Add([]byte(`{"type":5,"data":{"custom_id":"x","components":[]}}`))
	b, err := New(Options{ApplicationID: testAppID, PublicKey: hex.EncodeToString(testPub)}, &fakeHandler{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		in, err := parseInteraction(body)
		if err != nil {
			return
		}
		cmd, err := toCommand(in)
		if err == nil {
			if cmd.Platform != "discord" || cmd.Scope == "discord:" || cmd.UserID == "" || cmd.Name == "" {
				t.Errorf("accepted incomplete command %+v", cmd)
			}
			for k, v := range cmd.Args {
				if len(v) > maxOptionLen {
					t.Errorf("option %s of %d bytes accepted", k, len(v))
				}
			}
		}
		focusedOption(in)
		resp, _ := b.dispatch(t.Context(), in, time.Now())
		if _, err := json.Marshal(resp); err != nil {
			t.Errorf("response does not encode: %v", err)
		}
	})
}

func FuzzRender(f *testing.F) {
	f.Add("Headline", "Body text\nsecond line", "Outlet", "framing line", "https://example.org/a")
	f.Add("@everyone", "# x\n- y", "", "", "javascript:x")
	f.Add("a\\", "\\\\\\", "n\\", "\\`*_", "http://[::1]/")
	f.Fuzz(func(t *testing.T, heading, text, name, value, link string) {
		m := bot.Message{Title: heading, Text: text}
		for i := 0; i < 3; i++ {
			m.Sections = append(m.Sections, bot.Section{Heading: heading, URL: link, Text: text,
				Fields:  []bot.Field{{Name: name, Value: value, URL: link}},
				Actions: []bot.Action{{ID: "compare", Value: heading}}})
		}
		for _, p := range render(m) {
			raw, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			checkLimits(t, raw)
		}
	})
}
