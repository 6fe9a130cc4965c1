package eval

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsdigest/newsdigest/digest/text"
)

func TestZZSplit(t *testing.T) {
	dir := summarySharedDir(t)
	gold, _ := readJSONL[summaryRecord](filepath.Join(dir, "summarize/dev.jsonl"))
	for _, g := range gold[40:80] {
		for i, sp := range text.Sentences(g.Text) {
			if i == 5 {
				break
			}
			fmt.Printf("%d| %s\n", i, sp.Text)
		}
		fmt.Println("REF|", g.References[0])
		fmt.Println()
	}
}
