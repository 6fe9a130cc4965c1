package slack

import (
	"bytes"
	"encoding/json"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/internal/golden"
	"github.com/newsdigest/newsdigest/internal/testseed"
)

// rawURL finds a URL outside a mrkdwn link's <…|label>.
var rawURL = regexp.MustCompile(`(^|[^<])https?://`)

// topLevel and replies split what the fake Slack received.
func topLevel(posts []sentMessage) (top, replies []sentMessage) {
	for _, p := range posts {
		if p.ThreadTS == "" {
			top = append(top, p)
		} else {
			replies = append(replies, p)
		}
	}
	return top, replies
}

// buttonValues returns the value of every Framing button in blocks.
func buttonValues(blocks []map[string]any) []string {
	var vals []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if id, _ := v["action_id"].(string); v["type"] == "button" && strings.HasPrefix(id, "newsdigest:compare:") {
				vals = append(vals, str(v["value"]))
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
	for _, b := range blocks {
		walk(map[string]any(b))
	}
	return vals
}

// checkBriefDelivery asserts one brief digest in the fake: one top-level
// message within the limits with a Framing button per story, one thread
// reply with the details, and the PNG uploaded into that thread.
func checkBriefDelivery(t *testing.T, f *fakeSlack, m bot.Message) {
	t.Helper()
	top, replies := topLevel(f.sent())
	if len(top) != 1 {
		t.Fatalf("%d top-level messages, want 1", len(top))
	}
	checkLimits(t, top[0].Blocks)
	text := mrkdwnText(top[0].Blocks)
	if rawURL.MatchString(text) {
		t.Errorf("the digest shows a raw URL:\n%s", text)
	}
	if vals := buttonValues(top[0].Blocks); len(vals) != len(m.Sections) {
		t.Errorf("Framing buttons %v for %d stories", vals, len(m.Sections))
	}
	var details, shares []sentMessage
	for _, r := range replies {
		if r.ThreadTS != top[0].TS {
			t.Errorf("reply in thread %q, want %q", r.ThreadTS, top[0].TS)
		}
		if len(r.Files) > 0 {
			shares = append(shares, r)
		} else {
			details = append(details, r)
		}
	}
	if len(details) != 1 {
		t.Fatalf("%d detail replies, want 1", len(details))
	}
	checkLimits(t, details[0].Blocks)
	dt := mrkdwnText(details[0].Blocks)
	for _, s := range m.Thread {
		if !strings.Contains(dt, escape(strings.Join(strings.Fields(s.Heading), " "))) {
			t.Errorf("details lack story %q", s.Heading)
		}
	}
	if m.Image == nil {
		return
	}
	ups := f.uploads()
	if len(shares) != 1 || len(ups) != 1 {
		t.Fatalf("%d file shares, %d uploads; want the chart once", len(shares), len(ups))
	}
	if !bytes.Equal(ups[0].Data, m.Image.PNG) || ups[0].AltText == "" || shares[0].Files[0] != ups[0].Name {
		t.Errorf("upload %q (%d bytes, alt %q) is not the chart", ups[0].Name, len(ups[0].Data), ups[0].AltText)
	}
	if _, err := png.Decode(bytes.NewReader(ups[0].Data)); err != nil {
		t.Errorf("uploaded chart is not a PNG: %v", err)
	}
}

func TestBriefDigestOfTwentyStoriesIsOneTopLevelMessage(t *testing.T) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	for _, max := range []int{0, bot.MaxBriefStories} {
		m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{MaxStories: max})
		if err != nil {
			t.Fatal(err)
		}
		f := newFakeSlack(t)
		b := newTestBot(t, f, newFakeHandler(bot.Message{}))
		ids, err := b.Post(t.Context(), testChannel, "d-brief", m)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != 2 {
			t.Errorf("ids %v: want the digest and its details reply", ids)
		}
		checkBriefDelivery(t, f, m)
	}
}

