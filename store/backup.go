package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// ErrUnsupported means the operation does not exist for the Store's database.
var ErrUnsupported = errors.New("store: not supported by this database")

// Backup writes a consistent copy of a SQLite database to path with VACUUM
// INTO, while the bot keeps running. The file must not exist yet. On
// PostgreSQL it returns ErrUnsupported: back PostgreSQL up with its own tools.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return fmt.Errorf("store: backup to %s: %w", path, ErrUnsupported)
	}
	if path == "" {
		return fmt.Errorf("store: backup: empty path")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("store: backup to %s: %w", path, os.ErrExist)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	return nil
}
