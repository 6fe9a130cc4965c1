// Command train fits the stance model that digest/framing/stance embeds
// (weights.json) to NewsMTSC's training mentions. From the repository
// root, with the evaluation data checked out next to it:
//
//	go run ./digest/framing/train -data ../shared/eval/stance/train.jsonl -out digest/framing/stance/weights.json
//
// (or `go generate ./digest/framing/stance`). The training code lives here,
// outside the production path: the bot only reads the weights. Training is deterministic: the same
// data and flags give byte-identical weights. Train only on
// stance/train.jsonl (NewsMTSC, Hamborg & Donnay, EACL 2021, MIT licence):
// it is the one data set whose derived weights may be shipped.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/newsdigest/newsdigest/digest/framing/stance"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		slog.Error("train stance model", slog.String("error", err.Error()))
		os.Exit(1)
	}
}

func run(args []string) error {
	def := defaultConfig()
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	data := fs.String("data", "", "NewsMTSC training mentions (stance/train.jsonl)")
	out := fs.String("out", "weights.json", "where to write the weights")
	cfg := def
	fs.IntVar(&cfg.Epochs, "epochs", def.Epochs, "passes over the data")
	fs.Float64Var(&cfg.LearningRate, "lr", def.LearningRate, "AdaGrad step size")
	fs.Float64Var(&cfg.L2, "l2", def.L2, "L2 weight decay")
	fs.IntVar(&cfg.MinCount, "min-count", def.MinCount, "drop features seen in fewer examples")
	fs.Uint64Var(&cfg.Seed, "seed", def.Seed, "seed of the example order")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return fmt.Errorf("-data is required (path to stance/train.jsonl)")
	}
	examples, err := readExamples(*data)
	if err != nil {
		return err
	}
	model, err := trainModel(examples, cfg)
	if err != nil {
		return err
	}
	if err := writeAtomic(*out, model); err != nil {
		return err
	}
	slog.Info("wrote stance model", slog.String("path", *out),
		slog.Int("examples", len(examples)), slog.Int("features", len(model.Weights)))
	return nil
}

// readExamples reads the JSON Lines training file.
func readExamples(path string) ([]example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open training data: %w", err)
	}
	defer f.Close()
	return decodeExamples(f)
}

// writeAtomic writes the model to a temporary file and renames it into place.
func writeAtomic(path string, m *stance.Model) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".stance-*.json")
	if err != nil {
		return fmt.Errorf("create weights file: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := writeModel(w, m); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write weights: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}
