// Package metrics is newsdigest's /metrics: its own series (newsdigest.go)
// with the Go runtime, process and database-pool collectors, served in the
// Prometheus exposition format by prometheus/client_golang.
package metrics

import (
	"database/sql"
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Registry holds what /metrics shows.
type Registry struct {
	reg *prometheus.Registry
}

// NewRegistry returns a registry with the Go runtime (go_goroutines,
// go_memstats_…) and process (process_resident_memory_bytes, …)
// collectors; NewBot adds newsdigest's series and WatchDB a database pool.
func NewRegistry() *Registry {
	reg := prometheus.NewRegistry()
	// A fresh registry cannot refuse these two: they have no names in common.
	_ = reg.Register(collectors.NewGoCollector())
	_ = reg.Register(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return &Registry{reg: reg}
}

// WatchDB adds the pool statistics of db (go_sql_open_connections,
// go_sql_wait_count_total, … with db_name="name").
func (r *Registry) WatchDB(name string, db *sql.DB) error {
	if err := r.reg.Register(collectors.NewDBStatsCollector(db, name)); err != nil {
		return fmt.Errorf("metrics: database pool %q: %w", name, err)
	}
	return nil
}

// Handler serves the metrics in the Prometheus text format.
func (r *Registry) Handler() http.Handler {
	return promhttp.HandlerFor(r.reg, promhttp.HandlerOpts{})
}

// register adds c, or returns the collector already registered under the
// same description, so that asking twice for the same metrics is harmless.
func register[C prometheus.Collector](r *Registry, c C) (C, error) {
	err := r.reg.Register(c)
	if are, ok := err.(prometheus.AlreadyRegisteredError); ok {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing, nil
		}
	}
	return c, err
}
