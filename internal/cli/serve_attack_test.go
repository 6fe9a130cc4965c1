package cli

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeDiscordAPI records the follow-up messages serve sends and accepts
// everything else Discord's REST API is asked at start-up.
type fakeDiscordAPI struct {
	mu       sync.Mutex
	followUp map[string][]string // interaction token → message bodies
}

func (f *fakeDiscordAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	if token, ok := strings.CutPrefix(r.URL.Path, "/webhooks/"+attackAppID+"/"); ok && r.Method == http.MethodPost {
		f.mu.Lock()
		f.followUp[token] = append(f.followUp[token], string(body))
		f.mu.Unlock()
		io.WriteString(w, `{"id":"1"}`)
		return
	}
	if r.Method == http.MethodPut {
		w.Write(body) // command registration
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (f *fakeDiscordAPI) wait(t *testing.T, token string) string {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		f.mu.Lock()
		got := f.followUp[token]
		f.mu.Unlock()
		if len(got) > 0 {
			return strings.Join(got, "\n")
		}
	}
	t.Fatalf("no answer to interaction %s", token)
	return ""
}

const attackAppID = "222222222222222222"

// serveWithDiscord starts serve on the sample configuration with Discord in
// HTTP mode against fake, and allow_private_networks on, as the README
// recommends for self-hosted feeds. It returns serve's base URL and the
// signing key of the fake Discord application.
func serveWithDiscord(t *testing.T, fake http.Handler, chatPrivate bool) (string, ed25519.PrivateKey) {
	t.Helper()
	api := httptest.NewServer(fake)
	t.Cleanup(api.Close)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	a := sampleApp(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a.cfg.Listen = ln.Addr().String()
	ln.Close()
	a.cfg.AllowPrivateNetworks = true
	a.cfg.ChatAllowPrivateNetworks = chatPrivate
	a.cfg.Discord.Mode = "http"
	a.cfg.Discord.ApplicationID = attackAppID
	a.cfg.Discord.PublicKey = hex.EncodeToString(pub)
	a.cfg.Discord.Token = "test-token"
	a.cfg.Discord.APIBase = api.URL
	a.cfg.ShutdownTimeout = 5 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	base := "http://" + a.cfg.Listen
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not start")
		}
	}
	return base, priv
}

// interact posts a signed slash command as guild 777's member with the
// given permission bits.
func interact(t *testing.T, base string, key ed25519.PrivateKey, token, perms, name, options string) {
	t.Helper()
	body := fmt.Sprintf(`{"id":%q,"application_id":%q,"type":2,"token":%q,"guild_id":"777","channel_id":"888",
"member":{"user":{"id":"999","username":"m"},"permissions":%q},"data":{"id":"9","name":%q,"type":1,"options":%s}}`,
		"i-"+token, attackAppID, token, perms, name, options)
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, base+"/discord/interactions", strings.NewReader(body))
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, []byte(stamp+body))))
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("interaction answered %d", resp.StatusCode)
	}
}

// TestServeChatCannotReadTheIntranet is finding 1 of issue 14, through
// serve's real wiring: with allow_private_networks on for the operator's
// feeds, no chat user, member or admin, gets an internal page's text back
// from /framing or /feeds add.
func TestServeChatCannotReadTheIntranet(t *testing.T) {
	const secret = "TOPSECRET-payroll-figures"
	intranet := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".xml") {
			io.WriteString(w, `<rss version="2.0"><channel><title>`+secret+`</title><item><title>`+secret+`</title><link>https://x.example/1</link></item></channel></rss>`)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><head><title>Admin</title></head><body><article><h1>"+secret+"</h1><p>"+
			strings.Repeat("The payroll table lists every salary in the company and the bonus of each manager. ", 20)+
			secret+"</p></article></body></html>")
	}))
	defer intranet.Close()
	fake := &fakeDiscordAPI{followUp: map[string][]string{}}
	base, key := serveWithDiscord(t, fake, false)

	const member, admin = "0", "32" // Manage Server is 1<<5
	tests := []struct {
		name, token, perms, command, options, want string
	}{
		{"member framing", "tok-member", member, "framing",
			`[{"name":"url","type":3,"value":"` + intranet.URL + `/admin"}]`, "same permission as feeds add"},
		{"admin framing", "tok-admin", admin, "framing",
			`[{"name":"url","type":3,"value":"` + intranet.URL + `/admin"}]`, "private network"},
		{"admin feeds add", "tok-add", admin, "feeds",
			`[{"name":"add","type":1,"options":[{"name":"url","type":3,"value":"` + intranet.URL + `/feed.xml"}]}]`, "private network"},
		{"admin framing, IPv4-compatible IPv6", "tok-v6", admin, "framing",
			`[{"name":"url","type":3,"value":"http://[::127.0.0.1]:` + intranet.Listener.Addr().(*net.TCPAddr).AddrPort().String()[len("127.0.0.1:"):] + `/admin"}]`, "private network"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			interact(t, base, key, tt.token, tt.perms, tt.command, tt.options)
			got := fake.wait(t, tt.token)
			if strings.Contains(got, secret) || strings.Contains(got, "payroll") {
				t.Fatalf("the intranet page reached chat: %s", got)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("answer %s\ndoes not say %q", got, tt.want)
			}
			for _, internal := range []string{"dial tcp", "refusing to connect", "lookup "} {
				if strings.Contains(got, internal) {
					t.Errorf("answer shows internals (%q): %s", internal, got)
				}
			}
		})
	}
}

// TestServeChatPrivateNetworksForAdminsOnly: chat_allow_private_networks
// opens private addresses to server admins, never to members.
func TestServeChatPrivateNetworksForAdminsOnly(t *testing.T) {
	intranet := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><head><title>Wiki</title></head><body><article><h1>Team wiki</h1><p>"+
			strings.Repeat("The harbour team meets on Mondays to plan the week and review the ferry timetable. ", 20)+"</p></article></body></html>")
	}))
	defer intranet.Close()
	fake := &fakeDiscordAPI{followUp: map[string][]string{}}
	base, key := serveWithDiscord(t, fake, true)
	opts := `[{"name":"url","type":3,"value":"` + intranet.URL + `/wiki"}]`
	interact(t, base, key, "tok-m", "0", "framing", opts)
	if got := fake.wait(t, "tok-m"); strings.Contains(got, "harbour team") {
		t.Errorf("a member read the private page: %s", got)
	}
	interact(t, base, key, "tok-a", "32", "framing", opts)
	if got := fake.wait(t, "tok-a"); !strings.Contains(got, "harbour team") {
		t.Errorf("an admin with chat_allow_private_networks got %s", got)
	}
}
