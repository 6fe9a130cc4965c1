package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFeedsCommands(t *testing.T) {
	dir := t.TempDir()
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Street Bulletin</title><link>https://quay.example/</link>
<item><title>Market hall reopens</title><link>https://quay.example/market</link><description>The market hall reopened on Saturday.</description></item></channel></rss>`)
	}))
	defer feedSrv.Close()
	cfgPath := filepath.Join(dir, "newsdigest.toml")
	write := func(allowPrivate bool) {
		cfg := fmt.Sprintf("database = %q\nallow_private_networks = %v\n", "sqlite://"+filepath.ToSlash(filepath.Join(dir, "nd.db")), allowPrivate)
		if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	feeds := func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"feeds", "-config", cfgPath}, args...), &stdout, &stderr)
		return stdout.String() + stderr.String(), err
	}

	write(false)
	if out, err := feeds("add", feedSrv.URL+"/rss"); err == nil || !strings.Contains(err.Error(), "private network") || !strings.Contains(err.Error(), "allow_private_networks") {
		t.Fatalf("adding a loopback feed without allow_private_networks: %v\n%s", err, out)
	}
	if _, err := feeds("add", "file:///etc/passwd"); err == nil {
		t.Fatal("feeds add accepted a file:// URL")
	}
	write(true)
	if _, err := feeds("add", feedSrv.URL+"/rss", "-genre", "satire"); err == nil || !strings.Contains(err.Error(), "reporting, opinion, analysis") {
		t.Errorf("feeds add -genre satire: %v", err)
	}
	out, err := feeds("add", feedSrv.URL+"/rss", "-lean", "center", "-genre", "Opinion")
	if err != nil || !strings.Contains(out, "Quay Street Bulletin") {
		t.Fatalf("feeds add: %v\n%s", err, out)
	}
	if _, err := feeds("add", feedSrv.URL+"/rss"); err == nil || !strings.Contains(err.Error(), "already followed") {
		t.Errorf("adding twice: %v", err)
	}
	opml, err := feeds("export")
	if err != nil || !strings.Contains(opml, `xmlUrl="`+feedSrv.URL+`/rss"`) {
		t.Fatalf("export: %v\n%s", err, opml)
	}
	list, _ := feeds("list")
	if !strings.Contains(list, "Quay Street Bulletin") || !strings.Contains(list, "center") || !strings.Contains(list, "opinion") {
		t.Errorf("list:\n%s", list)
	}
	if _, err := feeds("remove", "1"); err != nil {
		t.Fatalf("remove: %v", err)
	}
	if _, err := feeds("remove", "1"); err == nil {
		t.Error("removing a removed feed succeeded")
	}
	opmlPath := filepath.Join(dir, "feeds.opml")
	if err := os.WriteFile(opmlPath, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = feeds("import", opmlPath)
	if err != nil || !strings.Contains(out, "imported 1 feeds, skipped 0") {
		t.Fatalf("import: %v\n%s", err, out)
	}
}
