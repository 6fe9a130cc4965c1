package config

import (
	"encoding/hex"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones must resolve in a scratch container too
)

// Validate checks every value and returns nil or errors (matching ErrInvalid)
// that name each bad key, with its line when the Config came from a file.
// It does not require secrets; see CheckSecrets.
func (c *Config) Validate() error {
	p := &problems{lines: c.lines}
	c.validateTop(p)
	c.Poll.validate(p)
	c.validateFeeds(p)
	c.validateChannels(p)
	c.Discord.validate(p)
	c.Slack.validate(p)
	return p.err()
}

func (c *Config) validateTop(p *problems) {
	validateDatabase(p, "database", c.Database)
	if _, port, err := net.SplitHostPort(c.Listen); err != nil {
		p.add("listen", "%q is not a listen address like \":8080\" or \"127.0.0.1:8080\"", c.Listen)
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		p.add("listen", "%q has no valid port number", c.Listen)
	}
	oneOf(p, "log_format", c.LogFormat, "text", "json")
	if strings.TrimSpace(c.UserAgent) == "" || strings.ContainsAny(c.UserAgent, "\r\n") {
		p.add("user_agent", "must be one non-empty line")
	}
	positive(p, "window", c.Window)
	positive(p, "blindspot_settle", c.BlindspotSettle)
	if c.BlindspotSettle > MaxBlindspotSettle {
		p.add("blindspot_settle", "%s is longer than a week (%s): no story would be old enough for a blindspot in a digest", c.BlindspotSettle, MaxBlindspotSettle)
	}
	positive(p, "shutdown_timeout", c.ShutdownTimeout)
	positive(p, "backup_interval", c.BackupInterval)
	if c.Instance != "" && !validInstance(c.Instance) {
		p.add("instance", "%q: use up to 100 letters, digits, '.', '_', ':' or '-'", c.Instance)
	}
	if c.BackupDir != "" && !strings.HasPrefix(c.Database, "sqlite://") {
		p.add("backup_dir", "backups are made for SQLite only; back up PostgreSQL with its own tools and remove backup_dir")
	}
}

// validateDatabase accepts sqlite://PATH and postgres(ql)://….
func validateDatabase(p *problems, key, dsn string) {
	switch {
	case strings.HasPrefix(dsn, "sqlite://"):
		if strings.TrimPrefix(dsn, "sqlite://") == "" {
			p.add(key, "%q names no file; write \"sqlite:///data/newsdigest.db\" or \"sqlite://newsdigest.db\"", dsn)
		}
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		u, err := url.Parse(dsn)
		if err != nil || u.Host == "" && u.Query().Get("host") == "" { // ?host= names a Unix socket directory
			p.add(key, "%q is not a valid postgres:// URL (postgres://user:password@host:5432/dbname)", redact(dsn))
		}
	default:
		p.add(key, "%q is not a sqlite:// or postgres:// URL", redact(dsn))
	}
}

// redact hides a password in a URL shown in an error message.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			return u.Redacted()
		}
	}
	return dsn
}

func (poll Poll) validate(p *problems) {
	positive(p, "poll.interval", poll.Interval)
	positive(p, "poll.min_interval", poll.MinInterval)
	positive(p, "poll.max_interval", poll.MaxInterval)
	positive(p, "poll.timeout", poll.Timeout)
	if poll.MinInterval > poll.MaxInterval {
		p.add("poll.min_interval", "%s is longer than poll.max_interval (%s)", poll.MinInterval, poll.MaxInterval)
	} else if poll.Interval < poll.MinInterval || poll.Interval > poll.MaxInterval {
		p.add("poll.interval", "%s is outside poll.min_interval..poll.max_interval (%s..%s)", poll.Interval, poll.MinInterval, poll.MaxInterval)
	}
	if poll.MaxBodyBytes < 1024 {
		p.add("poll.max_body_bytes", "%d is too small; feeds need at least 1024 bytes (default %d)", poll.MaxBodyBytes, DefaultPoll.MaxBodyBytes)
	}
	if poll.MaxBytesInFlight < poll.MaxBodyBytes {
		p.add("poll.max_bytes_in_flight", "%d is less than poll.max_body_bytes (%d); one body must fit", poll.MaxBytesInFlight, poll.MaxBodyBytes)
	}
	between(p, "poll.workers", poll.Workers, 1, 1024)
	between(p, "poll.max_failures", poll.MaxFailures, 1, 1000)
	between(p, "poll.max_items_per_poll", poll.MaxItemsPerPoll, 1, 10000)
	between(p, "poll.per_host_concurrency", poll.PerHostConcurrency, 1, 64)
	if !(poll.PerHostRate > 0 && poll.PerHostRate <= 1000) {
		p.add("poll.per_host_rate", "%g is not a rate of requests per second between 0 and 1000 (default %g)", poll.PerHostRate, DefaultPoll.PerHostRate)
	}
}

