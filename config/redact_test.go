package config

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestSecretsNeverPrinted(t *testing.T) {
	cfg := Default()
	cfg.Database = "postgres://nd:db-password-1@db.internal/nd"
	cfg.Discord.Token = "discord-token-2"
	cfg.Slack.BotToken = "xoxb-slack-token-3"
	cfg.Slack.AppToken = "xapp-app-token-4"
	cfg.Slack.SigningSecret = "signing-secret-5"
	secrets := []string{"db-password-1", "discord-token-2", "xoxb-slack-token-3", "xapp-app-token-4", "signing-secret-5"}

	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("start", slog.Any("config", cfg))
	outputs := map[string]string{
		"%v":   fmt.Sprintf("%v", cfg.Discord) + fmt.Sprintf("%v", cfg.Slack),
		"%+v":  fmt.Sprintf("%+v", cfg),
		"slog": logged.String(),
	}
	for how, out := range outputs {
		for _, s := range secrets[1:] {
			if strings.Contains(out, s) {
				t.Errorf("%s output leaks %q: %s", how, s, out)
			}
		}
	}
	if strings.Contains(logged.String(), secrets[0]) {
		t.Errorf("log leaks the database password: %s", logged.String())
	}
	if !strings.Contains(logged.String(), `"discord_token":true`) {
		t.Errorf("log should say the Discord token is set: %s", logged.String())
	}
}
