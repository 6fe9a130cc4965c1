// Package eval scores newsdigest's analysis on the public evaluation sets
// (../shared/eval): it reads a task's data file, writes one prediction per
// record and returns the task's metrics, as ../shared/eval/README.md defines them.
package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
)

// taskFunc predicts every record of the data file at path, writes one JSON
// prediction line per record to pred, and returns the metrics object.
type taskFunc func(ctx context.Context, path string, pred io.Writer) (any, error)

// tasks is filled by each task's file.
var tasks = map[string]taskFunc{}

// Tasks returns the names of the supported tasks.
func Tasks() []string {
	names := make([]string, 0, len(tasks))
	for n := range tasks {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Run evaluates task on the data file at path, writing predictions to pred.
func Run(ctx context.Context, task, path string, pred io.Writer) (any, error) {
	run, ok := tasks[task]
	if !ok {
		return nil, fmt.Errorf("eval: unknown task %q (want one of %v)", task, Tasks())
	}
	return run(ctx, path, pred)
}
