package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/newsdigest/newsdigest/eval"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "summarize|multi|stance|cluster|cues|extract|replay -data FILE [-out PRED.jsonl]", stderr)
	data := fs.String("data", "", "evaluation data `file` (JSON Lines), as in ../shared/eval")
	out := fs.String("out", "", "write predictions to this `file` (default: discard)")
	// Accept the task before or after the flags.
	var task string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		task, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if task == "" && fs.NArg() > 0 {
		task = fs.Arg(0)
	}
	if task == "" {
		return usageErrorf("eval: name a task: %s", strings.Join(eval.Tasks(), "|"))
	}
	if *data == "" {
		return usageErrorf("eval: -data FILE is required")
	}
	if !slices.Contains(eval.Tasks(), task) {
		return usageErrorf("eval: unknown task %q (want %s)", task, strings.Join(eval.Tasks(), "|"))
	}
	pred := io.Discard
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		defer f.Close()
		pred = f
	}
	metrics, err := eval.Run(ctx, task, *data, pred)
	if err != nil {
		return err
	}
	b, err := json.Marshal(metrics)
	if err != nil {
		return fmt.Errorf("eval: encode metrics: %w", err)
	}
	_, err = fmt.Fprintln(stdout, string(b))
	return err
}
