package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/feed"
)

// maxArticleBytes bounds what analyze reads from a file or standard input.
const maxArticleBytes = 10 << 20

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("analyze", "URL|FILE|-", stderr)
	asJSON := fs.Bool("json", false, "print the analysis as JSON")
	allowPrivate := fs.Bool("allow-private-networks", false, "allow a URL on a private or loopback address")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("analyze: give exactly one URL, FILE or - (standard input)")
	}
	a, err := loadArticle(ctx, fs.Arg(0), *allowPrivate)
	if err != nil {
		return err
	}
	an := digest.Analyze(a)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(an)
	}
	return writeAnalysis(stdout, an)
}

// loadArticle reads the article named by src: a URL (fetched and extracted),
// an .html file (extracted), "-" or a text file (headline line, then body).
func loadArticle(ctx context.Context, src string, allowPrivate bool) (digest.Article, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		u, err := feed.ValidateURL(src, false)
		if err != nil {
			return digest.Article{}, fmt.Errorf("analyze: %w", err)
		}
		title, body, err := feed.NewPoller(nil, feed.Options{AllowPrivateNetworks: allowPrivate}).ExtractArticle(ctx, u.String())
		if err != nil {
			return digest.Article{}, fmt.Errorf("analyze: %w", err)
		}
		return digest.Article{URL: u.String(), Title: title, Text: body}, nil
	}
	var r io.Reader = os.Stdin
	if src != "-" {
		f, err := os.Open(src)
		if err != nil {
			return digest.Article{}, fmt.Errorf("analyze: %w", err)
		}
		defer f.Close()
		r = f
	}
	raw, err := io.ReadAll(io.LimitReader(r, maxArticleBytes+1))
	if err != nil {
		return digest.Article{}, fmt.Errorf("analyze: read %s: %w", src, err)
	}
	if len(raw) > maxArticleBytes {
		return digest.Article{}, fmt.Errorf("analyze: %s is larger than %d bytes", src, maxArticleBytes)
	}
	if strings.HasSuffix(strings.ToLower(src), ".html") || strings.HasSuffix(strings.ToLower(src), ".htm") {
		title, body, err := feed.ExtractText(raw, "", "")
		if err != nil {
			return digest.Article{}, fmt.Errorf("analyze: %w", err)
		}
		return digest.Article{Title: title, Text: body}, nil
	}
	title, body := splitHeadline(string(raw))
	return digest.Article{Title: title, Text: body}, nil
}

// splitHeadline splits a text file into its first line (the headline) and the
// rest (the body, which all offsets index).
func splitHeadline(s string) (title, body string) {
	title, body, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(strings.TrimSuffix(title, "\r")), body
}

func writeAnalysis(w io.Writer, an digest.Analysis) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nSummary:\n", an.Title)
	for _, s := range an.Summary {
		fmt.Fprintf(&b, "  %s\n", s)
	}
	if !digest.English(an.Language) {
		fmt.Fprintf(&b, "\nLanguage: %s. Framing labels are English-only.\n", an.Language)
	}
	fmt.Fprintf(&b, "\nGenre: %s (%.2f)", an.Genre.Label, an.Genre.Confidence)
	if an.Genre.Signal != "" {
		fmt.Fprintf(&b, " from the %s", an.Genre.Signal)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "Tone toward the event: %s\n", an.Tone)
	if len(an.Actors) > 0 {
		b.WriteString("Actors:\n")
		for _, a := range an.Actors {
			fmt.Fprintf(&b, "  %s: %s (%.2f, %d mentions)%s\n", a.Name, a.Stance, a.Confidence, a.Mentions, quotes(a.Evidence))
		}
	}
	if len(an.Frames) > 0 {
		b.WriteString("Frames:\n")
		for _, f := range an.Frames {
			fmt.Fprintf(&b, "  %s (%.2f)%s\n", f.Name, f.Score, quotes(f.Evidence))
		}
	}
	if len(an.Cues) > 0 {
		b.WriteString("Cues:\n")
		for _, c := range an.Cues {
			fmt.Fprintf(&b, "  %s «%s» %s[%d:%d]\n", c.Type, c.Text, c.Field, c.Start, c.End)
		}
	}
	if len(an.QuotedCues) > 0 {
		b.WriteString("Quoted (the speakers' words, not the outlet's):\n")
		for _, c := range an.QuotedCues {
			who := c.Speaker
			if who == "" {
				who = "unnamed speaker"
			}
			fmt.Fprintf(&b, "  %s «%s» %s[%d:%d], %s\n", c.Type, c.Text, c.Field, c.Start, c.End, who)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
