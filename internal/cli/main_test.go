package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the one-line reason
	}{
		{"no command", nil, "no command given"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"digest bad flag", []string{"digest", "-nope"}, "flag provided but not defined"},
		{"digest bad format", []string{"digest", "-format", "yaml"}, "-format must be text, markdown, json or png"},
		{"digest png without a file", []string{"digest", "-format", "png"}, "-format png needs -out FILE.png"},
		{"digest bad since", []string{"digest", "-since", "yesterday"}, "not a period"},
		{"digest stray argument", []string{"digest", "extra"}, "takes no arguments"},
		{"analyze no file", []string{"analyze"}, "exactly one URL, FILE or -"},
		{"feeds no subcommand", []string{"feeds"}, "say list, add URL"},
		{"feeds unknown subcommand", []string{"feeds", "rename"}, `unknown subcommand "rename"`},
		{"feeds add without url", []string{"feeds", "add"}, "takes 1 argument"},
		{"eval no task", []string{"eval"}, "name a task"},
		{"eval no data", []string{"eval", "stance"}, "-data FILE is required"},
		{"version argument", []string{"version", "x"}, "takes no arguments"},
		{"channels no subcommand", []string{"channels"}, "say list or enable ID"},
		{"channels enable bad id", []string{"channels", "enable", "x"}, "is not a channel id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &stdout, &stderr)
			var msg bytes.Buffer
			if code := exitCode(err, &msg); code != 2 {
				t.Fatalf("exit code = %d, want 2 (err %v)", code, err)
			}
			line := msg.String()
			if strings.Count(line, "\n") != 1 || !strings.Contains(line, tt.want) {
				t.Errorf("reason = %q, want one line containing %q", line, tt.want)
			}
		})
	}
}

func TestRunHelpOnEverySubcommand(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{c.name, "-h"}, &stdout, &stderr)
			if code := exitCode(err, &bytes.Buffer{}); code != 0 {
				t.Fatalf("%s -h: exit code %d (err %v)", c.name, code, err)
			}
			if !strings.Contains(stderr.String(), "Usage: newsdigest "+c.name) {
				t.Errorf("%s -h printed %q, want its usage", c.name, stderr.String())
			}
		})
	}
}

func TestVersion(t *testing.T) {
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"version"}, &stdout, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout.String(), "newsdigest ") {
		t.Errorf("version printed %q", stdout.String())
	}
}

// sharedDir is the team's shared folder beside the repository (../shared from
// the module root), read by tests that skip when it is absent.
var sharedDir = filepath.Join("..", "..", "..", "shared")
