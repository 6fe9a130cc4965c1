package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/cluster"
)

// TestCommittedTableIsReproducible rebuilds the background table from
// NewsMTSC with the documented command and compares it with the committed
// one byte for byte.
func TestCommittedTableIsReproducible(t *testing.T) {
	data := filepath.Join("..", "..", "..", "..", "shared", "eval", "stance", "train.jsonl")
	if _, err := os.Stat(data); err != nil {
		t.Skip("../shared/eval/stance/train.jsonl is absent; skipping the reproducibility check")
	}
	out := filepath.Join(t.TempDir(), "background_df.txt")
	if err := run([]string{"-data", data, "-out", out}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "background_df.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("digest/cluster/background_df.txt differs from a fresh build; rebuild it with the command in its first line")
	}
}

func TestRunGroupsSentencesIntoDocuments(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "train.jsonl")
	lines := []string{
		`{"id":"1","text":"The harbour board approved the new ferry timetable."}`,
		`{"id":"2","text":"The harbour board approved the new ferry timetable."}`,
		`{"id":"3","text":"Ferry crews welcomed the change on Monday."}`,
		``,
		`{"id":"4","text":"Ticket prices stay the same."}`,
	}
	if err := os.WriteFile(data, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "df.txt")
	if err := run([]string{"-data", data, "-out", out, "-words", "10"}); err != nil {
		t.Fatal(err)
	}
	table, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Sentences 1 and 3 make the first document (the repeat is dropped),
	// sentence 4 the second.
	for _, want := range []string{"docs\t2\n", "ferri\t1\n", "ticket\t1\n", "harbour\t1\n"} {
		if !strings.Contains(string(table), want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if _, err := cluster.ReadBackground(bytes.NewReader(table)); err != nil {
		t.Errorf("the table does not read back: %v", err)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{},
		{"-data", filepath.Join(dir, "missing.jsonl")},
		{"-data", bad, "-out", filepath.Join(dir, "x.txt")},
		{"-data", empty, "-out", filepath.Join(dir, "x.txt")},
		{"-data", empty, "-words", "0"},
		{"-bogus"},
	} {
		if err := run(args); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
