package cli

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

func TestBackupWritesReadableSnapshot(t *testing.T) {
	a := sampleApp(t)
	if _, err := a.pollAndDigest(context.Background(), time.Time{}, fixedUntil, "", 0); err != nil {
		t.Fatal(err)
	}
	path, err := a.backup(context.Background(), filepath.Join(t.TempDir(), "backups"), fixedUntil)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM articles").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 13 {
		t.Errorf("backup holds %d articles, want the 13 samples", n)
	}
}

func TestBackupKeepsTheNewest(t *testing.T) {
	a := sampleApp(t)
	dir := t.TempDir()
	var paths []string
	for i := range backupsKept + 3 {
		p, err := a.backup(context.Background(), dir, fixedUntil.Add(time.Duration(i)*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	left, err := filepath.Glob(filepath.Join(dir, "*.db"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(left, paths[3:]) {
		t.Errorf("kept %v, want the newest %d: %v", left, backupsKept, paths[3:])
	}
}