func TestBriefDigestRepeatedAfterCrashPostsNothingTwice(t *testing.T) {
	d := testseed.Digest(8, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeSlack(t)
	for range 2 { // a new Bot each time: nothing remembered in memory
		b := newTestBot(t, f, newFakeHandler(bot.Message{}))
		if _, err := b.Post(t.Context(), testChannel, "d-again", m); err != nil {
			t.Fatal(err)
		}
	}
	checkBriefDelivery(t, f, m)
}

func TestBriefDigestWithoutImage(t *testing.T) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{NoImage: true})
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeSlack(t)
	b := newTestBot(t, f, newFakeHandler(bot.Message{}))
	if _, err := b.Post(t.Context(), testChannel, "d-noimg", m); err != nil {
		t.Fatal(err)
	}
	checkBriefDelivery(t, f, m)
	if ups := f.uploads(); len(ups) != 0 {
		t.Errorf("image = false uploaded %d files", len(ups))
	}
}

// TestBriefShrinksToFit gives the brief far too much text: still one post
// and one reply, each within Block Kit's limits.
func TestBriefShrinksToFit(t *testing.T) {
	d := testseed.Digest(20, time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC))
	for i := range d.Stories {
		d.Stories[i].Title = strings.Repeat("Very long headline about a council decision ", 8)
		d.Stories[i].Summary = []string{strings.Repeat("A sentence that goes on and on about <the> budget & more. ", 60), "Short."}
		for k := range d.Stories[i].Articles {
			d.Stories[i].Articles[k].Line = strings.Repeat("opinion · loaded language «a reckless gamble» ", 30)
		}
	}
	m, err := bot.BriefMessage("News digest", d, bot.BriefOptions{MaxStories: bot.MaxBriefStories, NoImage: true})
	if err != nil {
		t.Fatal(err)
	}
	posts := render(m)
	if len(posts) != 2 || posts[0].Reply || !posts[1].Reply {
		t.Fatalf("%d posts, want the digest and one reply", len(posts))
	}
	for i, js := range blocksJSON(t, posts) {
		checkLimits(t, js)
		if !fitsPost(posts[i].Blocks) {
			t.Errorf("post %d is over the budget", i)
		}
	}
}

// TestFramingButtonAnswersOnlyThePresser: a signed button press runs the
// story's details and answers through response_url, ephemeral, even though
// the handler's message is a public one.
func TestFramingButtonAnswersOnlyThePresser(t *testing.T) {
	f := newFakeSlack(t)
	sink := newResponseSink(t)
	h := newFakeHandler(bot.CompareMessage(testseed.Digest(1, time.Now()).Stories[0]))
	b := newTestBot(t, f, h)
	payload := map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T0001"}, "user": map[string]any{"id": "U0001"},
		"channel": map[string]any{"id": "C0001"}, "response_url": sink.srv.URL, "trigger_id": "t-9",
		"actions": []map[string]any{{"type": "button", "action_id": actionID("compare", 0, 0), "value": "100", "block_id": "b"}},
	}
	raw, _ := json.Marshal(payload)
	w := httptest.NewRecorder()
	b.InteractivityHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), url.Values{"payload": {string(raw)}}))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	if c := h.next(t); c.Name != "compare" || c.Args["story"] != "100" {
		t.Errorf("command %+v", c)
	}
	msgs := sink.wait(t, 1)
	b.wait()
	if msgs[0]["response_type"] != "ephemeral" {
		t.Errorf("response_type %v, want ephemeral", msgs[0]["response_type"])
	}
	if top, _ := topLevel(f.sent()); len(top) != 0 {
		t.Errorf("a button press posted %d messages to the channel", len(top))
	}
}

// TestBriefSampleGolden renders the sample digest's brief message as the
// Block Kit posted to Slack: the digest and its thread reply (the chart is
// uploaded into the thread). The README and docs/slack.md link this file.
func TestBriefSampleGolden(t *testing.T) {
	m, err := bot.BriefMessage("News digest", testseed.SampleDigest(t), bot.BriefOptions{})
	if err != nil {
		t.Fatal(err)
	}
	posts := render(m)
	for _, js := range blocksJSON(t, posts) {
		checkLimits(t, js)
	}
	golden.CheckJSON(t, filepath.Join("testdata", "brief_sample.golden.json"), posts)
}
