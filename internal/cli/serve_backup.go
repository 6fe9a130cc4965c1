package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
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

// backupsKept is how many snapshots backupLoop keeps; older ones are removed.
const backupsKept = 7

// backup writes one snapshot named after its time into dir, then removes
// all but the newest backupsKept snapshots.
func (a *app) backup(ctx context.Context, dir string, now time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	path := filepath.Join(dir, "newsdigest-"+now.UTC().Format("20060102T150405Z")+".db")
	if err := a.st.Backup(ctx, path); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	if err := pruneBackups(dir, backupsKept); err != nil {
		a.log.Warn("removing old backups", slog.String("dir", dir), slog.String("error", err.Error()))
	}
	return path, nil
}

// pruneBackups removes all but the newest keep snapshots in dir. Their
// names sort by time, so the newest sort last.
func pruneBackups(dir string, keep int) error {
	old, err := filepath.Glob(filepath.Join(dir, "newsdigest-*Z.db"))
	if err != nil || len(old) <= keep {
		return err
	}
	slices.Sort(old)
	var errs []error
	for _, p := range old[:len(old)-keep] {
		if err := os.Remove(p); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
