// Package metrics keeps counters, gauges and histograms and writes them in
// the Prometheus text exposition format, for /metrics. It has no
// dependencies beyond the standard library.
package metrics

import (
	"bufio"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Registry holds metric families and writes them out.
type Registry struct {
	mu       sync.Mutex
	families []*family
	byName   map[string]*family
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]*family{}} }

type kind string

const (
	counterKind   kind = "counter"
	gaugeKind     kind = "gauge"
	histogramKind kind = "histogram"
)

// family is one metric name with its series, one per label values.
type family struct {
	name    string
	help    string
	kind    kind
	labels  []string
	buckets []float64 // histograms only

	mu     sync.Mutex
	series map[string]*series // by joined label values
}

// series is one set of label values: a value, or a histogram's counts.
type series struct {
	values []string
	bits   atomic.Uint64 // float64 value of a counter or gauge

	mu      sync.Mutex // histogram fields
	buckets []float64  // the family's upper bounds
	counts  []uint64   // per bucket, not cumulative; the last is +Inf
	sum     float64
	count   uint64
}

// register returns the family called name, creating it. Invalid
// characters in names become underscores. Registering a name again
// returns the existing family when it is of the same kind, so packages may
// ask for the metrics they use without coordinating.
func (r *Registry) register(name, help string, k kind, labels []string, buckets []float64) *family {
	name = sanitize(name, true)
	ls := make([]string, len(labels))
	for i, l := range labels {
		ls[i] = sanitize(l, false)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if f, ok := r.byName[name]; ok && f.kind == k {
		return f
	} else if ok {
		name += "_" + string(k)
		if f, ok := r.byName[name]; ok {
			return f
		}
	}
	f := &family{name: name, help: help, kind: k, labels: ls, buckets: buckets, series: map[string]*series{}}
	r.families = append(r.families, f)
	r.byName[name] = f
	return f
}

// with returns the series for the label values, creating it; missing
// values are empty and extra ones are dropped.
func (f *family) with(values []string) *series {
	vs := make([]string, len(f.labels))
	copy(vs, values)
	key := strings.Join(vs, "\xff")
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.series[key]
	if !ok {
		s = &series{values: vs}
		if f.kind == histogramKind {
			s.buckets = f.buckets
			s.counts = make([]uint64, len(f.buckets)+1)
		}
		f.series[key] = s
	}
	return s
}

func (s *series) add(v float64) {
	for {
		old := s.bits.Load()
		if s.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

func (s *series) value() float64 { return math.Float64frombits(s.bits.Load()) }

// sanitize makes s a valid metric (colons allowed) or label name.
func sanitize(s string, metric bool) string {
	if s == "" {
		return "_"
	}
	b := []byte(s)
	for i, c := range b {
		ok := c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || (metric && c == ':') || (i > 0 && c >= '0' && c <= '9')
		if !ok {
			b[i] = '_'
		}
	}
	return string(b)
}

// WriteTo writes every metric in the Prometheus text format (version
// 0.0.4): families in the order they were registered, series sorted by
// label values.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.Lock()
	fams := slices.Clone(r.families)
	r.mu.Unlock()
	cw := &countingWriter{w: bufio.NewWriter(w)}
	for _, f := range fams {
		f.write(cw)
	}
	if cw.err == nil {
		cw.err = cw.w.Flush()
	}
	return cw.n, cw.err
}

func (f *family) write(w *countingWriter) {
	f.mu.Lock()
	all := make([]*series, 0, len(f.series))
	for _, s := range f.series {
		all = append(all, s)
	}
	f.mu.Unlock()
	slices.SortFunc(all, func(a, b *series) int { return slices.Compare(a.values, b.values) })
	if f.help != "" {
		w.str("# HELP " + f.name + " " + escapeHelp(f.help) + "\n")
	}
	w.str("# TYPE " + f.name + " " + string(f.kind) + "\n")
	for _, s := range all {
		if f.kind != histogramKind {
			w.str(f.name + labelText(f.labels, s.values, "", "") + " " + formatFloat(s.value()) + "\n")
			continue
		}
		s.mu.Lock()
		counts, sum, count := slices.Clone(s.counts), s.sum, s.count
		s.mu.Unlock()
		var cum uint64
		for i, c := range counts {
			cum += c
			le := "+Inf"
			if i < len(f.buckets) {
				le = formatFloat(f.buckets[i])
			}
			w.str(f.name + "_bucket" + labelText(f.labels, s.values, "le", le) + " " + strconv.FormatUint(cum, 10) + "\n")
		}
		w.str(f.name + "_sum" + labelText(f.labels, s.values, "", "") + " " + formatFloat(sum) + "\n")
		w.str(f.name + "_count" + labelText(f.labels, s.values, "", "") + " " + strconv.FormatUint(count, 10) + "\n")
	}
}

// labelText renders {a="x",b="y"}, with an extra label when extraName is set.
func labelText(names, values []string, extraName, extraValue string) string {
	if len(names) == 0 && extraName == "" {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, n := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(n + `="` + escapeLabel(values[i]) + `"`)
	}
	if extraName != "" {
		if len(names) > 0 {
			b.WriteByte(',')
		}
		b.WriteString(extraName + `="` + escapeLabel(extraValue) + `"`)
	}
	b.WriteByte('}')
	return b.String()
}

var (
	labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }
func escapeHelp(s string) string  { return helpEscaper.Replace(s) }

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

type countingWriter struct {
	w   *bufio.Writer
	n   int64
	err error
}

func (c *countingWriter) str(s string) {
	if c.err != nil {
		return
	}
	n, err := c.w.WriteString(s)
	c.n += int64(n)
	c.err = err
}

// Handler serves the registry's metrics over HTTP.
func (r *Registry) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		if req.Method == http.MethodHead {
			return
		}
		r.WriteTo(w)
	})
}
