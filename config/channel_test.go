package config

import (
	"errors"
	"strings"
	"testing"
)

func TestChannelLocation(t *testing.T) {
	loc, err := Channel{Timezone: "America/New_York"}.Location()
	if err != nil || loc.String() != "America/New_York" {
		t.Errorf("Location = %v, %v", loc, err)
	}
	if loc, err := (Channel{}).Location(); err != nil || loc.String() != "UTC" {
		t.Errorf("empty time zone: %v, %v, want UTC", loc, err)
	}
	for _, tz := range []string{"Mars/Olympus", "Local"} {
		if _, err := (Channel{Timezone: tz}).Location(); !errors.Is(err, ErrInvalid) {
			t.Errorf("Location(%q) err = %v, want ErrInvalid", tz, err)
		}
	}
}

func TestFeedsFor(t *testing.T) {
	cfg := Default()
	cfg.Feeds = []Feed{
		{URL: "https://a.example/", Tags: []string{"world"}},
		{URL: "https://b.example/", Tags: []string{"tech", "science"}},
		{URL: "https://c.example/"},
	}
	got := func(tags ...string) string {
		var urls []string
		for _, f := range cfg.FeedsFor(Channel{Tags: tags}) {
			urls = append(urls, f.URL)
		}
		return strings.Join(urls, " ")
	}
	if all := got(); all != "https://a.example/ https://b.example/ https://c.example/" {
		t.Errorf("no tags: %s", all)
	}
	if sci := got("science", "world"); sci != "https://a.example/ https://b.example/" {
		t.Errorf("science+world: %s", sci)
	}
}

func TestCheckSecrets(t *testing.T) {
	tests := []struct {
		name    string
		cfg     func(c *Config)
		missing []string
	}{
		{"nothing configured", func(c *Config) {}, nil},
		{"discord channel without token", func(c *Config) {
			c.Channels = []Channel{{Platform: PlatformDiscord, ID: "1", Live: true}}
		}, []string{EnvDiscordToken}},
		{"discord http mode", func(c *Config) {
			c.Discord.Token, c.Discord.Mode = "t", "http"
		}, []string{EnvDiscordPublicKey, "discord.application_id"}},
		{"slack http mode", func(c *Config) {
			c.Slack.BotToken = "xoxb-1"
		}, []string{EnvSlackSigningSecret}},
		{"slack socket mode", func(c *Config) {
			c.Channels = []Channel{{Platform: PlatformSlack, ID: "C", Live: true}}
			c.Slack.Mode = "socket"
		}, []string{EnvSlackBotToken, EnvSlackAppToken}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.cfg(c)
			err := c.CheckSecrets()
			if len(tt.missing) == 0 {
				if err != nil {
					t.Fatalf("CheckSecrets = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("CheckSecrets = %v, want ErrInvalid", err)
			}
			if n := strings.Count(err.Error(), "\n") + 1; n != len(tt.missing) {
				t.Errorf("%d problems, want %d: %v", n, len(tt.missing), err)
			}
			for _, m := range tt.missing {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not name %s", err, m)
				}
			}
		})
	}
}
