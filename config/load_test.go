package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/newsdigest/newsdigest/examples"
)

// env returns a getenv over a fixed map.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestParseFull(t *testing.T) {
	doc := `
database = "postgres://nd@db.internal:5432/nd"
listen = "127.0.0.1:9090"
log_format = "json"
allow_private_networks = true
chat_allow_private_networks = true
user_agent = "test-agent/1"
window = "36h"
blindspot_settle = "6h"
shutdown_timeout = "10s"

[poll]
interval = "10m"
min_interval = "1m"
max_interval = "2h"
timeout = "5s"
max_body_bytes = 2048
max_bytes_in_flight = 4096
workers = 3
max_failures = 7
max_items_per_poll = 9
per_host_rate = 0.5
per_host_concurrency = 1
full_text = false

[[feeds]]
url = "https://a.example/rss"
name = "A"
lean = "center"
tags = ["world", "tech"]

[[feeds]]
url = "file:///srv/feeds/b.xml"

[[channels]]
platform = "discord"
id = "42"
scope = "7"
schedule = "30 7 * * 1-5"
timezone = "Europe/Berlin"
tags = ["tech"]
nothing_new = true

[[channels]]
platform = "slack"
id = "C1"
live = true
live_max_per_hour = 2
include = ['(?i)election']
exclude = ['sport']
detail = "full"
max_stories = 12
image = false

[discord]
application_id = "123"
public_key = "` + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" + `"
mode = "http"
guild_id = "456"
api_base = "http://127.0.0.1:1/api"

[slack]
mode = "socket"
api_url = "http://127.0.0.1:2/api/"
admin_group = "S1"
`
	got, err := Parse([]byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Database:                 "postgres://nd@db.internal:5432/nd",
		Listen:                   "127.0.0.1:9090",
		LogFormat:                "json",
		AllowPrivateNetworks:     true,
		ChatAllowPrivateNetworks: true,
		UserAgent:                "test-agent/1",
		Window:                   36 * time.Hour,
		BlindspotSettle:          6 * time.Hour,
		ShutdownTimeout:          10 * time.Second,
		BackupInterval:           DefaultBackupInterval,
		Poll: Poll{Interval: 10 * time.Minute, MinInterval: time.Minute, MaxInterval: 2 * time.Hour,
			Timeout: 5 * time.Second, MaxBodyBytes: 2048, MaxBytesInFlight: 4096, Workers: 3, MaxFailures: 7, MaxItemsPerPoll: 9,
			PerHostRate: 0.5, PerHostConcurrency: 1},
		Feeds: []Feed{
			{URL: "https://a.example/rss", Name: "A", Lean: "center", Tags: []string{"world", "tech"}},
			{URL: "file:///srv/feeds/b.xml", Name: "b.xml"},
		},
		Channels: []Channel{
			{Platform: "discord", ID: "42", Scope: "7", Schedule: "30 7 * * 1-5", Timezone: "Europe/Berlin",
				Tags: []string{"tech"}, NothingNew: true, LiveMaxPerHour: DefaultLiveMaxPerHour, Detail: DetailBrief, Image: true},
			{Platform: "slack", ID: "C1", Timezone: "UTC", Live: true, LiveMaxPerHour: 2,
				Include: []string{"(?i)election"}, Exclude: []string{"sport"}, Detail: DetailFull, MaxStories: 12},
		},
		Discord: Discord{ApplicationID: "123", PublicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
			Mode: "http", GuildID: "456", APIBase: "http://127.0.0.1:1/api"},
		Slack: Slack{Mode: "socket", APIURL: "http://127.0.0.1:2/api/", AdminGroup: "S1"},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Config{})); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}
	if line := got.Line("channels[1].include[0]"); line != 49 {
		t.Errorf("Line(channels[1].include[0]) = %d, want 49", line)
	}
}

func TestDatabaseForms(t *testing.T) {
	for _, dsn := range []string{
		"sqlite://newsdigest.db",
		"sqlite:///data/newsdigest.db",
		"sqlite://:memory:",
		"postgres://nd:secret@db.internal:5432/nd?sslmode=require",
		"postgresql://db/nd",
		"postgres:///nd?host=/var/run/postgresql",
	} {
		if _, err := Parse([]byte("database = \""+dsn+"\"\n"), nil); err != nil {
			t.Errorf("database %q: %v", dsn, err)
		}
	}
}

func TestParseEmptyIsDefault(t *testing.T) {
	got, err := Parse(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Default(), got, cmpopts.IgnoreUnexported(Config{})); diff != "" {
		t.Errorf("empty document differs from Default (-want +got):\n%s", diff)
	}
}

func TestEnvOverridesFile(t *testing.T) {
	doc := `database = "sqlite://file.db"
