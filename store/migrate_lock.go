package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"
)

// sqliteMigrationLock serialises migrations of one SQLite file across
// processes (goose has no SQLite locker): a single-row table whose row is
// the lock, taken with an upsert so that only one process wins, and stolen
// when a crashed holder's claim has expired.
type sqliteMigrationLock struct {
	holder string
	expiry time.Duration
	poll   time.Duration
}

func newSQLiteMigrationLock() *sqliteMigrationLock {
	var b [8]byte
	rand.Read(b[:])
	return &sqliteMigrationLock{holder: hex.EncodeToString(b[:]), expiry: 2 * time.Minute, poll: 25 * time.Millisecond}
}

// Lock waits until this process holds the migration lock.
func (l *sqliteMigrationLock) Lock(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS newsdigest_migration_lock (
		id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`)
	if err != nil {
		return fmt.Errorf("create migration lock: %w", err)
	}
	for {
		now := time.Now()
		res, err := db.ExecContext(ctx, `
			INSERT INTO newsdigest_migration_lock (id, holder, expires_at) VALUES (1, $1, $2)
			ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
			WHERE newsdigest_migration_lock.expires_at < $3`,
			l.holder, dbTime(now.Add(l.expiry)), dbTime(now))
		if err != nil {
			return fmt.Errorf("take migration lock: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("take migration lock: %w", err)
		} else if n == 1 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for migration lock: %w", ctx.Err())
		case <-time.After(l.poll):
		}
	}
}

// Unlock releases the lock if this process still holds it.
func (l *sqliteMigrationLock) Unlock(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `DELETE FROM newsdigest_migration_lock WHERE holder = $1`, l.holder); err != nil {
		return fmt.Errorf("release migration lock: %w", err)
	}
	return nil
}
