package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeDB answers Ping with err.
type fakeDB struct{ err error }

func (f fakeDB) Ping(context.Context) error { return f.err }

func TestHealthNamesTheFailingCheck(t *testing.T) {
	start := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	driverErr := errors.New("store: ping postgres: failed to connect to `user=newsdigest database=prod`: 10.1.2.3:5432: connection refused")
	tests := []struct {
		name    string
		db      error
		age     time.Duration // of the pipeline's last tick
		code    int
		failing []string
	}{
		{"all well", nil, time.Minute, http.StatusOK, []string{}},
		{"database down", driverErr, time.Minute, http.StatusServiceUnavailable, []string{"database"}},
		{"pipeline stuck", nil, time.Hour, http.StatusServiceUnavailable, []string{"pipeline"}},
		{"both", driverErr, time.Hour, http.StatusServiceUnavailable, []string{"database", "pipeline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logged bytes.Buffer
			h := newHealth(fakeDB{tt.db}, slog.New(slog.NewTextHandler(&logged, nil)))
			h.now = func() time.Time { return start }
			h.tick("pipeline")
			h.now = func() time.Time { return start.Add(tt.age) }
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
			var body struct {
				OK      bool              `json:"ok"`
				Checks  map[string]string `json:"checks"`
				Failing []string          `json:"failing"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			if rec.Code != tt.code || body.OK != (tt.code == http.StatusOK) || !slices.Equal(body.Failing, tt.failing) {
				t.Errorf("got %d %s, want %d failing %v", rec.Code, rec.Body.String(), tt.code, tt.failing)
			}
			if strings.Contains(rec.Body.String(), "10.1.2.3") || strings.Contains(rec.Body.String(), "user=") {
				t.Errorf("/healthz leaks the driver's message: %s", rec.Body.String())
			}
			if tt.db != nil && !strings.Contains(logged.String(), "10.1.2.3") {
				t.Errorf("the log lacks the driver's message: %q", logged.String())
			}
		})
	}
}
