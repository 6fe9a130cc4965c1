// Package store persists newsdigest's feeds, articles, analyses, stories,
// channels, schedules and deliveries in SQLite (modernc.org/sqlite, the
// default) or PostgreSQL (github.com/jackc/pgx/v5). Importing store links
// neither driver: a program that opens a database imports
// github.com/newsdigest/newsdigest/store/drivers once.
//
// Both databases run the same SQL where they can: placeholders are $1, $2, …,
// times are stored as microseconds since the Unix epoch (0 meaning "not set")
// and lists as JSON text. Work shared by several instances (due feeds, due
// schedules, pending deliveries) is claimed with a lease: a claim records an
// owner and an expiry, Heartbeat extends it, and a row whose lease has expired
// can be claimed by anyone. On PostgreSQL claims use FOR UPDATE SKIP LOCKED,
// so concurrent instances never wait for or take each other's rows. Work
// that one instance at a time may do (clustering, the Discord gateway) is
// guarded by a named lease (AcquireLease) whose token fences the writes made
// under it (AssignStory). Chat requests already handled are recorded with
// FirstSeen for every instance. Times come back in UTC with microsecond
// precision.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrNotFound means the row asked for does not exist (or not in the scope given).
	ErrNotFound = errors.New("store: not found")
	// ErrDuplicate means a row with the same identity already exists.
	ErrDuplicate = errors.New("store: already exists")
	// ErrLeaseLost means the caller no longer holds the lease it acts under.
	ErrLeaseLost = errors.New("store: lease lost")
	// ErrBadDSN means the database address cannot be used.
	ErrBadDSN = errors.New("store: bad database address")
	// ErrNoDriver means the program did not link the driver the address needs.
	ErrNoDriver = errors.New("store: database driver not linked in")
)

// Dialect names the database behind a Store.
type Dialect string

// Supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store is newsdigest's database. It is safe for concurrent use.
type Store struct {
	db      *sql.DB
	dialect Dialect

	seenPruned atomic.Int64 // unix nanoseconds of the last prune of seen_requests
	feedScopes sync.Map     // feed id → scope, for SaveArticle; a feed's scope never changes
}

// memCounter names in-memory databases so that every Open(":memory:") gets
// its own database, shared by all connections of that Store.
var memCounter atomic.Int64

// Open opens the database at dsn and applies the migrations. dsn is one of
// "sqlite:///abs/path.db", "sqlite://rel/path.db", a bare file path,
// ":memory:" (a private in-memory SQLite database shared by the Store's
// connections, for tests), or "postgres://…"/"postgresql://…".
func Open(ctx context.Context, dsn string) (*Store, error) {
	driver, source, dialect, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(sql.Drivers(), driver) {
		return nil, fmt.Errorf("%w: %s needs the %q driver; import _ \"github.com/newsdigest/newsdigest/store/drivers\"", ErrNoDriver, dialect, driver)
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		return nil, fmt.Errorf("store: open %s database: %w", dialect, err)
	}
	if dialect == SQLite {
		// One writer at a time is all SQLite allows; a few readers are cheap in WAL mode.
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(8)
		db.SetConnMaxIdleTime(0)
	}
	if dialect == Postgres {
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(10)
	}
	s := &Store{db: db, dialect: dialect}
	if err := s.Ping(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Dialect reports which database the Store uses.
func (s *Store) Dialect() Dialect { return s.dialect }

// DB returns the underlying pool, for operations such as backups.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Ping checks that the database is reachable.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping %s: %w", s.dialect, err)
	}
	return nil
}

// sqlitePragmas are set on every SQLite connection: WAL so readers do not
// block the writer, a busy timeout so writers queue instead of failing,
// foreign keys for cascades, and BEGIN IMMEDIATE so a transaction that will
// write takes the write lock up front instead of failing on upgrade.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"

// parseDSN turns a newsdigest database address into a driver name and source.
func parseDSN(dsn string) (driver, source string, dialect Dialect, err error) {
	dsn = strings.TrimSpace(dsn)
	switch {
	case dsn == "":
		return "", "", "", fmt.Errorf("%w: empty", ErrBadDSN)
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		if _, err := url.Parse(dsn); err != nil {
			return "", "", "", fmt.Errorf("%w: %v", ErrBadDSN, err)
		}
		return "pgx", dsn, Postgres, nil
	case dsn == ":memory:" || dsn == "sqlite://:memory:":
		name := fmt.Sprintf("/newsdigest-mem-%d", memCounter.Add(1))
		return "sqlite", "file:" + name + "?vfs=memdb&" + sqlitePragmas, SQLite, nil
	}
	path := dsn
	if rest, ok := strings.CutPrefix(dsn, "sqlite://"); ok {
		path = rest // "sqlite:///abs" leaves "/abs"; "sqlite://rel" leaves "rel"
	} else if rest, ok := strings.CutPrefix(dsn, "file:"); ok && !strings.HasPrefix(rest, "//") {
		path = rest
	} else if strings.Contains(dsn, "://") {
		scheme, _, _ := strings.Cut(dsn, "://")
		return "", "", "", fmt.Errorf("%w: unknown scheme %q (use sqlite://, postgres:// or a file path)", ErrBadDSN, scheme)
	}
	if path == "" {
		return "", "", "", fmt.Errorf("%w: %q has no file path", ErrBadDSN, dsn)
	}
	if strings.ContainsAny(path, "?#") {
		return "", "", "", fmt.Errorf("%w: %q: the SQLite path may not contain '?' or '#'", ErrBadDSN, dsn)
	}
	// The path becomes a file: URI, in which SQLite decodes %XX escapes.
	path = strings.ReplaceAll(path, "%", "%25")
	return "sqlite", "file:" + path + "?_pragma=journal_mode(WAL)&" + sqlitePragmas, SQLite, nil
}
