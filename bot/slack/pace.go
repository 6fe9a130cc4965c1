package slack

import (
	"context"
	"sync"
	"time"
)

// pacer spaces posts to one channel at least interval apart, as Slack asks
// (about one message per second per channel).
type pacer struct {
	mu       sync.Mutex
	interval time.Duration
	next     map[string]time.Time
}

func newPacer(interval time.Duration) *pacer {
	return &pacer{interval: interval, next: make(map[string]time.Time)}
}

// wait reserves the channel's next slot and sleeps until it comes.
func (p *pacer) wait(ctx context.Context, channel string) error {
	p.mu.Lock()
	now := time.Now()
	slot := p.next[channel]
	if slot.Before(now) {
		slot = now
	}
	p.next[channel] = slot.Add(p.interval)
	if len(p.next) > 1000 {
		for ch, t := range p.next {
			if t.Before(now) {
				delete(p.next, ch)
			}
		}
	}
	p.mu.Unlock()
	return sleep(ctx, time.Until(slot))
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// sentCache remembers the posts of deliveries this process completed, so a
// repeated Post needs no API call at all. Bounded, oldest forgotten first.
type sentCache struct {
	mu    sync.Mutex
	max   int
	ids   map[string][]string
	order []string
}

const sentCacheSize = 10_000

func newSentCache(max int) *sentCache {
	return &sentCache{max: max, ids: make(map[string][]string)}
}

func (c *sentCache) get(delivery string) ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.ids[delivery]
	return append([]string(nil), ids...), ok
}

func (c *sentCache) put(delivery string, ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.ids[delivery]; !ok {
		c.order = append(c.order, delivery)
	}
	c.ids[delivery] = append([]string(nil), ids...)
	for len(c.order) > c.max {
		delete(c.ids, c.order[0])
		c.order = c.order[1:]
	}
}
