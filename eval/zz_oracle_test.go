package eval

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsdigest/newsdigest/digest/text"
)

func TestZZOracle(t *testing.T) {
	dir := summarySharedDir(t)
	gold, _ := readJSONL[summaryRecord](filepath.Join(dir, "summarize/dev.jsonl"))
	var posSum, posN [12]float64
	var lenSum, lenN [8]float64
	var qSum, qN [2]float64
	for _, g := range gold {
		ref := rougeTokens(g.References[0])
		for i, sp := range text.Sentences(g.Text) {
			toks := rougeTokens(sp.Text)
			p := rougeN(toks, ref, 2).P
			if i < 12 {
				posSum[i] += p
				posN[i]++
			}
			if i < 8 {
				b := min(len(text.Tokens(sp.Text))/8, 7)
				lenSum[b] += p
				lenN[b]++
				q := 0
				if sp.Text[0] == '\'' || sp.Text[0] == '"' || sp.Text[0] == 0xe2 {
					q = 1
				}
				qSum[q] += p
				qN[q]++
			}
		}
	}
	for i := range posSum {
		fmt.Printf("pos %d: %.3f (%v)\n", i, posSum[i]/posN[i], posN[i])
	}
	for i := range lenSum {
		fmt.Printf("len %d-%d: %.3f (%v)\n", i*8, i*8+7, lenSum[i]/lenN[i], lenN[i])
	}
	fmt.Println("quote start", qSum[1]/qN[1], qN[1], "other", qSum[0]/qN[0])
}
