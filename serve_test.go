package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"testing"
	"time"
)

func TestServeHealthzAndShutdown(t *testing.T) {
	a := sampleApp(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a.cfg.Listen = ln.Addr().String()
	ln.Close()
	a.cfg.ShutdownTimeout = 5 * time.Second

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.serve(ctx) }()

	var body struct {
		OK     bool              `json:"ok"`
		Checks map[string]string `json:"checks"`
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get("http://" + a.cfg.Listen + "/healthz")
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			if err == nil && resp.StatusCode == http.StatusOK && body.Checks["pipeline"] == "ok" && body.Checks["scheduler"] == "ok" {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("healthz never became ok: %+v, %v", body, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if body.Checks["database"] != "ok" {
		t.Errorf("checks = %v", body.Checks)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not shut down")
	}
}
