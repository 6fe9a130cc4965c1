package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/feed"
	"github.com/newsdigest/newsdigest/internal/testseed"
	"github.com/newsdigest/newsdigest/store"
)

// fakeFetcher answers CheckFeed and ExtractArticle without a network.
type fakeFetcher struct {
	feeds map[string]string // url → title
	pages map[string][2]string
}

func (f fakeFetcher) CheckFeed(ctx context.Context, rawURL string) (string, string, error) {
	if strings.Contains(rawURL, "127.0.0.1") || strings.Contains(rawURL, "169.254.") {
		return "", "", fmt.Errorf("fetch %s: %w", rawURL, feed.ErrPrivateAddress)
	}
	title, ok := f.feeds[rawURL]
	if !ok {
		return "", "", errors.New("not a feed")
	}
	return title, rawURL, nil
}

func (f fakeFetcher) ExtractArticle(ctx context.Context, rawURL string) (string, string, error) {
	p, ok := f.pages[rawURL]
	if !ok {
		return "", "", errors.New("404 not found")
	}
	return p[0], p[1], nil
}

var now = time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)

// seededHandler returns a handler over a store with two stories from three
// operator feeds.
func seededHandler(t *testing.T) (*Handler, *store.Store) {
	t.Helper()
	st := testseed.Store(t, now, []store.Feed{
		{URL: "https://lakeside.example/rss", Name: "Lakeside Post", Lean: "left"},
		{URL: "https://hill.example/rss", Name: "Hill Courier", Lean: "right"},
	}, []testseed.Article{
		{Feed: 0, Title: "Ferry bridge reopens after repairs", Body: "The Orrin ferry bridge reopened on Monday after eight months of repairs. Engineers replaced 40 steel cables. The toll stays at two crowns."},
		{Feed: 1, Title: "Orrin ferry bridge open again after cable repairs", Body: "Traffic returned to the Orrin ferry bridge on Monday after eight months of repairs to its steel cables. The toll stays at two crowns. Shops said trade fell while it was shut."},
		{Feed: 0, Title: "Teenager wins city chess title", Body: "A sixteen-year-old from Dunmore won the city chess championship on Sunday. She beat the holder in the final round of the tournament at the town hall."},
	})
	h := &Handler{
		Store: st,
		Fetcher: fakeFetcher{
			feeds: map[string]string{"https://news.example/feed.xml": "Example News"},
			pages: map[string][2]string{"https://news.example/story": {"Harbour dredging begins", "Dredgers started work in the harbour on Tuesday. The work will take a month."}},
		},
		Now: func() time.Time { return now },
	}
	return h, st
}

func TestHandleDigest(t *testing.T) {
	h, _ := seededHandler(t)
	m := h.Handle(context.Background(), Command{Platform: "discord", Scope: "discord:1", Name: "digest", Args: map[string]string{"since": "1d"}})
	if len(m.Sections) != 2 {
		t.Fatalf("%d sections, want 2 stories: %+v", len(m.Sections), m)
	}
	if !m.Brief || m.Image == nil || len(m.Thread) != 2 {
		t.Errorf("brief %v, image %v, %d details: want a brief digest with its chart and details", m.Brief, m.Image != nil, len(m.Thread))
	}
	if !strings.Contains(m.Sections[0].Heading, "bridge") || len(m.Sections[0].Outlets) != 2 {
		t.Errorf("first story = %q with %d lean groups, want the two-outlet bridge story", m.Sections[0].Heading, len(m.Sections[0].Outlets))
	}
	if len(m.Thread[0].Fields) != 2 {
		t.Errorf("details of the first story have %d framing lines, want 2", len(m.Thread[0].Fields))
	}
	if len(m.Sections[0].Actions) != 1 || m.Sections[0].Actions[0].ID != "compare" {
		t.Errorf("actions = %+v, want the Framing button", m.Sections[0].Actions)
	}
	m = h.Handle(context.Background(), Command{Name: "digest", Args: map[string]string{"topic": "chess"}})
	if len(m.Sections) != 1 || !strings.Contains(m.Sections[0].Heading, "chess") {
		t.Errorf("topic digest = %+v", m.Sections)
	}
	m = h.Handle(context.Background(), Command{Name: "digest", Args: map[string]string{"since": "forever"}})
	if !strings.Contains(m.Text, "not a period") || !m.Ephemeral {
		t.Errorf("bad since answered %+v", m)
	}
}

