// Command dfbuild builds the background document frequencies that
// digest/cluster embeds (background_df.txt) from NewsMTSC's training
// sentences. From the repository root, with the evaluation data checked out
// next to it:
//
//	go run ./digest/cluster/dfbuild -data ../shared/eval/stance/train.jsonl -out digest/cluster/background_df.txt
//
// The sentences are read in file order, repeated sentences once, and
// grouped into documents of at least -words words, about the length of a
// feed item's text; the output depends on nothing else. Build only from
// stance/train.jsonl (NewsMTSC, Hamborg & Donnay, EACL 2021, MIT licence)
// or from text the team writes: it is the one data set whose derived
// tables may be shipped.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsdigest/newsdigest/digest/cluster"
)

// note heads the table: where it comes from and how to rebuild it.
const note = "document frequencies of NewsMTSC train.jsonl sentences (Hamborg & Donnay, EACL 2021, MIT licence), " +
	"built by: go run ./digest/cluster/dfbuild -data ../shared/eval/stance/train.jsonl -out digest/cluster/background_df.txt"

func main() {
	if err := run(os.Args[1:]); err != nil {
		slog.Error("build background document frequencies", slog.String("error", err.Error()))
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("dfbuild", flag.ContinueOnError)
	data := fs.String("data", "", "NewsMTSC training mentions (stance/train.jsonl)")
	out := fs.String("out", "background_df.txt", "where to write the table")
	words := fs.Int("words", 90, "least words per document")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return fmt.Errorf("-data is required (path to stance/train.jsonl)")
	}
	if *words < 1 {
		return fmt.Errorf("-words must be positive")
	}
	f, err := os.Open(*data)
	if err != nil {
		return fmt.Errorf("open data: %w", err)
	}
	defer f.Close()
	docs, err := documents(f, *words)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := cluster.WriteBackground(&buf, docs, note); err != nil {
		return err
	}
	if err := writeAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	slog.Info("wrote background document frequencies", slog.String("path", *out), slog.Int("documents", len(docs)))
	return nil
}

// documents groups the distinct sentences of the JSON Lines file into
// documents of at least words words, in file order.
func documents(r io.Reader, words int) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	seen := map[string]bool{}
	var docs []string
	var cur strings.Builder
	n, line := 0, 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if rec.Text == "" || seen[rec.Text] {
			continue
		}
		seen[rec.Text] = true
		cur.WriteString(rec.Text)
		cur.WriteByte('\n')
		if n += len(strings.Fields(rec.Text)); n >= words {
			docs = append(docs, cur.String())
			cur.Reset()
			n = 0
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read data: %w", err)
	}
	if cur.Len() > 0 {
		docs = append(docs, cur.String())
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no sentences in the data")
	}
	return docs, nil
}

// writeAtomic writes data to a temporary file and renames it into place.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".background-*.txt")
	if err != nil {
		return fmt.Errorf("create table file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write table: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}
