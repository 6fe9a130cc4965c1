package cluster

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// synth generates news-like articles: a Zipf-ranked background of common
// words (the background table's most frequent terms first, as in real news,
// then made-up words), plus per-story topic words and capitalised names, so
// that stories of about three articles each exist in the stream.
type synth struct {
	rng       *rand.Rand
	words     []string
	zipf      *rand.Zipf
	n         int
	bodyWords int
}

func newSynth(seed uint64) *synth {
	rng := rand.New(rand.NewPCG(seed, 7))
	syll := []string{"ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "ti", "por", "bu", "gre", "nal", "os", "ce", "ham", "ri", "que", "zen"}
	seen := map[string]bool{}
	words := commonTerms(2000)
	for _, w := range words {
		seen[w] = true
	}
	for len(words) < 40000 {
		var sb strings.Builder
		for range 2 + rng.IntN(3) {
			sb.WriteString(syll[rng.IntN(len(syll))])
		}
		if w := sb.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return &synth{rng: rng, words: words, zipf: rand.NewZipf(rng, 1.1, 1, uint64(len(words)-1)), bodyWords: 180}
}

// doc returns the next article; every story has about three.
func (s *synth) doc(id int64, at time.Time) Doc {
	story := uint64(s.n/3) + uint64(s.rng.IntN(2))
	s.n++
	topic := rand.New(rand.NewPCG(story, 99))
	pick := func() string {
		if s.rng.IntN(4) == 0 {
			w := s.words[topic.IntN(len(s.words))]
			if topic.IntN(3) == 0 {
				return strings.ToUpper(w[:1]) + w[1:]
			}
			return w
		}
		return s.words[s.zipf.Uint64()]
	}
	var title, body strings.Builder
	topic = rand.New(rand.NewPCG(story, 99))
	for i := range 8 {
		if i > 0 {
			title.WriteByte(' ')
		}
		title.WriteString(pick())
	}
	for i := range s.bodyWords {
		topic = rand.New(rand.NewPCG(story, uint64(i%12)))
		if i%15 == 0 {
			if i > 0 {
				body.WriteString(". ")
			}
			w := s.words[s.zipf.Uint64()]
			body.WriteString(strings.ToUpper(w[:1]) + w[1:])
			continue
		}
		body.WriteByte(' ')
		body.WriteString(pick())
	}
	body.WriteByte('.')
	return Doc{ID: id, Title: title.String(), Text: body.String(), Time: at}
}

// commonTerms returns the n terms of the background table that most
// documents have, most common first.
func commonTerms(n int) []string {
	type term struct {
		text string
		df   float64
	}
	var terms []term
	for _, line := range strings.Split(backgroundTable, "\n")[2:] {
		text, count, ok := strings.Cut(line, "\t")
		if !ok || len(text) < 3 {
			continue
		}
		var df float64
		fmt.Sscan(count, &df)
		terms = append(terms, term{text, df})
	}
	slices.SortStableFunc(terms, func(a, b term) int { return cmp.Compare(b.df, a.df) })
	out := make([]string, 0, n)
	for _, t := range terms[:min(n, len(terms))] {
		out = append(out, t.text)
	}
	return out
}

// benchWindow is an Index holding size articles one second apart, with the
// generator positioned after them, built once per size.
type benchWindow struct {
	ix     *Index
	gen    *synth
	next   int64
	heapMB float64
}

var (
	benchMu      sync.Mutex
	benchWindows = map[int]*benchWindow{}
)

var benchStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func windowOf(b *testing.B, size int) *benchWindow {
	benchMu.Lock()
	defer benchMu.Unlock()
	if w, ok := benchWindows[size]; ok {
		return w
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	w := &benchWindow{ix: New(Config{Window: time.Duration(size) * time.Second}), gen: newSynth(1)}
	for range size {
		w.next++
		w.ix.Add(w.gen.doc(w.next, benchStart.Add(time.Duration(w.next)*time.Second)))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	w.heapMB = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	benchWindows[size] = w
	b.Logf("window of %d articles: %.1f MB of heap", size, w.heapMB)
	return w
}

// BenchmarkAdd measures one insert into a full window: the window slides, so
// each insert also evicts the oldest article.
func BenchmarkAdd(b *testing.B) {
	for _, size := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("window=%d", size), func(b *testing.B) {
			w := windowOf(b, size)
			docs := make([]Doc, b.N)
			for i := range docs {
				w.next++
				docs[i] = w.gen.doc(w.next, benchStart.Add(time.Duration(w.next)*time.Second))
			}
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuTime()
			for i := range docs {
				w.ix.Add(docs[i])
			}
			cpu = cpuTime() - cpu
			b.StopTimer()
			b.ReportMetric(w.heapMB, "MB/window")
			// CPU time is steadier than wall time on a shared machine.
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkAddLength measures how an insert's cost grows with the length of
// the article, in a window of 1,000.
func BenchmarkAddLength(b *testing.B) {
	for _, words := range []int{200, 800, 3200} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			const size = 1000
			g := newSynth(2)
			g.bodyWords = words
			ix := New(Config{Window: size * time.Second})
			next := int64(0)
			for range size {
				next++
				ix.Add(g.doc(next, benchStart.Add(time.Duration(next)*time.Second)))
			}
			docs := make([]Doc, b.N)
			for i := range docs {
				next++
				docs[i] = g.doc(next, benchStart.Add(time.Duration(next)*time.Second))
			}
			b.ResetTimer()
			cpu := cpuTime()
			for i := range docs {
				ix.Add(docs[i])
			}
			cpu = cpuTime() - cpu
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

func BenchmarkFingerprint(b *testing.B) {
	text := wireStory.text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Fingerprint(text)
	}
}

// TestSynthStories checks the benchmark's generator makes clusterable
// stories, so the benchmark measures the real search path.
func TestSynthStories(t *testing.T) {
	g := newSynth(1)
	ix := New(Config{})
	joined := 0
	for i := range 300 {
		if a := ix.Add(g.doc(int64(i+1), benchStart.Add(time.Duration(i)*time.Second))); a.Story != int64(i+1) {
			joined++
		}
	}
	if joined < 100 || joined > 250 {
		t.Errorf("%d of 300 synthetic articles joined a story, want about two in three", joined)
	}
}

// cpuTime returns the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
