package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsdigest/newsdigest/bot"
	"github.com/newsdigest/newsdigest/bot/chart"
	"github.com/newsdigest/newsdigest/bot/console"
	"github.com/newsdigest/newsdigest/digest"
)

// writeDigestOut writes d in format to the file out, or to stdout when out
// is "". A png is the coverage chart of the first chartStories stories
// (the picture a brief digest in chat carries); Markdown written to a file
// gets the chart of its stories as a PNG beside it, linked from the text.
func writeDigestOut(stdout io.Writer, format, out string, d digest.Digest, chartStories int) error {
	if format == "png" {
		png, err := chart.PNG(d.Stories[:min(len(d.Stories), chartStories)])
		if err != nil {
			return err
		}
		return writeFile(out, png)
	}
	if out == "" {
		return writeDigest(stdout, format, d)
	}
	var b strings.Builder
	if format == "markdown" {
		pngPath := strings.TrimSuffix(out, filepath.Ext(out)) + ".png"
		if pngPath == out {
			return usageErrorf("digest: -out %s: the Markdown needs a name not ending in .png (the chart goes beside it)", out)
		}
		png, err := chart.PNG(d.Stories)
		if err != nil {
			return err
		}
		if err := writeFile(pngPath, png); err != nil {
			return err
		}
		m := bot.DigestMessage("News digest", d)
		m.Image = &bot.Image{Name: filepath.Base(pngPath), Alt: chart.AltText(d.Stories)}
		if err := console.Render(&b, console.Markdown, m); err != nil {
			return err
		}
	} else if err := writeDigest(&b, format, d); err != nil {
		return err
	}
	return writeFile(out, []byte(b.String()))
}

// writeFile writes data to path through a temporary file in the same
// directory, so a reader never sees half a file.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("digest: write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("digest: write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("digest: write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("digest: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("digest: write %s: %w", path, err)
	}
	return nil
}
