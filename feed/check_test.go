package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCheckFeed(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(rssFeed("Harbour &amp; Valley Times")))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><link rel="alternate" type="application/atom+xml" href="/rss"></head></html>`))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/rss", http.StatusPermanentRedirect)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("just text")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	p := NewPoller(nil, testOptions())
	for _, path := range []string{"/rss", "/page", "/moved"} {
		title, found, err := p.CheckFeed(context.Background(), srv.URL+path)
		if err != nil || title != "Harbour & Valley Times" || found != srv.URL+"/rss" {
			t.Errorf("CheckFeed(%s) = %q, %q, %v", path, title, found, err)
		}
	}
	if _, _, err := p.CheckFeed(context.Background(), srv.URL+"/text"); !errors.Is(err, ErrNotAFeed) {
		t.Errorf("plain text: err = %v, want ErrNotAFeed", err)
	}
	if _, _, err := p.CheckFeed(context.Background(), "file:///etc/passwd"); !errors.Is(err, ErrUnsupportedScheme) {
		t.Errorf("file URL: err = %v", err)
	}
	guarded := NewPoller(nil, Options{})
	if _, _, err := guarded.CheckFeed(context.Background(), srv.URL+"/rss"); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("default options on loopback: err = %v, want ErrPrivateAddress", err)
	}
}
