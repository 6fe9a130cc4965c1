// Package cli is the newsdigest command line: one file per subcommand
// (cmd_*.go), the long-running server (serve_*.go) and what they share
// (app.go). main.go at the module root is a thin shell over Run.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// Run runs the command line args (without the program name) and returns the
// process exit code: 0 done, 1 failed, 2 a mistake in the command line. A
// failure is printed to stderr as one line.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return exitCode(run(ctx, args, stdout, stderr), stderr)
}

// command is one subcommand: it parses its own flags from args.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "run the bot: poller, scheduler, HTTP endpoints, chat connections", runServe},
		{"digest", "poll the configured feeds once and print a digest", runDigest},
		{"analyze", "summarise one article and label its framing, with evidence", runAnalyze},
		{"feeds", "list, add, remove, import or export feeds (OPML)", runFeeds},
		{"channels", "list channels (stopped ones with the reason) or enable one again", runChannels},
		{"eval", "score the analysis on an evaluation set", runEval},
		{"migrate", "apply database migrations and exit", runMigrate},
		{"version", "print the version", runVersion},
	}
}

// run dispatches args to a subcommand. It is main without the process: tests call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return usageErrorf("no command given")
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		usage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	usage(stderr)
	return usageErrorf("unknown command %q", name)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: newsdigest <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun `newsdigest <command> -h` for a command's flags.")
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// errHelp is returned after -h printed a command's usage: exit code 0.
var errHelp = flag.ErrHelp

// exitCode prints err (one line) and maps it to the process exit code.
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "newsdigest: "+ue.msg)
		return 2
	default:
		fmt.Fprintln(stderr, "newsdigest: "+err.Error())
		return 1
	}
}

// newFlagSet returns a flag set for a subcommand whose parse errors become usage errors.
func newFlagSet(name, argsUsage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: newsdigest %s [flags] %s\n", name, argsUsage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; a bad flag is a usage error, -h is errHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageErrorf("%s: %v", fs.Name(), err)
	}
	return nil
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// parseInterleaved parses flags that may stand before, between or after the
// operands (feeds add URL -name X) and returns the operands in order.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return operands, nil
		}
		operands = append(operands, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
