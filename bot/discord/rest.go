package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsdigest/newsdigest/bot"
)

// Discord JSON error codes we act on.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
	codeUnknownWebhook     = 10015
	codeInvalidWebhookTok  = 50027
)

// APIError is a non-success answer from Discord's REST API.
type APIError struct {
	Status  int
	Code    int    // Discord's JSON error code, 0 if none
	Message string // Discord's message, or the start of the body
	// Wait is the delay a 429 asked for; zero otherwise.
	Wait time.Duration
}

// Error says what Discord answered, for the log.
func (e *APIError) Error() string {
	return fmt.Sprintf("discord api: HTTP %d code %d: %s", e.Status, e.Code, e.Message)
}

// Is lets errors.Is(err, ErrMissingPermission) match permission refusals,
// and errors.Is(err, bot.ErrPermanent) match the refusals retrying cannot
// fix: the channel is gone or the bot may no longer see or post in it.
func (e *APIError) Is(target error) bool {
	denied := e.Code == codeMissingPermissions || e.Code == codeMissingAccess
	switch target {
	case ErrMissingPermission:
		return denied
	case bot.ErrPermanent:
		return denied || e.Code == codeUnknownChannel
	}
	return false
}

// RetryAfter is how long a 429 asked us to wait, so the outbox can count
// the rate limit and wait that long before trying again.
func (e *APIError) RetryAfter() time.Duration { return e.Wait }

// tokenExpired reports whether an interaction webhook refused a follow-up
// because its 15-minute token is no longer valid.
func tokenExpired(err error) bool {
	var ae *APIError
	if !errors.As(err, &ae) {
		return false
	}
	return ae.Code == codeInvalidWebhookTok || ae.Code == codeUnknownWebhook || ae.Status == http.StatusUnauthorized
}

// request is one REST call.
type request struct {
	method    string
	url       string // a discordgo Endpoint* URL; the transport maps it to api_base
	bucket    string // discordgo rate-limit bucket key
	body      any
	uploads   []upload // files sent with body as multipart/form-data
	auth      bool     // send the bot token
	retryable bool     // safe to resend after a transport error (idempotent or nonce-guarded)
}

// do sends req through discordgo's bucket limiter and our retry policy: a 429
// waits out retry_after and resends; 5xx (and transport errors on retryable
// requests) back off exponentially; 4xx fail at once as *APIError.
func (b *Bot) do(ctx context.Context, req request) ([]byte, error) {
	payload, contentType, err := encodeBody(req.body, req.uploads)
	if err != nil {
		return nil, fmt.Errorf("encode %s body: %w", req.method, err)
	}
	var lastErr error
	for attempt := 0; attempt < b.maxAttempts; attempt++ {
		body, wait, err := b.attempt(ctx, req, payload, contentType)
		if err == nil {
			return body, nil
		}
		lastErr = err
		if wait < 0 {
			return nil, err
		}
		if wait == 0 {
			wait = b.backoffFor(attempt)
		}
		if wait > b.maxRetryWait {
			return nil, fmt.Errorf("%w (retry after %s exceeds our limit)", err, wait)
		}
		b.log.LogAttrs(ctx, slog.LevelWarn, "discord request retry",
			slog.String("method", req.method), slog.String("bucket", redactToken(req.bucket)),
			slog.Int("attempt", attempt+1), slog.Duration("wait", wait), slog.String("error", err.Error()))
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("%w (gave up waiting: %w)", err, ctx.Err())
		case <-t.C:
		}
	}
	return nil, fmt.Errorf("after %d attempts: %w", b.maxAttempts, lastErr)
}

// attempt makes one call. wait < 0 means do not retry; wait == 0 means retry
// after the default backoff; wait > 0 is the server-given delay.
func (b *Bot) attempt(ctx context.Context, req request, payload []byte, contentType string) ([]byte, time.Duration, error) {
	hr, err := http.NewRequestWithContext(ctx, req.method, req.url, bytes.NewReader(payload))
	if err != nil {
		return nil, -1, fmt.Errorf("build request: %w", err)
	}
	if payload != nil {
		hr.Header.Set("Content-Type", contentType)
	}
	hr.Header.Set("User-Agent", b.session.UserAgent)
	if req.auth {
		if !b.hasTok {
			return nil, -1, ErrNoToken
		}
		hr.Header.Set("Authorization", b.session.Token)
	}

	bucket := b.session.Ratelimiter.LockBucket(req.bucket)
	resp, err := b.session.Client.Do(hr)
	if err != nil {
		bucket.Release(nil)
		// *url.Error repeats the URL, which holds the interaction token.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if ctx.Err() != nil || !req.retryable {
			return nil, -1, fmt.Errorf("%s %s: %w", req.method, redactToken(req.bucket), err)
		}
		return nil, 0, fmt.Errorf("%s %s: %w", req.method, redactToken(req.bucket), err)
	}
	defer resp.Body.Close()
	if err := bucket.Release(resp.Header); err != nil {
		b.log.LogAttrs(ctx, slog.LevelDebug, "discord rate-limit headers", slog.String("error", err.Error()))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, 0, fmt.Errorf("read response: %w", err)
	}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return body, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests:
		b.onLimit()
		wait := retryAfter(resp.Header, body)
		e := parseAPIError(resp.StatusCode, body)
		e.Wait = wait
		return nil, wait, e
	case resp.StatusCode >= 500:
		return nil, 0, parseAPIError(resp.StatusCode, body)
	default:
		return nil, -1, parseAPIError(resp.StatusCode, body)
	}
}

func (b *Bot) backoffFor(attempt int) time.Duration {
	d := b.backoff << attempt
	// Jitter spreads retries of several instances sharing a proxy.
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// retryAfter reads the delay of a 429: the JSON retry_after (seconds, may be
// fractional) wins over the Retry-After header; at least 1 ms.
func retryAfter(h http.Header, body []byte) time.Duration {
	var rl struct {
		RetryAfter float64 `json:"retry_after"`
	}
	secs := 0.0
	if json.Unmarshal(body, &rl) == nil && rl.RetryAfter > 0 {
		secs = rl.RetryAfter
	} else if v, err := strconv.ParseFloat(h.Get("Retry-After"), 64); err == nil && v > 0 {
		secs = v
	}
	d := time.Duration(secs * float64(time.Second))
	if d < time.Millisecond {
		d = time.Millisecond
	}
	return d
}

func parseAPIError(status int, body []byte) *APIError {
	var msg struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	e := &APIError{Status: status}
	if json.Unmarshal(body, &msg) == nil {
		e.Code, e.Message = msg.Code, msg.Message
	}
	if e.Message == "" {
		s := string(body)
		if len(s) > 200 {
			s = s[:200]
		}
		e.Message = strings.TrimSpace(s)
	}
	return e
}

// redactToken hides the interaction token in webhook URLs for logs.
func redactToken(s string) string {
	const marker = "/webhooks/"
	i := strings.Index(s, marker)
	if i < 0 {
		return s
	}
	rest := s[i+len(marker):]
	j := strings.IndexByte(rest, '/')
	if j < 0 {
		return s
	}
	return s[:i+len(marker)+j] + "/…"
}