func TestHandleFeedsPermissionsAndScopes(t *testing.T) {
	h, st := seededHandler(t)
	ctx := context.Background()
	add := func(scope string, manage bool, url string) Message {
		return h.Handle(ctx, Command{Platform: "discord", Scope: scope, Name: "feeds", Sub: "add", CanManage: manage, Args: map[string]string{"url": url}})
	}
	if m := add("discord:1", false, "https://news.example/feed.xml"); !strings.Contains(m.Text, "Manage Server") {
		t.Errorf("add without permission answered %q", m.Text)
	}
	if m := add("discord:1", true, "https://news.example/feed.xml"); !strings.Contains(m.Text, "Added feed") {
		t.Fatalf("add answered %q", m.Text)
	}
	for _, bad := range []string{"http://127.0.0.1/feed", "http://169.254.169.254/latest", "file:///etc/passwd", "gopher://x"} {
		if m := add("discord:1", true, bad); !strings.HasPrefix(m.Text, "Sorry") {
			t.Errorf("add %s answered %q, want a refusal with the reason", bad, m.Text)
		}
	}
	own, err := st.Feeds(ctx, "discord:1")
	if err != nil || len(own) != 1 || own[0].Name != "Example News" {
		t.Fatalf("guild 1 feeds = %+v, %v", own, err)
	}
	other, _ := st.Feeds(ctx, "discord:2")
	if len(other) != 0 {
		t.Errorf("guild 2 sees guild 1's feed: %+v", other)
	}
	list := h.Handle(ctx, Command{Scope: "discord:2", Name: "feeds", Sub: "list"})
	if len(list.Sections) != 0 {
		t.Errorf("guild 2 lists %+v", list.Sections)
	}
	rm := h.Handle(ctx, Command{Scope: "discord:2", Name: "feeds", Sub: "remove", CanManage: true, Args: map[string]string{"feed": fmt.Sprint(own[0].ID)}})
	if !strings.Contains(rm.Text, "no feed") {
		t.Errorf("guild 2 removing guild 1's feed answered %q", rm.Text)
	}
	rm = h.Handle(ctx, Command{Scope: "discord:1", Name: "feeds", Sub: "remove", CanManage: true, Args: map[string]string{"feed": fmt.Sprint(own[0].ID)}})
	if !strings.Contains(rm.Text, "Removed") {
		t.Errorf("remove answered %q", rm.Text)
	}
}

func TestHandleFramingWhyStory(t *testing.T) {
	h, _ := seededHandler(t)
	ctx := context.Background()
	m := h.Handle(ctx, Command{Name: "framing", CanManage: true, Args: map[string]string{"url": "https://news.example/story"}})
	if len(m.Sections) != 1 || m.Sections[0].Heading != "Harbour dredging begins" {
		t.Fatalf("framing = %+v", m)
	}
	// A member may analyse what the server's feeds carry, but not make the
	// bot fetch a page it has not seen.
	m = h.Handle(ctx, Command{Name: "framing", Args: map[string]string{"url": "https://news.example/story"}})
	if len(m.Sections) != 0 || !strings.Contains(m.Text, "same permission as feeds add") {
		t.Errorf("member framing of an unseen page = %+v", m)
	}
	m = h.Handle(ctx, Command{Name: "framing", Args: map[string]string{"url": "https://0.example/a0"}})
	if len(m.Sections) != 1 || !strings.Contains(m.Sections[0].Heading, "bridge") {
		t.Errorf("member framing of a stored article = %+v", m)
	}
	m = h.Handle(ctx, Command{Name: "why", Args: map[string]string{"url": "https://0.example/a0"}})
	if !strings.Contains(m.Text, "Seen first at") || !strings.Contains(m.Text, "story") {
		t.Errorf("why = %q", m.Text)
	}
	m = h.Handle(ctx, Command{Name: "why", Args: map[string]string{"url": "https://unknown.example/x"}})
	if !strings.Contains(m.Text, "have not seen") {
		t.Errorf("why unknown = %q", m.Text)
	}
	m = h.Handle(ctx, Command{Name: "story", Args: map[string]string{"query": "ferry bridge"}})
	if len(m.Sections) != 3 {
		t.Errorf("story compare has %d sections, want the story and one per outlet", len(m.Sections))
	}
	m = h.Handle(ctx, Command{Name: "story", Args: map[string]string{"query": "volcano"}})
	if !strings.Contains(m.Text, "No recent story") {
		t.Errorf("story without match = %q", m.Text)
	}
}

func TestHandleFeedsAddCapsNames(t *testing.T) {
	h, st := seededHandler(t)
	ctx := context.Background()
	for _, args := range []map[string]string{
		{"url": "https://news.example/feed.xml", "name": strings.Repeat("Spam ", 2000)},
		{"url": "https://news.example/feed.xml", "lean": strings.Repeat("left", 100)},
	} {
		m := h.Handle(ctx, Command{Platform: "discord", Scope: "discord:9", Name: "feeds", Sub: "add", CanManage: true, Args: args})
		if !strings.Contains(m.Text, "at most") {
			t.Errorf("add with an oversized name or lean answered %q", m.Text)
		}
	}
	if feeds, _ := st.Feeds(ctx, "discord:9"); len(feeds) != 0 {
		t.Errorf("stored %+v", feeds)
	}
}

// TestStoreErrorsReachChatAsAnApology: a failing database shows in chat as
// a short apology with a reference, never the driver's message; the log
// has the error under that reference (issue 14 item 8).
func TestStoreErrorsReachChatAsAnApology(t *testing.T) {
	h, st := seededHandler(t)
	var logs strings.Builder
	h.Log = slog.New(slog.NewTextHandler(&logs, nil))
	st.Close() // every query now fails inside database/sql
	for _, c := range []Command{
		{Name: "why", Args: map[string]string{"url": "https://0.example/a0"}},
		{Name: "framing", Args: map[string]string{"url": "https://0.example/a0"}},
		{Name: "story", Args: map[string]string{"query": "bridge"}},
		{Name: "feeds", Sub: "list"},
	} {
		m := h.Handle(context.Background(), c)
		_, after, found := strings.Cut(m.Text, "reference ")
		ref := strings.TrimRight(after, ".)")
		if !found || len(ref) != 8 || !strings.Contains(m.Text, "went wrong") || strings.Contains(m.Text, "sql") || strings.Contains(m.Text, "store:") {
			t.Errorf("%s answered %q", c.Name, m.Text)
			continue
		}
		if !strings.Contains(logs.String(), "ref="+ref) || !strings.Contains(logs.String(), "database is closed") {
			t.Errorf("%s: the log has no entry for reference %s:\n%s", c.Name, ref, logs.String())
		}
	}
}
