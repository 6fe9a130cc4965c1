package feed

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestReadBudgeted(t *testing.T) {
	ctx := context.Background()
	b := newByteBudget(1 << 20)
	tests := []struct {
		name    string
		size    int
		length  int64 // declared Content-Length, -1 unknown
		limit   int64
		wantErr error
	}{
		{"small, length known", 1000, 1000, 1 << 20, nil},
		{"small, length unknown", 1000, -1, 1 << 20, nil},
		{"past the first reservation", 3 * firstReserve, -1, 1 << 20, nil},
		{"server sends more than declared", 5000, 100, 1 << 20, nil},
		{"too large", 2 << 20, -1, 1 << 20, ErrTooLarge},
		{"exactly the limit", 1 << 20, -1, 1 << 20, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := bytes.Repeat([]byte("x"), tt.size)
			first, err := b.reserve(ctx, cost(firstReserve), true)
			if err != nil {
				t.Fatal(err)
			}
			body, held, err := b.readBudgeted(ctx, bytes.NewReader(src), tt.length, tt.limit, first, true)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && !bytes.Equal(body, src) {
				t.Errorf("read %d bytes, want %d", len(body), len(src))
			}
			if err == nil && held != min(cost(int64(len(body))), b.size) {
				t.Errorf("holds %d for %d bytes, want %d", held, len(body), cost(int64(len(body))))
			}
			b.release(held)
			if !b.sem.TryAcquire(b.size) {
				t.Fatal("budget not fully given back")
			}
			b.sem.Release(b.size)
		})
	}
}

// TestByteBudgetCannotDeadlock runs many readers of bodies larger than the
// budget allows at once, each of which, while holding its body, also asks
// without waiting for a page (as full-text extraction does): all finish.
func TestByteBudgetCannotDeadlock(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	b := newByteBudget(cost(3 * firstReserve))
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			src := strings.Repeat("y", firstReserve+i*1000)
			first, err := b.reserve(ctx, cost(firstReserve), true)
			if err != nil {
				t.Error(err)
				return
			}
			body, held, err := b.readBudgeted(ctx, strings.NewReader(src), -1, 1<<20, first, true)
			if err != nil {
				t.Error(err)
				return
			}
			defer b.release(held)
			pageFirst, err := b.reserve(ctx, cost(firstReserve), false)
			if err == nil {
				var pageHeld int64
				_, pageHeld, err = b.readBudgeted(ctx, strings.NewReader(src), int64(len(src)), 1<<20, pageFirst, false)
				b.release(pageHeld)
			}
			if err != nil && !errors.Is(err, errBudgetBusy) {
				t.Error(err)
			}
			if len(body) != len(src) {
				t.Errorf("read %d of %d", len(body), len(src))
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		t.Fatal("readers deadlocked")
	}
	if !b.sem.TryAcquire(b.size) {
		t.Fatal("budget not fully given back")
	}
}
