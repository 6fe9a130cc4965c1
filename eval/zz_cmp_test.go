package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/summarize"
)

func TestZZCmp(t *testing.T) {
	dir := summarySharedDir(t)
	gold, _ := readJSONL[summaryRecord](filepath.Join(dir, "summarize/dev.jsonl"))
	for _, g := range gold {
		os.Setenv("ZZNODATE", "1")
		a := strings.Join(summarize.Article("", g.Text, 3), "\n")
		os.Setenv("ZZNODATE", "")
		b := strings.Join(summarize.Article("", g.Text, 3), "\n")
		if a != b {
			sa, sb := scoreRouge(a, g.References[0]), scoreRouge(b, g.References[0])
			fmt.Printf("R1 %.3f -> %.3f  RLsum %.3f -> %.3f\nA: %s\nB: %s\nREF: %s\n\n", sa.R1.F, sb.R1.F, sa.Lsum.F, sb.Lsum.F, a, b, g.References[0])
		}
	}
}
