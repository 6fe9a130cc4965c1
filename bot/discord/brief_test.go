package discord

import (
	"bytes"
	"encoding/json"
	"image/png"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/golden"
	"github.com/newsdigest/newsdigest/internal/testseed"
)

// briefJSON is the part of a posted message the brief tests read.
type briefJSON struct {
	Embeds []struct {
		Title       string `json:"title"`
		URL         string `json:"url"`
		Description string `json:"description"`
		Image       *struct {
			URL string `json:"url"`
		} `json:"image"`
	} `json:"embeds"`
	Attachments []struct {
		ID          int    `json:"id"`
		Filename    string `json:"filename"`
		Description string `json:"description"`
	} `json:"attachments"`
	Components []struct {
		Components []struct {
			Label    string `json:"label"`
			CustomID string `json:"custom_id"`
		} `json:"components"`
	} `json:"components"`
	Flags int `json:"flags"`
}

// rawURL finds a URL that is not the target of a markdown link.
var rawURL = regexp.MustCompile(`(^|[^(])https?://`)

// checkBrief asserts what every brief digest post must be: within limits,
// the PNG uploaded and shown by the first embed with alt text, a Framing
// button per story carrying the story id, and no raw URL in the text.
func checkBrief(t *testing.T, rec recorded, m bot.Message) briefJSON {
	t.Helper()
	checkLimits(t, rec.Body)
	var got briefJSON
	if err := json.Unmarshal(rec.Body, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Embeds) != 1+len(m.Sections) && len(got.Embeds) != limitEmbeds {
		t.Errorf("%d embeds for %d stories", len(got.Embeds), len(m.Sections))
	}
	if m.Image != nil {
		if len(rec.Files) != 1 || !bytes.Equal(rec.Files[0].Data, m.Image.PNG) || rec.Files[0].ContentType != "image/png" {
			t.Fatalf("the PNG did not arrive: %d files", len(rec.Files))
		}
		if _, err := png.Decode(bytes.NewReader(rec.Files[0].Data)); err != nil {
			t.Errorf("uploaded file is not a PNG: %v", err)
		}
		if len(got.Attachments) != 1 || got.Attachments[0].ID != 0 || got.Attachments[0].Filename != rec.Files[0].Name ||
			got.Attachments[0].Description == "" || len([]rune(got.Attachments[0].Description)) > 1024 {
			t.Errorf("attachments %+v for file %q", got.Attachments, rec.Files[0].Name)
		}
		if got.Embeds[0].Image == nil || got.Embeds[0].Image.URL != "attachment://"+rec.Files[0].Name {
			t.Errorf("the first embed does not show the attachment: %+v", got.Embeds[0].Image)
		}
	}
	ids := map[string]bool{}
	for _, row := range got.Components {
		for _, b := range row.Components {
			ids[b.CustomID] = true
			if !strings.Contains(b.Label, "Framing") {
				t.Errorf("button %q", b.Label)
			}
		}
	}
	for _, s := range m.Sections[:len(got.Embeds)-1] {
		for _, a := range s.Actions {
			if !ids["nd:"+a.ID+":"+a.Value] {
				t.Errorf("no button for story %s (%s)", a.Value, s.Heading)
			}
		}
	}
	for i, e := range got.Embeds {
		if rawURL.MatchString(e.Description) {
			t.Errorf("embed %d shows a raw URL: %s", i, e.Description)
		}
	}
	return got
}

func TestBriefDigestOfTwentyStoriesIsOneMessage(t *testing.T) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	for _, max := range []int{0, bot.MaxBriefStories} {
		m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{MaxStories: max})
		if err != nil {
			t.Fatal(err)
		}
		fake := newFakeDiscord(t)
		b := newTestBot(t, fake, &fakeHandler{})
		ids, err := b.Post(t.Context(), testChannel, "delivery-brief", m)
		if err != nil {
			t.Fatal(err)
		}
		posts := fake.requests("/channels/333/messages")
		if len(posts) != 1 || len(ids) != 1 {
			t.Fatalf("max_stories %d: %d posts, %d ids; want one message", max, len(posts), len(ids))
		}
		got := checkBrief(t, posts[0], m)
		want := bot.DefaultMaxStories
		if max > 0 {
			want = max
		}
		if len(got.Embeds) != want+1 {
			t.Errorf("max_stories %d: %d embeds, want %d stories and the header", max, len(got.Embeds), want)
		}
		if !strings.Contains(got.Embeds[0].Description, "of 20 stories") {
			t.Errorf("header does not say how many stories there were: %q", got.Embeds[0].Description)
		}
	}
}

