package bot

import (
	"context"
	"strings"
	"testing"
)

// TestHandleFeedsAddGenre: an operator's genre for a chat-added feed is
// stored and listed; an unknown one is refused with the choices.
func TestHandleFeedsAddGenre(t *testing.T) {
	h, st := seededHandler(t)
	ctx := context.Background()
	add := func(url, genre string) Message {
		return h.Handle(ctx, Command{Platform: "slack", Scope: "slack:T1", Name: "feeds", Sub: "add", CanManage: true,
			Args: map[string]string{"url": url, "genre": genre}})
	}
	if m := add("https://news.example/feed.xml", "satire"); !strings.HasPrefix(m.Text, "Sorry") || !strings.Contains(m.Text, "opinion") {
		t.Errorf("unknown genre answered %q", m.Text)
	}
	if m := add("https://news.example/feed.xml", "Opinion"); !strings.Contains(m.Text, "Added feed") {
		t.Fatalf("add answered %q", m.Text)
	}
	feeds, err := st.Feeds(ctx, "slack:T1")
	if err != nil || len(feeds) != 1 || feeds[0].Genre != "opinion" {
		t.Fatalf("stored feeds = %+v, %v", feeds, err)
	}
	list := h.Handle(ctx, Command{Scope: "slack:T1", Name: "feeds", Sub: "list"})
	if len(list.Sections) != 1 || !strings.Contains(list.Sections[0].Fields[0].Value, "genre opinion (yours)") {
		t.Errorf("list = %+v", list.Sections)
	}
}