[discord]
token = "from-file"
[slack]
bot_token = "xoxb-file"
signing_secret = "file-secret"
`
	vars := map[string]string{
		EnvDiscordToken:       "env-token",
		EnvDiscordPublicKey:   "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
		EnvSlackBotToken:      "xoxb-env",
		EnvSlackSigningSecret: "env-secret",
		EnvSlackAppToken:      "xapp-env",
		EnvDatabaseURL:        "postgres://env-host/db",
		EnvInstance:           "fly-machine-3d8d9",
	}
	cfg, err := Parse([]byte(doc), env(vars))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{
		EnvDiscordToken:       cfg.Discord.Token,
		EnvDiscordPublicKey:   cfg.Discord.PublicKey,
		EnvSlackBotToken:      cfg.Slack.BotToken,
		EnvSlackSigningSecret: cfg.Slack.SigningSecret,
		EnvSlackAppToken:      cfg.Slack.AppToken,
		EnvDatabaseURL:        cfg.Database,
		EnvInstance:           cfg.Instance,
	}
	if diff := cmp.Diff(vars, got); diff != "" {
		t.Errorf("environment did not win (-want +got):\n%s", diff)
	}

	// Unset variables keep the file's values.
	cfg, err = Parse([]byte(doc), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Discord.Token != "from-file" || cfg.Slack.BotToken != "xoxb-file" || cfg.Database != "sqlite://file.db" {
		t.Errorf("file values lost without environment: %+v %+v %q", cfg.Discord, cfg.Slack, cfg.Database)
	}
}

// TestEnvValueIsValidated checks that a bad value from the environment is an
// error that names the key without pointing at a line of the file.
func TestEnvValueIsValidated(t *testing.T) {
	_, err := Parse([]byte("database = \"sqlite://ok.db\"\n"), env(map[string]string{EnvDatabaseURL: "mysql://x"}))
	var e *Error
	if !errors.As(err, &e) || e.Key != "database" || e.Line != 0 {
		t.Fatalf("got %v, want an error about database without a line", err)
	}
}

func TestInstanceName(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"", true}, {"newsdigest-1", true}, {"host.example:2", true}, {"a_b", true},
		{"two words", false}, {"tab\tname", false}, {strings.Repeat("x", 101), false}, {"ünïcode", false},
	} {
		_, err := Parse([]byte("database = \"sqlite://ok.db\"\n"), env(map[string]string{EnvInstance: tc.name}))
		var e *Error
		if tc.ok && err != nil || !tc.ok && (!errors.As(err, &e) || e.Key != "instance") {
			t.Errorf("instance %q: %v, want ok=%v", tc.name, err, tc.ok)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "newsdigest.toml")
	if err := os.WriteFile(path, []byte("listen = \":9999\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path, env(map[string]string{EnvDatabaseURL: "sqlite://env.db"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != ":9999" || cfg.Database != "sqlite://env.db" {
		t.Errorf("Load: listen %q database %q", cfg.Listen, cfg.Database)
	}
	_, err = Load(filepath.Join(dir, "missing.toml"), nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want fs.ErrNotExist", err)
	}
}

// TestExampleConfig keeps examples/newsdigest.toml valid.
func TestExampleConfig(t *testing.T) {
	cfg, err := Parse(examples.ExampleConfig, nil)
	if err != nil {
		t.Fatalf("examples/newsdigest.toml: %v", err)
	}
	if !cfg.DiscordEnabled() || !cfg.SlackEnabled() {
		t.Error("the example should configure both Discord and Slack")
	}
	if err := cfg.CheckSecrets(); err == nil {
		t.Error("CheckSecrets without environment = nil, want missing tokens")
	}
	cfg, err = Parse(examples.ExampleConfig, env(map[string]string{
		EnvDiscordToken:       "t",
		EnvSlackBotToken:      "xoxb-1",
		EnvSlackSigningSecret: "s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.CheckSecrets(); err != nil {
		t.Errorf("CheckSecrets with environment: %v", err)
	}
}

// TestExampleDocumentsEveryKey keeps examples/newsdigest.toml a complete
// reference: every key the decoder accepts appears in it, set or commented.
func TestExampleDocumentsEveryKey(t *testing.T) {
	example := string(examples.ExampleConfig)
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for name, i := range tomlFields(typ) {
			key := joinPath(prefix, name)
			ft := typ.Field(i).Type
			if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
				ft = ft.Elem()
			}
			pattern := `(?m)^[#\s]*` + regexp.QuoteMeta(name) + `\s*=` // a key, set or commented
			if ft.Kind() == reflect.Struct && ft != durationType {
				pattern = `(?m)^\[\[?` + regexp.QuoteMeta(key) + `\]\]?\s*$` // a table header
				walk(key, ft)
			}
			if !regexp.MustCompile(pattern).MatchString(example) {
				t.Errorf("examples/newsdigest.toml does not mention %s", key)
			}
		}
	}
	walk("", reflect.TypeFor[Config]())
}