// TestBriefShrinksToFit gives the brief stories far too long for one
// message; it must still be one message within every limit.
func TestBriefShrinksToFit(t *testing.T) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	for i := range d.Stories {
		d.Stories[i].Title = strings.Repeat("Very long headline about a council decision ", 8)
		d.Stories[i].Summary = []string{strings.Repeat("A sentence that goes on and on about the budget. ", 12), "Short."}
	}
	m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{MaxStories: bot.MaxBriefStories})
	if err != nil {
		t.Fatal(err)
	}
	parts := render(m)
	if len(parts) != 1 {
		t.Fatalf("%d messages, want 1", len(parts))
	}
	raw, _ := json.Marshal(parts[0])
	checkLimits(t, raw)
	if !fitsOne(parts[0]) {
		t.Errorf("over the limits")
	}
}

func TestBriefEmbedShowsOutletsAndFraming(t *testing.T) {
	sec := bot.Section{
		Heading: "Council approves **harbour** tram",
		URL:     "https://harbour.example/tram",
		Text:    "The council voted 31 to 12 for the tram.\nWork starts in spring.",
		Outlets: []bot.OutletGroup{
			{Lean: "left", Outlets: []bot.Link{{Text: "Civic Wire", URL: "https://civicwire.example/a"}}},
			{Lean: "right", Outlets: []bot.Link{{Text: "Meridian [Daily]", URL: "https://meridian.example/b"}, {Text: "+2 more"}}},
			{Outlets: []bot.Link{{Text: "Tarrow Bulletin", URL: "javascript:alert(1)"}}},
		},
		Framing:   "Left: «Tram approved» · Right: «Council gambles on tram»",
		Blindspot: "no coverage yet from outlets you rated right",
	}
	e := briefEmbed(0, sec)
	want := []string{
		"1. Council approves \\*\\*harbour\\*\\* tram",
		"The council voted 31 to 12 for the tram. Work starts in spring.",
		"**Left:** [Civic Wire](https://civicwire.example/a) · **Right:** [Meridian \\[Daily\\]](https://meridian.example/b), +2 more · **Unrated:** Tarrow Bulletin",
		"> Left: «Tram approved» · Right: «Council gambles on tram»",
		"**Blindspot:** no coverage yet from outlets you rated right",
	}
	all := e.Title + "\n" + e.Description
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("embed lacks %q:\n%s", w, all)
		}
	}
	if e.URL != "https://harbour.example/tram" {
		t.Errorf("title links to %q", e.URL)
	}
}

// TestBriefSampleGolden renders the sample digest's brief message as the
// JSON posted to Discord (payload_json; the PNG goes as files[0]). The
// README and docs/discord.md link this file.
func TestBriefSampleGolden(t *testing.T) {
	m, err := bot.BriefMessage("News digest", testseed.SampleDigest(t), bot.BriefOptions{})
	if err != nil {
		t.Fatal(err)
	}
	parts := render(m)
	if len(parts) != 1 {
		t.Fatalf("%d messages", len(parts))
	}
	got := golden.JSON(t, parts[0])
	checkLimits(t, got)
	golden.Check(t, filepath.Join("testdata", "brief_sample.golden.json"), got)
}

// TestBriefWithoutAttachFilesStillPosts: a bot that may not attach files
// (Discord answers 50013) posts the digest without its chart, once, rather
// than failing the delivery and stopping the channel.
func TestBriefWithoutAttachFilesStillPosts(t *testing.T) {
	d := testseed.Digest(8, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fake := newFakeDiscord(t)
	fake.failNext("/channels/333/messages", 403, `{"code":50013,"message":"Missing Permissions"}`)
	b := newTestBot(t, fake, &fakeHandler{})
	ids, err := b.Post(t.Context(), testChannel, "d-noattach", m)
	if err != nil || len(ids) != 1 {
		t.Fatalf("ids %v, err %v; want the digest posted", ids, err)
	}
	posts := fake.requests("/channels/333/messages")
	if len(posts) != 2 || len(posts[0].Files) != 1 || len(posts[1].Files) != 0 {
		t.Fatalf("%d requests; want one refused with the chart, one accepted without", len(posts))
	}
	checkLimits(t, posts[1].Body)
	if strings.Contains(string(posts[1].Body), "attachment://") {
		t.Errorf("the retry still refers to the attachment")
	}
}
