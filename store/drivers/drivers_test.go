package drivers

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestOnlyTheCommandLinksDrivers: the chat adapters and bot use store's
// types without carrying a database engine; the command links both.
func TestOnlyTheCommandLinksDrivers(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to list dependencies")
	}
	const mod = "github.com/newsdigest/newsdigest/"
	drivers := []string{"modernc.org/sqlite", "github.com/jackc/pgx/v5/stdlib"}
	for _, tt := range []struct {
		pkg  string
		want bool
	}{
		{"bot", false}, {"bot/discord", false}, {"bot/slack", false}, {"bot/delivery", false}, {"store", false},
		{"internal/cli", true},
	} {
		out, err := exec.Command(gobin, "list", "-deps", mod+tt.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", tt.pkg, err)
		}
		deps := strings.Fields(string(out))
		for _, d := range drivers {
			if got := slices.Contains(deps, d); got != tt.want {
				t.Errorf("%s links %s: %v, want %v", tt.pkg, d, got, tt.want)
			}
		}
	}
}
