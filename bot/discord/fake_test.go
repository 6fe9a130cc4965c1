package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/time/rate"

	"github.com/newsdigest/newsdigest/bot"
)

// recorded is one request the fake Discord received. For a multipart
// request (a message with files) Body is its payload_json part.
type recorded struct {
	Method string
	Path   string
	Auth   string
	Body   []byte
	Files  []recordedFile
}

// recordedFile is a file uploaded with a message (files[n]).
type recordedFile struct {
	Field, Name, ContentType string
	Data                     []byte
}

// readBody returns a request's JSON and its files, reading multipart
// bodies the way Discord does: payload_json plus files[n] parts.
func readBody(r *http.Request) ([]byte, []recordedFile, error) {
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		body, err := io.ReadAll(r.Body)
		return body, nil, err
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var (
		js    []byte
		files []recordedFile
	)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return js, files, nil
		}
		if err != nil {
			return nil, nil, err
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, nil, err
		}
		switch name := part.FormName(); {
		case name == "payload_json":
			js = data
		case strings.HasPrefix(name, "files["):
			files = append(files, recordedFile{Field: name, Name: part.FileName(), ContentType: part.Header.Get("Content-Type"), Data: data})
		default:
			return nil, nil, fmt.Errorf("unexpected multipart field %q", name)
		}
	}
}

// scripted is a canned answer the fake gives instead of its default.
type scripted struct {
	status int
	body   string
}

// fakeDiscord is an in-memory Discord REST API: it stores posted messages,
// honours nonce+enforce_nonce like Discord, and plays scripted failures.
type fakeDiscord struct {
	t      testing.TB
	srv    *httptest.Server
	mu     sync.Mutex
	reqs   []recorded
	script map[string][]scripted // path prefix → answers to give first
	nonces map[string]string     // nonce → message id
	nextID int
	notify chan recorded

	gatewayURL string // answer to GET /gateway
}

func newFakeDiscord(t testing.TB) *fakeDiscord {
	f := &fakeDiscord{t: t, script: map[string][]scripted{}, nonces: map[string]string{}, nextID: 1000, notify: make(chan recorded, 4096)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeDiscord) failNext(pathPrefix string, status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.script[pathPrefix] = append(f.script[pathPrefix], scripted{status, body})
}

func (f *fakeDiscord) serve(w http.ResponseWriter, r *http.Request) {
	body, files, err := readBody(r)
	if err != nil {
		http.Error(w, `{"code":50035,"message":"Invalid Form Body"}`, http.StatusBadRequest)
		return
	}
	rec := recorded{Method: r.Method, Path: r.URL.Path, Auth: r.Header.Get("Authorization"), Body: body, Files: files}
	f.mu.Lock()
	f.reqs = append(f.reqs, rec)
	var answer *scripted
	for prefix, list := range f.script {
		if strings.HasPrefix(r.URL.Path, prefix) && len(list) > 0 {
			answer = &list[0]
			f.script[prefix] = list[1:]
			break
		}
	}
	f.mu.Unlock()
	select {
	case f.notify <- rec:
	default:
	}
	if answer != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(answer.status)
		io.WriteString(w, answer.body)
		return
	}
	switch {
	case r.Method == http.MethodGet && (r.URL.Path == "/gateway" || r.URL.Path == "/gateway/bot"):
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"url":%q,"shards":1}`, f.gatewayURL)
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/callback"):
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPost && (strings.HasPrefix(r.URL.Path, "/webhooks/") || strings.HasPrefix(r.URL.Path, "/channels/")):
		var p struct {
			Nonce        string `json:"nonce"`
			EnforceNonce bool   `json:"enforce_nonce"`
		}
		json.Unmarshal(body, &p)
		f.mu.Lock()
		id, seen := f.nonces[p.Nonce]
		if !seen || !p.EnforceNonce {
			f.nextID++
			id = strconv.Itoa(f.nextID)
			if p.EnforceNonce {
				f.nonces[p.Nonce] = id
			}
		}
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":%q}`, id)
	case r.Method == http.MethodDelete && strings.HasSuffix(r.URL.Path, "/messages/@original"):
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/applications/"):
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	default:
		http.Error(w, `{"code":0,"message":"not found"}`, http.StatusNotFound)
	}
}

// requests returns the recorded requests whose path starts with prefix.
func (f *fakeDiscord) requests(prefix string) []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []recorded
	for _, r := range f.reqs {
		if strings.HasPrefix(r.Path, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// waitFor blocks until n requests with the prefix arrived.
func (f *fakeDiscord) waitFor(t testing.TB, prefix string, n int) []recorded {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		if got := f.requests(prefix); len(got) >= n {
			return got
		}
		select {
		case <-f.notify:
		case <-deadline:
			t.Fatalf("timed out waiting for %d requests to %s; have %d", n, prefix, len(f.requests(prefix)))
		}
	}
}

// fakeHandler records commands and answers like the bot package would.
type fakeHandler struct {
	mu    sync.Mutex
	cmds  []bot.Command
	reply func(bot.Command) bot.Message
}

func (h *fakeHandler) Handle(ctx context.Context, c bot.Command) bot.Message {
	h.mu.Lock()
	h.cmds = append(h.cmds, c)
	h.mu.Unlock()
	if h.reply != nil {
		return h.reply(c)
	}
	if c.Name == "feeds" && c.Sub == "add" && !c.CanManage {
		return bot.Message{Text: "Sorry, changing feeds needs the Manage Server permission.", Ephemeral: true}
	}
	return sampleMessage()
}

func (h *fakeHandler) commands() []bot.Command {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]bot.Command(nil), h.cmds...)
}

