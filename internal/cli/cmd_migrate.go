package cli

import (
	"context"
	"fmt"
	"io"
)

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", "", stderr)
	configPath := fs.String("config", "", "configuration `file` (default ./newsdigest.toml, else the built-in sample)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErrorf("migrate takes no arguments")
	}
	a, err := openApp(ctx, *configPath, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.st.Migrate(ctx); err != nil {
		return err
	}
	v, err := a.st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "database %s is at schema version %d\n", a.st.Dialect(), v)
	return nil
}
