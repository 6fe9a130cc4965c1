package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CheckDatabasePath checks, before the database is opened, that a SQLite
// database can be used where `database` says: the file, if it exists, is a
// writable regular file, else its directory exists and is writable. The
// error names the key and its line, where SQLite would only say "unable to
// open database file". PostgreSQL addresses are left to the connection.
func (c *Config) CheckDatabasePath() error {
	path, ok := strings.CutPrefix(c.Database, "sqlite://")
	if !ok || path == "" || strings.HasPrefix(path, ":memory:") {
		return nil
	}
	p := &problems{lines: c.lines}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		p.add("database", "%s is a directory; name a file in it, like %s", path, filepath.Join(path, "newsdigest.db"))
	case err == nil:
		if f, err := os.OpenFile(path, os.O_RDWR, 0); err != nil {
			p.add("database", "cannot write %s: %s", path, reason(err))
		} else {
			f.Close()
		}
	case errors.Is(err, fs.ErrNotExist):
		if msg := writableDir(filepath.Dir(path), false); msg != "" {
			p.add("database", "cannot create %s: %s", path, msg)
		}
	default:
		p.add("database", "cannot use %s: %s", path, reason(err))
	}
	return p.err()
}

// CheckBackupDir checks, at start, that backup_dir (when backups are on)
// exists or can be created, and is writable, instead of failing at the
// first backup a day later.
func (c *Config) CheckBackupDir() error {
	if c.BackupDir == "" || !strings.HasPrefix(c.Database, "sqlite://") {
		return nil
	}
	p := &problems{lines: c.lines}
	if msg := writableDir(c.BackupDir, true); msg != "" {
		p.add("backup_dir", "cannot write backups to %s: %s", c.BackupDir, msg)
	}
	return p.err()
}

// writableDir returns "" when dir is a directory this process can create
// files in (creating it first when create is set), else why not.
func writableDir(dir string, create bool) string {
	if create {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return reason(err)
		}
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "the directory " + dir + " does not exist"
	case err != nil:
		return reason(err)
	case !info.IsDir():
		return dir + " is not a directory"
	}
	f, err := os.CreateTemp(dir, ".newsdigest-check-*")
	if err != nil {
		return "the directory " + dir + " is not writable (" + reason(err) + ")"
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return ""
}

// reason is an OS error without the path the message already names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return fmt.Sprint(err)
}
