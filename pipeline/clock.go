package pipeline

import "time"

// SetClock makes the pipeline read the time from now instead of the wall
// clock: a replayed stream (newsdigest eval replay) runs in the times its
// articles were published, and the window of stories restored at start is
// measured from that time. Set it before the first Process.
func (p *Pipeline) SetClock(now func() time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.now = now
}
