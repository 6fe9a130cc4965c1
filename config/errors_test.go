package config

import (
	"errors"
	"strings"
	"testing"
)

// TestParseErrors checks that each class of mistake yields exactly one error
// naming the right key and line.
func TestParseErrors(t *testing.T) {
	const feeds = "[[feeds]]\nurl = \"https://a.example/feed.xml\"\n\n[[feeds]]\nurl = \"https://b.example/feed.xml\"\n"
	tests := []struct {
		name    string
		doc     string
		line    int
		key     string
		message string
	}{
		{"syntax", "database = \"sqlite://x.db\"\nlisten = \n", 2, "", "invalid TOML"},
		{"unknown top-level key", "listen = \":8080\"\ndatabse = \"sqlite://x.db\"\n", 2, "databse", `unknown key (did you mean "database"?)`},
		{"unknown key without suggestion", "colour = \"blue\"\n", 1, "colour", "unknown key"},
		{"unknown key in second feed", feeds + "nmae = \"B\"\n", 6, "feeds[1].nmae", `did you mean "name"?`},
		{"unknown table", "[pol]\ninterval = \"5m\"\n", 1, "pol", `did you mean "poll"?`},
		{"unknown key in sub-table", "[poll]\nworkers = 4\nintervall = \"5m\"\n", 3, "poll.intervall", `did you mean "interval"?`},
		{"bad feed URL scheme", feeds + "\n[[feeds]]\nurl = \"htp://x\"\n", 8, "feeds[2].url", `"htp://x" is not an http(s) or file URL`},
		{"relative file URL", "[[feeds]]\nurl = \"file://feeds/a.xml\"\n", 2, "feeds[0].url", "absolute path"},
		{"feed without url", "[[feeds]]\nname = \"A\"\n", 1, "feeds[0]", "url is missing"},
		{"duplicate feed", feeds + "\n[[feeds]]\nurl = \"https://a.example/feed.xml\"\n", 8, "feeds[2].url", "already feeds[0]"},
		{"unknown lean", feeds + "lean = \"far-left\"\n", 6, "feeds[1].lean", `"far-left" is not one of left, center-left`},
		{"unknown genre", feeds + "genre = \"satire\"\n", 6, "feeds[1].genre", `"satire" is not one of reporting, opinion, analysis`},
		{"empty tag", "[[feeds]]\nurl = \"https://a.example/f\"\ntags = [\n  \"news\",\n  \"\",\n]\n", 5, "feeds[0].tags[1]", "non-empty"},
		{"unknown platform", "[[channels]]\nplatform = \"teams\"\nid = \"x\"\nschedule = \"0 8 * * *\"\n", 2, "channels[0].platform", `"teams" is not one of "discord", "slack", "console"`},
		{"channel without id", "[[channels]]\nplatform = \"slack\"\nlive = true\n", 1, "channels[0]", "id is missing"},
		{"cron with six fields", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nschedule = \"0 0 8 * * *\"\n", 4, "channels[0].schedule", "has 6 fields"},
		{"per-host rate zero", "[poll]\nper_host_rate = 0\n", 2, "poll.per_host_rate", "is not a rate of requests per second"},
		{"per-host rate a string", "[poll]\nper_host_rate = \"fast\"\n", 2, "poll.per_host_rate", "want a number"},
		{"cron descriptor unknown", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nschedule = \"@fortnightly\"\n", 4, "channels[0].schedule", "is not a known descriptor"},
		{"cron out of range", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nschedule = \"0 25 * * *\"\n", 4, "channels[0].schedule", "not a valid cron expression"},
		{"neither schedule nor live", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\n", 1, "channels[0]", "set a schedule"},
		{"unknown time zone", "[[channels]]\nplatform = \"discord\"\nid = \"1\"\nschedule = \"0 8 * * *\"\ntimezone = \"Europe/Atlantis\"\n", 5, "channels[0].timezone", `"Europe/Atlantis" is not an IANA time zone`},
		{"bad regex in multi-line array", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\ninclude = [\n  'ok',\n  '(unclosed',\n]\n", 7, "channels[0].include[1]", "not a valid RE2 regular expression: missing closing )"},
		{"lookahead is not RE2", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\nexclude = ['foo(?!bar)']\n", 5, "channels[0].exclude[0]", "not a valid RE2"},
		{"channel tag no feed has", feeds + "\n[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\ntags = [\"sport\"]\n", 11, "channels[0].tags[0]", `no feed has the tag "sport"`},
		{"unknown detail", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\ndetail = \"short\"\n", 5, "channels[0].detail", `"short" is not one of "brief", "full"`},
		{"brief digest with too many stories", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\nmax_stories = 12\n", 5, "channels[0].max_stories", `12 is more than a brief digest shows (9, one Discord message); lower it or set detail = "full"`},
		{"full digest with too many stories", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\ndetail = \"full\"\nmax_stories = 40\n", 6, "channels[0].max_stories", "40 is outside 1..20"},
		{"negative max_stories", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\nmax_stories = -1\n", 5, "channels[0].max_stories", "-1 is negative"},
		{"image as string", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\nimage = \"no\"\n", 5, "channels[0].image", "want true or false"},
		{"duplicate channel", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\n[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nlive = true\n", 7, "channels[1].id", "already channels[0]"},
		{"bad duration", "[poll]\ninterval = \"15 minutes\"\n", 2, "poll.interval", `"15 minutes" is not a duration`},
		{"duration as a number", "window = 3600\n", 1, "window", "want a duration string"},
		{"negative duration", "shutdown_timeout = \"-5s\"\n", 1, "shutdown_timeout", "must be a positive duration"},
		{"zero blindspot settle", "\nblindspot_settle = \"0s\"\n", 2, "blindspot_settle", "must be a positive duration"},
		{"blindspot settle over a week", "blindspot_settle = \"200h\"\n", 1, "blindspot_settle", "longer than a week"},
		{"min above max", "[poll]\nmin_interval = \"2h\"\nmax_interval = \"1h\"\ninterval = \"90m\"\n", 2, "poll.min_interval", "longer than poll.max_interval"},
		{"interval outside bounds", "[poll]\ninterval = \"1m\"\n", 2, "poll.interval", "outside poll.min_interval"},
		{"integer as string", "[poll]\nworkers = \"eight\"\n", 2, "poll.workers", `want an integer, got the string "eight"`},
		{"integer out of range", "[poll]\nworkers = 0\n", 2, "poll.workers", "0 is outside 1..1024"},
		{"huge integer", "[poll]\nworkers = 99999999999\n", 2, "poll.workers", "out of range"},
		{"bool as string", "allow_private_networks = \"yes\"\n", 1, "allow_private_networks", "want true or false"},
		{"array as string", "[[feeds]]\nurl = \"https://a.example/f\"\ntags = \"news\"\n", 3, "feeds[0].tags", "want an array"},
		{"table as string", "poll = \"fast\"\n", 1, "poll", "want a table"},
		{"bad database scheme", "\n\ndatabase = \"mysql://db/x\"\n", 3, "database", `"mysql://db/x" is not a sqlite:// or postgres:// URL`},
		{"postgres password redacted", "database = \"postgresql://u:hunter2@/x\"\n", 1, "database", "xxxxx"},
		{"postgres without host", "database = \"postgres:///nd\"\n", 1, "database", "not a valid postgres:// URL"},
		{"bad log format", "log_format = \"yaml\"\n", 1, "log_format", `"yaml" is not one of "text", "json"`},
		{"bad listen", "listen = \"8080\"\n", 1, "listen", "not a listen address"},
		{"bad discord mode", "[discord]\nmode = \"websocket\"\n", 2, "discord.mode", `"websocket" is not one of "gateway", "http"`},
		{"discord mode in inline table", "discord = { mode = \"rest\" }\n", 1, "discord.mode", "is not one of"},
		{"bad slack mode", "[slack]\nmode = \"rtm\"\n", 2, "slack.mode", `"rtm" is not one of "http", "socket"`},
		{"slack api_url without slash", "[slack]\napi_url = \"https://proxy.example/api\"\n", 2, "slack.api_url", `must end in "/"`},
		{"discord api_base not http", "[discord]\napi_base = \"ftp://x\"\n", 2, "discord.api_base", "not an http(s) URL"},
		{"discord id not a snowflake", "[discord]\napplication_id = \"my-bot\"\n", 2, "discord.application_id", "not a Discord id"},
		{"discord public key not hex", "[discord]\npublic_key = \"zz\"\n", 2, "discord.public_key", "64 hex digits"},
		{"dotted key", "poll.timeout = \"soon\"\n", 1, "poll.timeout", "not a duration"},
		{"byte-order mark and CRLF", "\ufefflisten = \":1\"\r\n\r\nlog_format = \"x\"\r\n", 3, "log_format", "is not one of"},
		{"nesting too deep", "a = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", 0, "", "nested 40 deep"},
		{"slack channel name instead of id", "[[channels]]\nplatform = \"slack\"\nid = \"#general\"\nlive = true\n", 3, "channels[0].id", "not a Slack channel id"},
		{"bad slack team id", "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nscope = \"acme\"\nlive = true\n", 4, "channels[0].scope", "not a Slack team id"},
		{"discord channel name instead of id", "[[channels]]\nplatform = \"discord\"\nid = \"news\"\nlive = true\n", 3, "channels[0].id", "not a Discord id"},
		{"bad discord guild id", "[[channels]]\nplatform = \"discord\"\nid = \"1\"\nscope = \"my server\"\nlive = true\n", 4, "channels[0].scope", "not a Discord id"},
		{"file too large", strings.Repeat("#", 1<<20+1), 0, "", "a configuration is at most"},
		{"backup with postgres", "database = \"postgres://h/db\"\nbackup_dir = \"/b\"\n", 2, "backup_dir", "SQLite only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.doc), nil)
			if err == nil {
				t.Fatalf("Parse(%q) = nil error, want one about %q", tt.doc, tt.key)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("errors.Is(err, ErrInvalid) = false for %v", err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *config.Error", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("want exactly one error, got:\n%v", err)
			}
			if e.Line != tt.line || e.Key != tt.key || !strings.Contains(e.Msg, tt.message) {
				t.Errorf("got line %d key %q msg %q\nwant line %d key %q msg containing %q", e.Line, e.Key, e.Msg, tt.line, tt.key, tt.message)
			}
			if tt.key != "" && !strings.HasPrefix(err.Error(), "config: line ") {
				t.Errorf("message %q does not start with the line", err)
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{Line: 12, Key: "feeds[2].url", Msg: `"htp://x" is not an http(s) or file URL`}, `config: line 12: feeds[2].url: "htp://x" is not an http(s) or file URL`},
		{Error{Line: 3, Msg: "invalid TOML: x"}, "config: line 3: invalid TOML: x"},
		{Error{Key: "listen", Msg: "bad"}, "config: listen: bad"},
		{Error{Msg: "bad"}, "config: bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// TestParseManyErrors checks that all problems are reported, in line order.
func TestParseManyErrors(t *testing.T) {
	doc := "log_format = \"xml\"\n[poll]\nworkers = -1\n[[feeds]]\nurl = \"gopher://x\"\n"
	_, err := Parse([]byte(doc), nil)
	if err == nil {
		t.Fatal("want errors")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{"config: line 1: log_format:", "config: line 3: poll.workers:", "config: line 5: feeds[0].url:"}
	if len(lines) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want prefix %q", i, lines[i], w)
		}
	}
}

// TestValidateWithoutFile checks errors of a Config built in code: no line.
func TestValidateWithoutFile(t *testing.T) {
	cfg := Default()
	cfg.Feeds = []Feed{{URL: "ftp://x"}}
	err := cfg.Validate()
	want := `config: feeds[0].url: "ftp://x" is not an http(s) or file URL`
	if err == nil || err.Error() != want {
		t.Fatalf("Validate() = %v, want %s", err, want)
	}
	if err := Default().Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v", err)
	}
}

// TestScheduleGrammarIsChats: what the chat schedule command accepts, the
// config accepts too (one grammar, package cron).
func TestScheduleGrammarIsChats(t *testing.T) {
	for _, expr := range []string{"@daily", "@hourly", "@weekly", "@monthly", "@yearly", "30 7 * * mon-fri", "0 12 * * 7"} {
		doc := "[[channels]]\nplatform = \"slack\"\nid = \"C1\"\nschedule = \"" + expr + "\"\ntimezone = \"Europe/Berlin\"\n"
		if _, err := Parse([]byte(doc), func(string) string { return "" }); err != nil {
			t.Errorf("schedule %q: %v", expr, err)
		}
	}
}