func (c *Config) validateFeeds(p *problems) {
	seen := map[string]int{}
	for i, f := range c.Feeds {
		key := indexPath("feeds", i)
		if f.URL == "" {
			p.add(key, "url is missing")
		} else if msg := checkFeedURL(f.URL); msg != "" {
			p.add(key+".url", "%q %s", f.URL, msg)
		} else if j, dup := seen[f.URL]; dup {
			p.add(key+".url", "%q is already feeds[%d]", f.URL, j)
		} else {
			seen[f.URL] = i
		}
		if f.Lean != "" && !slices.Contains(Leans, f.Lean) {
			p.add(key+".lean", "%q is not one of %s (or leave it out)", f.Lean, strings.Join(Leans, ", "))
		}
		if f.Genre != "" && !slices.Contains(Genres, f.Genre) {
			p.add(key+".genre", "%q is not one of %s (or leave it out)", f.Genre, strings.Join(Genres, ", "))
		}
		checkTags(p, key+".tags", f.Tags)
	}
}

// checkFeedURL returns "" for an acceptable config feed URL, else what is wrong.
func checkFeedURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "is not a valid URL"
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return "has no host"
		}
	case "file":
		if u.Host != "" && u.Host != "localhost" || !strings.HasPrefix(u.Path, "/") {
			return "must name an absolute path, like file:///srv/feeds/local.xml"
		}
	default:
		return "is not an http(s) or file URL"
	}
	return ""
}

func checkTags(p *problems, key string, tags []string) {
	for i, t := range tags {
		if strings.TrimSpace(t) == "" || t != strings.TrimSpace(t) {
			p.add(indexPath(key, i), "%q: a tag must be non-empty and have no surrounding spaces", t)
		}
	}
}

func (d Discord) validate(p *problems) {
	oneOf(p, "discord.mode", d.Mode, "gateway", "http")
	checkAPIURL(p, "discord.api_base", d.APIBase)
	snowflake(p, "discord.application_id", d.ApplicationID)
	snowflake(p, "discord.guild_id", d.GuildID)
	if d.PublicKey != "" {
		if b, err := hex.DecodeString(d.PublicKey); err != nil || len(b) != 32 {
			p.add("discord.public_key", "must be the 64 hex digits of the application's public key")
		}
	}
}

func (s Slack) validate(p *problems) {
	oneOf(p, "slack.mode", s.Mode, "http", "socket")
	if checkAPIURL(p, "slack.api_url", s.APIURL) && !strings.HasSuffix(s.APIURL, "/") {
		p.add("slack.api_url", "%q must end in \"/\"", s.APIURL)
	}
	if s.BotToken != "" && !strings.HasPrefix(s.BotToken, "xoxb-") {
		p.add("slack.bot_token", "a bot token starts with \"xoxb-\"")
	}
	if s.AppToken != "" && !strings.HasPrefix(s.AppToken, "xapp-") {
		p.add("slack.app_token", "an app-level token starts with \"xapp-\"")
	}
}

// checkAPIURL reports whether raw is an absolute http(s) URL, adding a problem if not.
func checkAPIURL(p *problems, key, raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.add(key, "%q is not an http(s) URL", raw)
		return false
	}
	return true
}

// snowflake checks an optional Discord id.
func snowflake(p *problems, key, id string) {
	if id == "" {
		return
	}
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		p.add(key, "%q is not a Discord id (digits only; copy it with Developer Mode on)", id)
	}
}

// oneOf reports whether v is one of allowed, adding a problem if not.
func oneOf(p *problems, key, v string, allowed ...string) bool {
	if slices.Contains(allowed, v) {
		return true
	}
	quoted := make([]string, len(allowed))
	for i, a := range allowed {
		quoted[i] = strconv.Quote(a)
	}
	p.add(key, "%q is not one of %s", v, strings.Join(quoted, ", "))
	return false
}

func positive(p *problems, key string, d time.Duration) {
	if d <= 0 {
		p.add(key, "must be a positive duration, got %s", d)
	}
}

func between(p *problems, key string, n, lo, hi int) {
	if n < lo || n > hi {
		p.add(key, "%d is outside %d..%d", n, lo, hi)
	}
}

// validInstance reports whether name can name an instance: short, and
// plain enough to read in logs and lease rows.
func validInstance(name string) bool {
	if len(name) > 100 {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._:-", r)) {
			return false
		}
	}
	return true
}
