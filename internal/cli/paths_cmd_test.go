package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStartNamesBadPaths is finding 10 of issue 14: a SQLite path or a
// backup_dir that cannot be used fails at start with the key and its line,
// not with SQLite's "unable to open database file" or a failed backup a
// day later.
func TestStartNamesBadPaths(t *testing.T) {
	dir := t.TempDir()
	aFile := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(aFile, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := "sqlite://" + filepath.ToSlash(filepath.Join(dir, "nd.db"))
	tests := []struct {
		name    string
		command string
		config  string
		want    string
	}{
		{"database directory missing", "digest",
			"database = \"sqlite://" + filepath.ToSlash(filepath.Join(dir, "no", "such", "dir", "nd.db")) + "\"\n",
			"line 1: database: cannot create"},
		{"database is a directory", "digest", "database = \"sqlite://" + filepath.ToSlash(dir) + "\"\n",
			"line 1: database: " + dir + " is a directory"},
		{"backup_dir under a file", "serve",
			"database = \"" + good + "\"\nlisten = \"127.0.0.1:0\"\nbackup_dir = \"" + filepath.ToSlash(filepath.Join(aFile, "backups")) + "\"\n",
			"line 3: backup_dir: cannot write backups"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := filepath.Join(t.TempDir(), "newsdigest.toml")
			if err := os.WriteFile(cfg, []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			err := run(ctx, []string{tt.command, "-config", cfg}, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("%s with %q: err = %v, want it to say %q", tt.command, tt.config, err, tt.want)
			}
		})
	}
}
