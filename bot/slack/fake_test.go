package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/newsdigest/newsdigest/bot"
)

const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// wait blocks until every background reply has finished, so a test can
// read what the fake Slack received. Close does the same in production, and
// cancels the replies first.
func (b *Bot) wait() { b.wg.Wait() }

// sentMessage is what the fake Slack received in one chat.postMessage.
type sentMessage struct {
	Channel  string
	TS       string
	ThreadTS string
	Text     string
	Blocks   []map[string]any
	Metadata map[string]any
	Files    []string // names of the files a file-share message carries
}

// uploadedFile is a file sent through the external upload API.
type uploadedFile struct {
	ID, Name, AltText, Title string
	Length                   int
	Data                     []byte
	Completed                bool
}

// fakeSlack is slacktest's server with the Web API methods the bot uses
// replaced by recording fakes.
type fakeSlack struct {
	t   testing.TB
	srv *slacktest.Server

	mu        sync.Mutex
	posts     []sentMessage // accepted chat.postMessage calls
	attempts  int           // chat.postMessage calls, accepted or not
	ephemeral []sentMessage
	attemptAt []time.Time
	history   int // conversations.history calls
	userInfo  int // users.info calls
	nextTS    int
	// failPost, when set, may answer a chat.postMessage instead of
	// accepting it: it returns the status, headers and body to send.
	failPost func(attempt int, m sentMessage) (status int, header http.Header, body string, fail bool)
	// admins and group members for users.info / usergroups.users.list.
	admins  map[string]bool
	members []string
	// files uploaded with files.getUploadURLExternal, by id.
	files     map[string]*uploadedFile
	fileOrder []string
}

func newFakeSlack(t testing.TB) *fakeSlack {
	t.Helper()
	f := &fakeSlack{t: t, admins: map[string]bool{}, files: map[string]*uploadedFile{}}
	f.srv = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", f.postMessage)
		c.Handle("/chat.postEphemeral", f.postEphemeral)
		c.Handle("/conversations.history", f.conversationsHistory)
		c.Handle("/conversations.replies", f.conversationsReplies)
		c.Handle("/users.info", f.usersInfo)
		c.Handle("/usergroups.users.list", f.usergroupMembers)
		c.Handle("/usergroups.list", f.usergroupsList)
		c.Handle("/files.getUploadURLExternal", f.getUploadURL)
		c.Handle("/upload/", f.upload)
		c.Handle("/files.completeUploadExternal", f.completeUpload)
	})
	f.srv.Start()
	t.Cleanup(f.srv.Stop)
	return f
}

func (f *fakeSlack) url() string { return f.srv.GetAPIURL() }

func decodeMessage(r *http.Request) (sentMessage, error) {
	if err := r.ParseForm(); err != nil {
		return sentMessage{}, err
	}
	m := sentMessage{Channel: r.Form.Get("channel"), ThreadTS: r.Form.Get("thread_ts"), Text: r.Form.Get("text")}
	if b := r.Form.Get("blocks"); b != "" {
		if err := json.Unmarshal([]byte(b), &m.Blocks); err != nil {
			return m, fmt.Errorf("blocks: %w", err)
		}
	}
	if md := r.Form.Get("metadata"); md != "" {
		if err := json.Unmarshal([]byte(md), &m.Metadata); err != nil {
			return m, fmt.Errorf("metadata: %w", err)
		}
	}
	return m, nil
}

