package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"

	"golang.org/x/sync/semaphore"
)

// firstReserve is the body size a fetch reserves before reading a body
// of unknown length; most feeds are smaller.
const firstReserve = 256 << 10

// parseCostFactor is what parsing a document costs in memory per byte, on
// top of the document itself: measured at about 6 for 5 MB feeds of 1,000
// items (parsing, then normalising) by TestHostileFeedsPeakRSS, when parsing
// still went through gofeed. The streaming parser allocates far less
// (BenchmarkParseHostile: 44 MB per 5 MB document, against 1.2 GB before),
// so the factor likely overstates the cost now; it has not been re-measured. A body reserves
// its size times (1 + parseCostFactor) from its first byte, so that no
// worker has to wait for more while it holds a body.
const parseCostFactor = 6

// errBudgetBusy means a fetch that may not wait found the budget spent.
var errBudgetBusy = errors.New("feed: memory budget in use; try later")

// byteBudget bounds the memory that all of a poller's fetches hold at once:
// bodies and what parsing them costs, from the first byte read until the
// articles of the document are stored. Without it, eight workers each
// parsing a 10 MB body would need hundreds of megabytes. A reservation
// never asks for more than the whole budget, and a fetcher never waits for
// budget while it holds some: it gives back what it holds first, or, when
// it cannot (a page fetched for a feed being stored), it does not wait.
// So the budget cannot deadlock.
type byteBudget struct {
	sem  *semaphore.Weighted
	size int64
}

func newByteBudget(size int64) *byteBudget {
	return &byteBudget{sem: semaphore.NewWeighted(size), size: size}
}

// reserve waits until n bytes (at most the whole budget) are free and
// returns how many it holds; with wait false it fails at once with
// errBudgetBusy instead of waiting.
func (b *byteBudget) reserve(ctx context.Context, n int64, wait bool) (int64, error) {
	n = min(max(n, 1), b.size)
	if !wait {
		if !b.sem.TryAcquire(n) {
			return 0, errBudgetBusy
		}
		return n, nil
	}
	if err := b.sem.Acquire(ctx, n); err != nil {
		return 0, fmt.Errorf("wait for memory to read a body: %w", err)
	}
	return n, nil
}

// release gives back n bytes.
func (b *byteBudget) release(n int64) {
	if n > 0 {
		b.sem.Release(n)
	}
}

// resize changes a reservation of held bytes to want bytes: it shrinks in
// place; it grows by giving everything back first and then reserving the
// new amount, so that it never waits while holding.
func (b *byteBudget) resize(ctx context.Context, held, want int64, wait bool) (int64, error) {
	want = min(max(want, 1), b.size)
	if want <= held {
		b.release(held - want)
		return want, nil
	}
	b.release(held)
	return b.reserve(ctx, want, wait)
}

// cost is what a body of n bytes reserves: itself and its parse.
func cost(n int64) int64 { return n * (1 + parseCostFactor) }

// readBudgeted reads all of r, failing with ErrTooLarge past limit bytes,
// while holding cost(what it has read) in b. The caller holds held bytes
// already (possibly none); length is the declared Content-Length, or -1. A body that outgrows the first reservation
// reserves for limit at once: growing step by step would leave every
// waiting worker holding a partial body outside the budget. A slow sender
// that keeps that reservation is cut off by the request's timeout, and
// its feed backs off. It returns the body and the bytes now held, which the
// caller releases when it no longer needs the body or its parse; after an
// error nothing is held.
func (b *byteBudget) readBudgeted(ctx context.Context, r io.Reader, length, limit, held int64, wait bool) ([]byte, int64, error) {
	var (
		body []byte
		err  error
	)
	want := int64(firstReserve)
	if length >= 0 {
		want = length
	}
	if cost(min(want, limit)) > held {
		held, err = b.resize(ctx, held, cost(min(want, limit)), wait)
	}
	for err == nil {
		// Read what the reservation covers, one byte more to learn whether
		// the body goes on.
		covered := max(min(held/(1+parseCostFactor), limit), int64(len(body)))
		var eof bool
		body, eof, err = readUpTo(r, body, int(covered)+1)
		if err != nil || eof || int64(len(body)) <= covered || covered >= limit {
			break
		}
		held, err = b.resize(ctx, held, cost(limit), wait)
	}
	switch {
	case err != nil:
		b.release(held)
		return nil, 0, err
	case int64(len(body)) > limit:
		b.release(held)
		return nil, 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	held, _ = b.resize(ctx, held, cost(int64(len(body))), false)
	return body, held, nil
}

// readUpTo reads from r into buf until it holds n bytes or r ends, growing
// buf once; eof reports that r ended.
func readUpTo(r io.Reader, buf []byte, n int) (_ []byte, eof bool, err error) {
	buf = slices.Grow(buf, n-len(buf))
	for len(buf) < n {
		m, err := r.Read(buf[len(buf):n])
		buf = buf[:len(buf)+m]
		if errors.Is(err, io.EOF) {
			return buf, true, nil
		}
		if err != nil {
			return buf, false, err
		}
	}
	return buf, false, nil
}

// burstBytes is how many bytes of feeds one Poll must have read before it
// hands memory back to the operating system: a burst of large documents.
const burstBytes = 32 << 20

// returnMemory hands the memory of a burst back to the operating system.
// The Go runtime returns freed memory by itself, but gradually (its
// scavenger works in the background at a small CPU share), so the RSS of a
// process that just parsed hundreds of megabytes of feeds stays high for
// minutes, which on a 512 MB machine invites the OOM killer. FreeOSMemory
// costs one full collection, a few milliseconds for serve's small live
// heap, and runs only after a Poll read more than burstBytes.
func (p *Poller) returnMemory() {
	if p.fetched.Swap(0) >= burstBytes {
		debug.FreeOSMemory()
	}
}
