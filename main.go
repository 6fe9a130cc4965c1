// Command newsdigest polls news feeds, groups articles from different outlets
// into stories, summarises them, labels how each article frames its story, and
// posts digests to Discord and Slack. Run `newsdigest help` for the commands.
//
// The commands live in internal/cli; this file only ties them to the process.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsdigest/newsdigest/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
