// Package golden compares what a test produced with a golden file under
// testdata, and rewrites the file when the tests run with -update
// (go test ./bot/... -update). It is for tests only.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata from the current output")

// Update reports whether this run rewrites golden files, for tests that
// compare in their own way (pixels of a PNG).
func Update() bool { return *update }

// Check compares got with the golden file at path and reports the
// difference; with -update it writes got to path instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (-want +got); if the change is intended, rerun with -update:\n%s",
			path, cmp.Diff(string(want), string(got)))
	}
}

// JSON is v as indented JSON with <, > and & left as they are, for a golden
// file that people read.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// CheckJSON is Check of v as JSON.
func CheckJSON(t testing.TB, path string, v any) {
	t.Helper()
	Check(t, path, JSON(t, v))
}
