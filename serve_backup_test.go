package main

import (
	"context"
	"database/sql"
	"path/filepath"
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