// testKeys is one Ed25519 key pair for all tests.
var testPub, testPriv = func() (ed25519.PublicKey, ed25519.PrivateKey) {
	seed := make([]byte, ed25519.SeedSize)
	for i := range seed {
		seed[i] = byte(i * 7)
	}
	priv := ed25519.NewKeyFromSeed(seed)
	return priv.Public().(ed25519.PublicKey), priv
}()

const testAppID = "111111111111111111"

// newTestBot returns a Bot talking to fake, with fast retries and no pacing.
func newTestBot(t testing.TB, fake *fakeDiscord, h Handler) *Bot {
	t.Helper()
	api := ""
	if fake != nil {
		api = fake.srv.URL
	}
	b, err := New(Options{
		ApplicationID: testAppID,
		PublicKey:     hex.EncodeToString(testPub),
		Token:         "test-token",
		APIBase:       api,
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, h)
	if err != nil {
		t.Fatal(err)
	}
	b.backoff = time.Millisecond
	b.paceEvery = rate.Inf
	t.Cleanup(func() { b.Close() })
	return b
}

// sign returns headers Discord would send for body at time ts.
func sign(body []byte, ts time.Time) (sig, stamp string) {
	stamp = strconv.FormatInt(ts.Unix(), 10)
	return hex.EncodeToString(ed25519.Sign(testPriv, append([]byte(stamp), body...))), stamp
}

func signedRequest(t testing.TB, url string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	sig, ts := sign(body, time.Now())
	req.Header.Set("X-Signature-Ed25519", sig)
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("Content-Type", "application/json")
	return req
}

// slashJSON builds a guild slash-command interaction.
func slashJSON(id, token, perms, name string, options string) []byte {
	return fmt.Appendf(nil, `{"id":%q,"application_id":%q,"type":2,"token":%q,"guild_id":"222","channel_id":"333",
"member":{"user":{"id":"444","username":"reader"},"permissions":%q},
"data":{"id":"9","name":%q,"type":1,"options":%s}}`, id, testAppID, token, perms, name, options)
}

// checkLimits asserts, from the raw JSON Discord would receive, that a
// message respects every documented limit. It shares no code with render.
func checkLimits(t testing.TB, raw []byte) {
	t.Helper()
	var m struct {
		Content         string `json:"content"`
		AllowedMentions *struct {
			Parse []string `json:"parse"`
		} `json:"allowed_mentions"`
		Embeds []struct {
			Title       string `json:"title"`
			URL         string `json:"url"`
			Description string `json:"description"`
			Footer      *struct {
				Text string `json:"text"`
			} `json:"footer"`
			Fields []struct {
				Name  string `json:"name"`
				Value string `json:"value"`
			} `json:"fields"`
		} `json:"embeds"`
		Components []struct {
			Type       int `json:"type"`
			Components []struct {
				Label    string `json:"label"`
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("message is not JSON: %v", err)
	}
	n := utf8.RuneCountInString
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 {
		t.Errorf("allowed_mentions.parse must be an empty list: %s", raw)
	}
	if n(m.Content) > 2000 {
		t.Errorf("content has %d characters", n(m.Content))
	}
	if m.Content == "" && len(m.Embeds) == 0 {
		t.Errorf("message has neither content nor embeds")
	}
	if len(m.Embeds) > 10 {
		t.Errorf("%d embeds", len(m.Embeds))
	}
	total := 0
	for i, e := range m.Embeds {
		if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
			t.Errorf("embed %d: title %d, description %d, fields %d", i, n(e.Title), n(e.Description), len(e.Fields))
		}
		total += n(e.Title) + n(e.Description)
		if e.Footer != nil {
			if n(e.Footer.Text) > 2048 {
				t.Errorf("embed %d: footer %d", i, n(e.Footer.Text))
			}
			total += n(e.Footer.Text)
		}
		if e.URL != "" && !strings.HasPrefix(e.URL, "http") {
			t.Errorf("embed %d: url %q", i, e.URL)
		}
		for j, f := range e.Fields {
			if f.Name == "" || f.Value == "" || n(f.Name) > 256 || n(f.Value) > 1024 {
				t.Errorf("embed %d field %d: name %d, value %d", i, j, n(f.Name), n(f.Value))
			}
			total += n(f.Name) + n(f.Value)
		}
		if e.Title == "" && e.Description == "" && len(e.Fields) == 0 {
			t.Errorf("embed %d is empty", i)
		}
	}
	if total > 6000 {
		t.Errorf("embeds total %d characters", total)
	}
	if len(m.Components) > 5 {
		t.Errorf("%d action rows", len(m.Components))
	}
	for i, row := range m.Components {
		if row.Type != 1 || len(row.Components) == 0 || len(row.Components) > 5 {
			t.Errorf("row %d: type %d with %d buttons", i, row.Type, len(row.Components))
		}
		for _, b := range row.Components {
			if b.Label == "" || n(b.Label) > 80 || b.CustomID == "" || n(b.CustomID) > 100 {
				t.Errorf("row %d: button %q / %q", i, b.Label, b.CustomID)
			}
		}
	}
}
