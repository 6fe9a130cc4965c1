package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/store"
)

// intranet is a server on loopback standing in for an internal admin page
// that also serves a feed.
func intranet(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".xml") {
			w.Write([]byte(rssFeed("Intranet", testItem{GUID: "1", Link: "https://intra.example/1", Title: "Payroll", Description: "secret salaries"})))
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head><title>Admin</title></head><body><article><p>" + longText("admin", 200) + "</p></article></body></html>"))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestChatFetchesNeverReachPrivateNetworks: allow_private_networks is the
// operator's opt-in for the operator's feeds; a chat user's fetches and the
// feeds added in chat stay on public addresses unless the separate chat
// setting is on, and then only for users who may manage feeds.
func TestChatFetchesNeverReachPrivateNetworks(t *testing.T) {
	srv := intranet(t)
	tests := []struct {
		name                 string
		operator, chat       bool // AllowPrivateNetworks, ChatAllowPrivateNetworks
		canManage            bool
		wantReach, wantFeeds bool // chat fetches reach it; a chat-added feed on it is polled
	}{
		{"operator opt-in only, member", true, false, false, false, false},
		{"operator opt-in only, admin", true, false, true, false, false},
		{"chat opt-in, member", true, true, false, false, true},
		{"chat opt-in, admin", false, true, true, true, true},
		{"nothing allowed, admin", false, false, true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := testOptions()
			opts.AllowPrivateNetworks, opts.ChatAllowPrivateNetworks = tt.operator, tt.chat
			chatFeed := store.Feed{ID: 1, Scope: "discord:42", URL: srv.URL + "/feed.xml", Name: "Mirror"}
			operatorFeed := store.Feed{ID: 2, URL: srv.URL + "/feed.xml", Name: "Self-hosted"}
			st := newFakeStore(chatFeed, operatorFeed)
			p := NewPoller(st, opts)
			c := p.ForChat(tt.canManage)

			_, text, err := c.ExtractArticle(context.Background(), srv.URL+"/admin")
			if reached := err == nil; reached != tt.wantReach {
				t.Errorf("framing of the intranet page: err %v, want reached %v", err, tt.wantReach)
			}
			if err == nil && !strings.Contains(text, "admin") {
				t.Errorf("text %q", text)
			}
			var ex *ExplainedError
			if err != nil && (!errors.As(err, &ex) || !errors.Is(err, ErrPrivateAddress)) {
				t.Errorf("err = %v, want an explained error matching ErrPrivateAddress", err)
			}
			if err != nil && strings.Contains(ex.UserMessage(), "127.0.0.1") {
				t.Errorf("user message %q names the address", ex.UserMessage())
			}
			if _, _, err := c.CheckFeed(context.Background(), srv.URL+"/feed.xml"); (err == nil) != tt.wantReach {
				t.Errorf("feeds add of the intranet feed: err %v, want reached %v", err, tt.wantReach)
			}

			reps := p.Poll(context.Background(), []store.Feed{chatFeed, operatorFeed})
			if ok := reps[0].Status == StatusOK; ok != tt.wantFeeds {
				t.Errorf("chat-added feed polled: %+v, want ok %v", reps[0], tt.wantFeeds)
			}
			if ok := reps[1].Status == StatusOK; ok != tt.operator {
				t.Errorf("operator feed polled: %+v, want ok %v", reps[1], tt.operator)
			}
		})
	}
}
