package store

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/internal/testdb"
)

func TestMain(m *testing.M) {
	code := m.Run()
	schemas.shutdown()
	os.Exit(code)
}

// schemas hands PostgreSQL tests migrated schemas of their own. Creating
// and migrating a schema takes most of a second of mostly waiting on the
// server, so a few workers prepare them ahead of the tests, and dropping
// happens in the background.
var schemas schemaPool

type schemaPool struct {
	start   sync.Once
	base    string
	admin   *sql.DB
	ready   chan string
	stop    chan struct{}
	workers sync.WaitGroup
	drops   sync.WaitGroup
}

const schemaWorkers = 4

// take returns the DSN of a migrated, empty schema and a function that
// drops it.
func (p *schemaPool) take(t testing.TB, base string) (dsn string, drop func()) {
	t.Helper()
	p.start.Do(func() { p.run(base) })
	if p.admin == nil || base != p.base {
		return testdb.Postgres(t), func() {} // dropped by testdb at cleanup
	}
	select {
	case name := <-p.ready:
		if name == "" {
			t.Fatal("no PostgreSQL schema could be prepared; see the log")
		}
		return schemaDSN(base, name), func() { p.dropLater(name) }
	case <-time.After(2 * time.Minute):
		t.Fatal("timed out waiting for a PostgreSQL schema")
		return "", nil
	}
}

// run starts the workers.
func (p *schemaPool) run(base string) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return
	}
	p.base, p.admin = base, admin
	p.ready = make(chan string, schemaWorkers)
	p.stop = make(chan struct{})
	for range schemaWorkers {
		p.workers.Go(func() {
			for {
				name, err := p.prepare()
				if err != nil {
					println("store tests: preparing a PostgreSQL schema:", err.Error())
					name = "" // a receiver sees "" and fails its test
				}
				select {
				case p.ready <- name:
				case <-p.stop:
					if name != "" {
						p.drop(name)
					}
					return
				}
			}
		})
	}
}

// prepare creates and migrates one schema.
func (p *schemaPool) prepare() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	name := newSchemaName()
	if _, err := p.admin.ExecContext(ctx, `CREATE SCHEMA `+name); err != nil {
		return "", err
	}
	s, err := Open(ctx, schemaDSN(p.base, name))
	if err != nil {
		p.drop(name)
		return "", err
	}
	s.Close()
	return name, nil
}

func (p *schemaPool) dropLater(name string) {
	p.drops.Go(func() { p.drop(name) })
}

func (p *schemaPool) drop(name string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := p.admin.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+name+` CASCADE`); err != nil {
		println("store tests: dropping schema", name+":", err.Error())
	}
}

// shutdown stops the workers, drops the schemas nobody took and waits for
// the drops in flight.
func (p *schemaPool) shutdown() {
	if p.admin == nil {
		return
	}
	close(p.stop)
	p.workers.Wait()
	for {
		select {
		case name := <-p.ready:
			if name != "" {
				p.drop(name)
			}
			continue
		default:
		}
		break
	}
	p.drops.Wait()
	p.admin.Close()
}

// schemaDSN points base at a schema. Tests need no durability: not waiting
// for WAL flushes makes them faster.
func schemaDSN(base, schema string) string {
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema + "&synchronous_commit=off"
}
