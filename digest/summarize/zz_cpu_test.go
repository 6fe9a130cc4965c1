package summarize

import (
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1, &ru) // RUSAGE_THREAD
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZCPU(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for _, words := range []int{200, 700, 2000} {
		body := syntheticArticle(words)
		Article("x", body, 3)
		n := 3000
		start := threadCPU()
		for range n {
			Article("Council approves harbour plan", body, 3)
		}
		fmt.Printf("Article words=%d: %v CPU/op\n", words, (threadCPU()-start)/time.Duration(n))
	}
	for _, docs := range []int{3, 10, 30} {
		in := make([]Doc, docs)
		for i := range in {
			in[i] = Doc{Source: fmt.Sprintf("Outlet %d", i), Title: "Council approves harbour plan", Text: syntheticArticle(300 + 40*i)}
		}
		n := 100
		start := threadCPU()
		for range n {
			Story(in, 3)
		}
		fmt.Printf("Story docs=%d: %v CPU/op\n", docs, (threadCPU()-start)/time.Duration(n))
	}
}
