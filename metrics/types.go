package metrics

import (
	"math"
	"slices"
	"time"
)

// CounterVec is a counter family with labels.
type CounterVec struct{ f *family }

// Counter only goes up.
type Counter struct{ s *series }

// Counter registers (or returns) a counter called name with label names.
func (r *Registry) Counter(name, help string, labels ...string) *CounterVec {
	return &CounterVec{r.register(name, help, counterKind, labels, nil)}
}

// With returns the counter for the label values, in label order.
func (v *CounterVec) With(values ...string) Counter { return Counter{v.f.with(values)} }

// Inc adds one.
func (c Counter) Inc() { c.s.add(1) }

// Add adds d; negative and NaN amounts are ignored, as a counter never goes down.
func (c Counter) Add(d float64) {
	if d > 0 {
		c.s.add(d)
	}
}

// Value returns the count so far.
func (c Counter) Value() float64 { return c.s.value() }

// GaugeVec is a gauge family with labels.
type GaugeVec struct{ f *family }

// Gauge goes up and down.
type Gauge struct{ s *series }

// Gauge registers (or returns) a gauge called name with label names.
func (r *Registry) Gauge(name, help string, labels ...string) *GaugeVec {
	return &GaugeVec{r.register(name, help, gaugeKind, labels, nil)}
}

// With returns the gauge for the label values, in label order.
func (v *GaugeVec) With(values ...string) Gauge { return Gauge{v.f.with(values)} }

// Set sets the value.
func (g Gauge) Set(x float64) {
	for {
		old := g.s.bits.Load()
		if g.s.bits.CompareAndSwap(old, math.Float64bits(x)) {
			return
		}
	}
}

// Add adds d (which may be negative).
func (g Gauge) Add(d float64) { g.s.add(d) }

// Value returns the current value.
func (g Gauge) Value() float64 { return g.s.value() }

// HistogramVec is a histogram family with labels.
type HistogramVec struct{ f *family }

// Histogram counts observations into buckets.
type Histogram struct{ s *series }

// DefaultBuckets suit latencies in seconds, from 5 ms to 1 minute.
var DefaultBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

// Histogram registers (or returns) a histogram called name with upper
// bucket bounds (sorted and deduplicated; nil takes DefaultBuckets) and
// label names.
func (r *Registry) Histogram(name, help string, buckets []float64, labels ...string) *HistogramVec {
	if len(buckets) == 0 {
		buckets = DefaultBuckets
	}
	b := slices.Clone(buckets)
	slices.Sort(b)
	b = slices.Compact(b)
	return &HistogramVec{r.register(name, help, histogramKind, labels, b)}
}

// With returns the histogram for the label values, in label order.
func (v *HistogramVec) With(values ...string) Histogram {
	return Histogram{v.f.with(values)}
}

// Observe records one value.
func (h Histogram) Observe(x float64) {
	if math.IsNaN(x) {
		return
	}
	s := h.s
	s.mu.Lock()
	defer s.mu.Unlock()
	i, _ := slices.BinarySearch(s.buckets, x)
	s.counts[i]++
	s.sum += x
	s.count++
}

// ObserveDuration records a duration in seconds.
func (h Histogram) ObserveDuration(d time.Duration) { h.Observe(d.Seconds()) }
