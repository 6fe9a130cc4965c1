package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// backupLoop writes a SQLite snapshot into dir every interval until ctx ends.
// PostgreSQL is backed up with its own tools, so there it does nothing.
func (a *app) backupLoop(ctx context.Context, dir string, every time.Duration) {
	if dir == "" || every <= 0 || a.st.Dialect() != store.SQLite {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			path, err := a.backup(ctx, dir, now)
			if err != nil {
				a.log.Error("backup failed", slog.String("dir", dir), slog.String("error", err.Error()))
				continue
			}
			a.log.Info("backup written", slog.String("path", path))
		}
	}
}

// backup writes one snapshot named after its time into dir.
func (a *app) backup(ctx context.Context, dir string, now time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	path := filepath.Join(dir, "newsdigest-"+now.UTC().Format("20060102T150405Z")+".db")
	if err := a.st.Backup(ctx, path); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	return path, nil
}
