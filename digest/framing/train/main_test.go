package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/framing/stance"
)

func TestRunWritesAReadableModel(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "train.jsonl")
	lines := []string{
		`{"id":"1","text":"Critics condemned Mayor Ames as corrupt.","start":18,"end":28,"label":"negative"}`,
		`{"id":"2","text":"Mayor Ames will open the bridge on Monday.","start":0,"end":10,"label":"neutral"}`,
		`{"id":"3","text":"Mayor Ames won praise for a brilliant plan.","start":0,"end":10,"label":"positive"}`,
	}
	if err := os.WriteFile(data, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "weights.json")
	if err := run([]string{"-data", data, "-out", out, "-min-count", "1", "-epochs", "3"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := stance.ReadModel(f)
	if err != nil {
		t.Fatal(err)
	}
	if m.Config.Epochs != 3 || m.Config.MinCount != 1 {
		t.Errorf("config not recorded: %+v", m.Config)
	}
	if len(m.Weights) == 0 {
		t.Error("no weights")
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"x","text":"no offsets","label":"neutral"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{},
		{"-data", filepath.Join(dir, "missing.jsonl")},
		{"-data", bad, "-out", filepath.Join(dir, "w.json")},
		{"-bogus-flag"},
	} {
		if err := run(args); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
