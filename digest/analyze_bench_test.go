package digest

import (
	"fmt"
	"strings"
	"testing"
)

// benchArticle builds a news-length article of about words words from
// sentences written for this benchmark.
func benchArticle(words int) Article {
	sentences := []string{
		"The harbour authority said on Tuesday that the new container terminal would open in March after two years of delays.",
		"Critics called the project a reckless gamble with public money, and asked who would pay if traffic never arrived.",
		"Mayor Lena Ortiz praised the bold plan and said strong leadership had kept the builders on schedule since the summer.",
		"Officials familiar with the talks said the operator could still seek a further loan from the regional bank.",
		"Dockworkers' union leader Samir Haddad warned that automation would cost hundreds of jobs within a decade.",
		"The terminal is expected to handle about 400,000 containers a year, roughly a third more than the old quay.",
	}
	var b strings.Builder
	for n := 0; n < words; {
		s := sentences[(n/17)%len(sentences)]
		b.WriteString(s + " ")
		n += len(strings.Fields(s))
	}
	return Article{Title: "Harbour terminal to open in March after delays", Text: b.String(), Source: "Bench Post"}
}

func BenchmarkAnalyze(b *testing.B) {
	for _, words := range []int{300, 700, 1500} {
		a := benchArticle(words)
		Analyze(a) // load the lexicons and the stance model outside the timing
		b.Run(fmt.Sprintf("%dwords", words), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := processCPU()
			for b.Loop() {
				Analyze(a)
			}
			// On a shared machine wall time per op mostly measures the
			// neighbours; the process's CPU time per op is the cost itself.
			if cpu := processCPU() - cpu0; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
