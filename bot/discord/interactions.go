package discord

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// InteractionsHandler serves Discord's Interactions Endpoint URL (mounted by
// `newsdigest serve` at /discord/interactions). Every request must carry a
// valid Ed25519 signature over timestamp+body made less than five minutes
// ago, else 401; bodies over the limit get 413. Commands are acknowledged at
// once with a deferred response and run in the background; their result
// arrives as a follow-up message.
func (b *Bot) InteractionsHandler() http.Handler {
	return http.HandlerFunc(b.serveInteraction)
}

func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request) {
	received := b.now()
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.ContentLength > b.maxBody {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, b.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read body", http.StatusBadRequest)
		return
	}
	// Counted from here, not from the first byte, so a client trickling a
	// body in slowly does not hold commands back (at most ackPriority anyway).
	b.acking.Add(1)
	defer b.acking.Add(-1)
	if b.pubKey == nil {
		http.Error(w, "interactions endpoint not configured (no public key)", http.StatusUnauthorized)
		return
	}
	sig, ts := r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp")
	if err := verifySignature(b.pubKey, sig, ts, body, received, b.maxSkew); err != nil {
		b.log.LogAttrs(r.Context(), slog.LevelInfo, "discord interaction rejected",
			slog.String("remote_addr", r.RemoteAddr), slog.String("error", err.Error()))
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	in, err := parseInteraction(body)
	if err != nil {
		b.log.LogAttrs(r.Context(), slog.LevelWarn, "discord interaction unreadable", slog.String("error", err.Error()))
		http.Error(w, "cannot parse interaction", http.StatusBadRequest)
		return
	}
	if in.Type != discordgo.InteractionPing && in.ID != "" {
		first, err := b.replays.first(r.Context(), in.ID, received)
		if err != nil {
			b.log.LogAttrs(r.Context(), slog.LevelError, "discord interaction: cannot check for a replay",
				slog.String("interaction_id", in.ID), slog.String("error", err.Error()))
			http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
			return
		}
		if !first {
			b.log.LogAttrs(r.Context(), slog.LevelWarn, "discord interaction replayed",
				slog.String("interaction_id", in.ID), slog.String("remote_addr", r.RemoteAddr))
			http.Error(w, "interaction already handled", http.StatusConflict)
			return
		}
	}
	resp, work := b.dispatch(r.Context(), in, received)
	out, err := json.Marshal(resp)
	if err != nil {
		b.log.LogAttrs(r.Context(), slog.LevelError, "discord response encode", slog.String("error", err.Error()))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(out)
	if work != nil {
		// Flush so Discord has the acknowledgement before the follow-up can race it.
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		b.goBackground(work)
	}
}
