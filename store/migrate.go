package store

import (
	"context"
	"embed"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log/slog"
	"math"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// Migrate applies the migrations not yet applied. It is idempotent and safe
// to run from several instances at once: one migrates while the others wait
// (a PostgreSQL advisory lock; a lock row in SQLite).
func (s *Store) Migrate(ctx context.Context) error {
	provider, err := s.migrator(ctx)
	if err != nil {
		return err
	}
	results, err := provider.Up(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate %s: %w", s.dialect, err)
	}
	for _, r := range results {
		slog.DebugContext(ctx, "applied migration",
			slog.String("dialect", string(s.dialect)),
			slog.Int64("version", r.Source.Version),
			slog.Duration("took", r.Duration))
	}
	return nil
}

// SchemaVersion reports the newest migration applied to the database.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	provider, err := s.migrator(ctx)
	if err != nil {
		return 0, err
	}
	v, err := provider.GetDBVersion(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", err)
	}
	return v, nil
}

// migrator builds the goose provider for the Store's dialect.
func (s *Store) migrator(ctx context.Context) (*goose.Provider, error) {
	dir := "migrations/sqlite"
	dialect := goose.DialectSQLite3
	opts := []goose.ProviderOption{goose.WithLocker(newSQLiteMigrationLock())}
	if s.dialect == Postgres {
		dir = "migrations/postgres"
		dialect = goose.DialectPostgres
		lockID, err := s.migrationLockID(ctx)
		if err != nil {
			return nil, err
		}
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(lockID), lock.WithLockTimeout(1, 600))
		if err != nil {
			return nil, fmt.Errorf("store: migration lock: %w", err)
		}
		opts = []goose.ProviderOption{goose.WithSessionLocker(locker)}
	}
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		return nil, fmt.Errorf("store: migrations %s: %w", dir, err)
	}
	provider, err := goose.NewProvider(dialect, s.db, fsys, opts...)
	if err != nil {
		return nil, fmt.Errorf("store: load %s migrations: %w", s.dialect, err)
	}
	return provider, nil
}

// migrationLockID names the advisory lock that serialises migrations: one per
// schema, so that deployments (and tests) in different schemas of one
// database do not wait for each other.
func (s *Store) migrationLockID(ctx context.Context) (int64, error) {
	var schema string
	if err := s.db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return 0, fmt.Errorf("store: current schema: %w", err)
	}
	h := fnv.New64a()
	h.Write([]byte("newsdigest migrations " + schema))
	return int64(h.Sum64() & math.MaxInt64), nil
}
