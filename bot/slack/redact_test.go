package slack

import (
	"bytes"
	"log/slog"
	"net"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

// syncBuffer is a log sink safe for the bot's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestResponseURLNotLogged is finding 7 of issue 14: a response_url is a
// bearer capability for 30 minutes; when posting to it fails, the log
// names its host, never the URL.
func TestResponseURLNotLogged(t *testing.T) {
	// A port nobody listens on: the post fails with the URL in the error.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := ln.Addr().String()
	ln.Close()
	const secret = "T0001/1234567890/Zq8sEcReTtOkEnFoRtHiRtYmInUtEs"
	responseURL := "http://" + dead + "/commands/" + secret

	f := newFakeSlack(t)
	var logs syncBuffer
	b, err := New(Options{BotToken: "xoxb-test", SigningSecret: testSecret, APIURL: f.url(),
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))},
		newFakeHandler(bot.Message{Text: "private answer", Ephemeral: true}))
	if err != nil {
		t.Fatal(err)
	}
	b.pacer = newPacer(time.Millisecond)
	t.Cleanup(b.Close)
	w := httptest.NewRecorder()
	b.CommandsHandler().ServeHTTP(w, signedRequest(testSecret, time.Now(), commandForm("help", responseURL)))
	b.wait()
	got := logs.String()
	if !strings.Contains(got, "response_url failed") {
		t.Fatalf("the failed post was not logged:\n%s", got)
	}
	if strings.Contains(got, "Zq8sEcReT") || strings.Contains(got, "/commands/") {
		t.Errorf("the response_url reached the log:\n%s", got)
	}
	if !strings.Contains(got, dead) {
		t.Errorf("the log does not name the host:\n%s", got)
	}
}
