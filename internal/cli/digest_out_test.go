package cli

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/config"
)

// sampleConfigFile writes a config file that reads the sample feeds into a
// database of its own in dir.
func sampleConfigFile(t *testing.T, dir string) string {
	t.Helper()
	sample, err := config.Sample(filepath.Join(dir, "sample"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "database = %q\n", "sqlite://"+filepath.ToSlash(filepath.Join(dir, "d.db")))
	for _, f := range sample.Feeds {
		fmt.Fprintf(&b, "[[feeds]]\nurl = %q\nname = %q\nlean = %q\n", f.URL, f.Name, f.Lean)
	}
	path := filepath.Join(dir, "newsdigest.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func decodePNG(t *testing.T, path string) (w, h int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy()
}

func TestDigestWritesThePicture(t *testing.T) {
	dir := t.TempDir()
	cfg := sampleConfigFile(t, dir)
	run1 := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), append([]string{"digest", "-config", cfg, "-since", "30d"}, args...), &stdout, &stderr); err != nil {
			t.Fatalf("digest %v: %v\n%s", args, err, stderr.String())
		}
		return stdout.String()
	}

	six := filepath.Join(dir, "coverage.png")
	if out := run1("-format", "png", "-out", six); out != "" {
		t.Errorf("png wrote %q to stdout", out)
	}
	all := filepath.Join(dir, "all.png")
	run1("-format", "png", "-out", all, "-max", "8")
	w6, h6 := decodePNG(t, six)
	w8, h8 := decodePNG(t, all)
	if w6 < 600 || h6 < 200 || w8 != w6 || h8 <= h6 {
		t.Errorf("6 stories %dx%d, 8 stories %dx%d: want ≥600×200 and a taller picture for more stories", w6, h6, w8, h8)
	}

	md := filepath.Join(dir, "digest.md")
	if out := run1("-format", "markdown", "-out", md); out != "" {
		t.Errorf("markdown with -out wrote %q to stdout", out)
	}
	text, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "](digest.png)") || !strings.HasPrefix(string(text), "# News digest") {
		t.Errorf("the Markdown does not link the chart beside it:\n%.300s", text)
	}
	decodePNG(t, filepath.Join(dir, "digest.png"))

	if out := run1("-format", "markdown"); strings.Contains(out, ".png)") {
		t.Errorf("markdown on stdout links a picture nobody wrote")
	}
	js := filepath.Join(dir, "d.json")
	run1("-format", "json", "-out", js)
	if b, err := os.ReadFile(js); err != nil || !bytes.HasPrefix(b, []byte("{")) {
		t.Errorf("json -out: %v %.40q", err, b)
	}
}