func (f *fakeSlack) postMessage(w http.ResponseWriter, r *http.Request) {
	m, err := decodeMessage(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.attempts++
	f.attemptAt = append(f.attemptAt, time.Now())
	attempt, fail := f.attempts, f.failPost
	f.mu.Unlock()
	if fail != nil {
		if status, header, body, failed := fail(attempt, m); failed {
			for k, v := range header {
				w.Header()[k] = v
			}
			w.WriteHeader(status)
			_, _ = io.WriteString(w, body)
			return
		}
	}
	f.mu.Lock()
	f.nextTS++
	m.TS = fmt.Sprintf("1700000000.%06d", f.nextTS)
	f.posts = append(f.posts, m)
	f.mu.Unlock()
	writeOK(w, map[string]any{"ok": true, "channel": m.Channel, "ts": m.TS})
}

func (f *fakeSlack) postEphemeral(w http.ResponseWriter, r *http.Request) {
	m, err := decodeMessage(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.ephemeral = append(f.ephemeral, m)
	f.mu.Unlock()
	writeOK(w, map[string]any{"ok": true, "message_ts": "1700000000.999999"})
}

// conversationsHistory answers with the channel's top-level posts, newest
// first, like Slack.
func (f *fakeSlack) conversationsHistory(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	ch := r.Form.Get("channel")
	withMeta := r.Form.Get("include_all_metadata") == "1"
	f.mu.Lock()
	f.history++
	var msgs []map[string]any
	for i := len(f.posts) - 1; i >= 0; i-- {
		p := f.posts[i]
		if p.Channel == ch && p.ThreadTS == "" {
			msgs = append(msgs, historyMessage(p, withMeta))
		}
	}
	f.mu.Unlock()
	writeOK(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
}

func (f *fakeSlack) conversationsReplies(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	ch, root := r.Form.Get("channel"), r.Form.Get("ts")
	withMeta := r.Form.Get("include_all_metadata") == "1"
	f.mu.Lock()
	var msgs []map[string]any
	for _, p := range f.posts {
		if p.Channel == ch && (p.TS == root || p.ThreadTS == root) {
			msgs = append(msgs, historyMessage(p, withMeta))
		}
	}
	f.mu.Unlock()
	writeOK(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
}

func historyMessage(p sentMessage, withMeta bool) map[string]any {
	m := map[string]any{"type": "message", "ts": p.TS, "text": p.Text}
	if len(p.Files) > 0 {
		var files []map[string]any
		for _, name := range p.Files {
			files = append(files, map[string]any{"id": "F" + name, "name": name})
		}
		m["files"] = files
	}
	if p.ThreadTS != "" {
		m["thread_ts"] = p.ThreadTS
	}
	if withMeta && p.Metadata != nil {
		m["metadata"] = p.Metadata
	}
	return m
}

// getUploadURL is files.getUploadURLExternal: it reserves a file id and
// answers with an upload URL on this server, as Slack answers with one of
// its own hosts.
func (f *fakeSlack) getUploadURL(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	length, err := strconv.Atoi(r.Form.Get("length"))
	name := r.Form.Get("filename")
	if err != nil || length <= 0 || name == "" {
		writeOK(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	f.mu.Lock()
	id := fmt.Sprintf("F%04d", len(f.fileOrder)+1)
	f.files[id] = &uploadedFile{ID: id, Name: name, AltText: r.Form.Get("alt_txt"), Length: length}
	f.fileOrder = append(f.fileOrder, id)
	f.mu.Unlock()
	writeOK(w, map[string]any{"ok": true, "upload_url": f.url() + "upload/" + id, "file_id": id})
}

// upload receives the file's bytes (multipart, field "file"); Slack
// refuses a body whose size differs from the length announced.
func (f *fakeSlack) upload(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/upload/")
	file, _, err := r.FormFile("file")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	data, _ := io.ReadAll(file)
	f.mu.Lock()
	defer f.mu.Unlock()
	up, ok := f.files[id]
	if !ok || len(data) != up.Length {
		http.Error(w, "bad upload", http.StatusBadRequest)
		return
	}
	up.Data = data
	_, _ = io.WriteString(w, "OK - "+strconv.Itoa(len(data)))
}

// completeUpload is files.completeUploadExternal: with channel_id (and
// thread_ts) it shares the files in a message of their own.
func (f *fakeSlack) completeUpload(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	var files []struct{ ID, Title string }
	if err := json.Unmarshal([]byte(r.Form.Get("files")), &files); err != nil || len(files) == 0 {
		writeOK(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	msg := sentMessage{Channel: r.Form.Get("channel_id"), ThreadTS: r.Form.Get("thread_ts")}
	var out []map[string]any
	for _, fs := range files {
		up, ok := f.files[fs.ID]
		if !ok || up.Data == nil {
			writeOK(w, map[string]any{"ok": false, "error": "file_not_found"})
			return
		}
		up.Completed, up.Title = true, fs.Title
		msg.Files = append(msg.Files, up.Name)
		out = append(out, map[string]any{"id": up.ID, "title": up.Title})
	}
	if msg.Channel != "" {
		f.nextTS++
		msg.TS = fmt.Sprintf("1700000000.%06d", f.nextTS)
		f.posts = append(f.posts, msg)
	}
	writeOK(w, map[string]any{"ok": true, "files": out})
}

// uploads returns the completed uploads in order.
func (f *fakeSlack) uploads() []uploadedFile {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []uploadedFile
	for _, id := range f.fileOrder {
		if up := f.files[id]; up.Completed {
			out = append(out, *up)
		}
	}
	return out
}

func (f *fakeSlack) usersInfo(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	id := r.Form.Get("user")
	f.mu.Lock()
	f.userInfo++
	admin := f.admins[id]
	f.mu.Unlock()
	writeOK(w, map[string]any{"ok": true, "user": map[string]any{"id": id, "name": "u" + id, "is_admin": admin}})
}

func (f *fakeSlack) usergroupMembers(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	members := append([]string(nil), f.members...)
	f.mu.Unlock()
	writeOK(w, map[string]any{"ok": true, "users": members})
}

func (f *fakeSlack) usergroupsList(w http.ResponseWriter, r *http.Request) {
	writeOK(w, map[string]any{"ok": true, "usergroups": []map[string]any{
		{"id": "S0OTHER", "handle": "editors", "name": "Editors"},
		{"id": "S0ADMINS", "handle": "newsdigest-admins", "name": "Newsdigest admins"},
	}})
}

func writeOK(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (f *fakeSlack) sent() []sentMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]sentMessage(nil), f.posts...)
}

// responseSink records what is posted to response_url.
type responseSink struct {
	srv  *httptest.Server
	mu   sync.Mutex
	msgs []map[string]any
	got  chan struct{}
}

func newResponseSink(t *testing.T) *responseSink {
	s := &responseSink{got: make(chan struct{}, 100)}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		s.msgs = append(s.msgs, m)
		s.mu.Unlock()
		s.got <- struct{}{}
		_, _ = io.WriteString(w, "ok")
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *responseSink) wait(t *testing.T, n int) []map[string]any {
	t.Helper()
	for range n {
		select {
		case <-s.got:
		case <-time.After(5 * time.Second):
			t.Fatalf("response_url: got fewer than %d posts", n)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.msgs...)
}

// fakeHandler answers every command with reply and records the commands.
type fakeHandler struct {
	reply bot.Message
	delay time.Duration
	cmds  chan bot.Command
}

func newFakeHandler(reply bot.Message) *fakeHandler {
	return &fakeHandler{reply: reply, cmds: make(chan bot.Command, 1000)}
}

func (h *fakeHandler) Handle(ctx context.Context, c bot.Command) bot.Message {
	h.cmds <- c
	if h.delay > 0 {
		select {
		case <-time.After(h.delay):
		case <-ctx.Done():
		}
	}
	return h.reply
}

func (h *fakeHandler) next(t *testing.T) bot.Command {
	t.Helper()
	select {
	case c := <-h.cmds:
		return c
	case <-time.After(5 * time.Second):
		t.Fatal("the handler was not called")
		return bot.Command{}
	}
}

// newTestBot returns a Bot in HTTP mode talking to f, with fast pacing.
func newTestBot(t *testing.T, f *fakeSlack, h Handler) *Bot {
	t.Helper()
	b, err := New(Options{BotToken: "xoxb-test", AppToken: "xapp-test", SigningSecret: testSecret, APIURL: f.url()}, h)
	if err != nil {
		t.Fatal(err)
	}
	b.pacer = newPacer(time.Millisecond)
	b.backoff = time.Millisecond
	t.Cleanup(b.Close)
	return b
}

// signedRequest builds a slash command request signed with secret at ts.
func signedRequest(secret string, ts time.Time, form url.Values) *http.Request {
	body := form.Encode()
	req := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + stamp + ":" + body))
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return req
}

func commandForm(text, responseURL string) url.Values {
	return url.Values{
		"token": {"legacy"}, "team_id": {"T0001"}, "team_domain": {"example"},
		"channel_id": {"C0001"}, "channel_name": {"news"}, "user_id": {"U0001"},
		"user_name": {"ada"}, "command": {"/newsdigest"}, "text": {text},
		"response_url": {responseURL}, "trigger_id": {"13345224609.738474920.8088930838d88f008e0"},
		"api_app_id": {"A0001"},
	}
}
