package feed

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"golang.org/x/time/rate"
)

// hostLimiter bounds concurrent requests and the request rate per host, so
// many feeds on one site do not hammer it.
type hostLimiter struct {
	concurrency int
	rate        rate.Limit

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem     chan struct{}
	limiter *rate.Limiter
}

func newHostLimiter(concurrency int, limit rate.Limit) *hostLimiter {
	return &hostLimiter{concurrency: concurrency, rate: limit, hosts: map[string]*hostSlot{}}
}

func (h *hostLimiter) slot(host string) *hostSlot {
	host = strings.ToLower(host)
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.hosts[host]
	if !ok {
		s = &hostSlot{
			sem:     make(chan struct{}, h.concurrency),
			limiter: rate.NewLimiter(h.rate, max(1, h.concurrency)),
		}
		h.hosts[host] = s
	}
	return s
}

// acquire waits for a free slot and a rate token for host. The returned
// release must be called when the request is done.
func (h *hostLimiter) acquire(ctx context.Context, host string) (release func(), err error) {
	s := h.slot(host)
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for %s: %w", host, ctx.Err())
	}
	if err := s.limiter.Wait(ctx); err != nil {
		<-s.sem
		return nil, fmt.Errorf("rate limit for %s: %w", host, err)
	}
	return func() { <-s.sem }, nil
}

// readLimited reads all of r, failing with ErrTooLarge past limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return b, nil
}
