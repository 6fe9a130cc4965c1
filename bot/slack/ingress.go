package slack

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/slack-go/slack"
)

// Body limits: a slash command is a short form; a button press carries the
// whole message it sits in.
const (
	maxCommandBody     = 64 << 10
	maxInteractionBody = 1 << 20
)

// workingText acknowledges a command while it runs.
const workingText = "Working on it…"

// ackBody is the immediate ephemeral answer to a slash command.
type ackBody struct {
	ResponseType string `json:"response_type"`
	Text         string `json:"text"`
}

// CommandsHandler serves Slack's slash command requests (mount it at
// /slack/commands). It verifies the request, answers at once, and posts the
// command's result in the background.
func (b *Bot) CommandsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form, ok := b.readSigned(w, r, maxCommandBody)
		if !ok {
			return
		}
		sc := slack.SlashCommand{
			TeamID:      form.Get("team_id"),
			ChannelID:   form.Get("channel_id"),
			UserID:      form.Get("user_id"),
			Command:     form.Get("command"),
			Text:        form.Get("text"),
			ResponseURL: form.Get("response_url"),
			TriggerID:   form.Get("trigger_id"),
		}
		writeJSON(w, b.acceptSlash(sc))
	})
}

// InteractivityHandler serves Slack's interactivity requests, the button
// presses (mount it at /slack/interactivity).
func (b *Bot) InteractivityHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form, ok := b.readSigned(w, r, maxInteractionBody)
		if !ok {
			return
		}
		var cb slack.InteractionCallback
		if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
			http.Error(w, "bad interaction payload", http.StatusBadRequest)
			return
		}
		b.acceptInteraction(cb)
		w.WriteHeader(http.StatusOK)
	})
}

// readSigned reads at most limit bytes of body, verifies Slack's signature
// and parses the form; on failure it has answered 413, 401 or 400.
func (b *Bot) readSigned(w http.ResponseWriter, r *http.Request, limit int64) (url.Values, bool) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return nil, false
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return nil, false
	}
	if isSSLCheck(body) {
		// Slack probes the command URL's certificate now and then; the
		// probe asks for nothing, so it is answered without a signature.
		w.WriteHeader(http.StatusOK)
		return nil, false
	}
	if err := b.verify(r.Context(), r.Header, body); err != nil {
		if errors.Is(err, ErrReplayCheck) {
			b.log.ErrorContext(r.Context(), "slack: refused request", slog.Any("error", err))
			http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
			return nil, false
		}
		b.log.WarnContext(r.Context(), "slack: refused request", slog.String("remote_addr", r.RemoteAddr), slog.Any("error", err))
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, fmt.Sprintf("bad form: %v", err), http.StatusBadRequest)
		return nil, false
	}
	return form, true
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		// The client has gone; nothing to tell it.
		return
	}
}

// isSSLCheck reports whether body is Slack's certificate probe, which
// carries ssl_check=1 and no command.
func isSSLCheck(body []byte) bool {
	form, err := url.ParseQuery(string(body))
	return err == nil && form.Get("ssl_check") == "1" && form.Get("command") == "" && form.Get("payload") == ""
}
