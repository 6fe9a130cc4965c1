package cluster

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/newsdigest/newsdigest/digest/text"
)

// backgroundTable holds the document frequencies a new index starts from,
// so that the first articles a bot sees are weighed like the thousandth:
// without them every word is equally rare at first, and the opening hours
// of a stream cluster worse. It was built from the sentences of NewsMTSC's
// training set (Hamborg & Donnay, EACL 2021, MIT licence), grouped into
// documents the length of a feed item, with
//
//	go run ./digest/cluster/dfbuild -data ../shared/eval/stance/train.jsonl -out digest/cluster/background_df.txt
//
// and a test checks that the committed file is what that command writes.
//
//go:embed background_df.txt
var backgroundTable string

// background is a parsed table of document frequencies.
type background struct {
	docs float64
	df   map[uint32]float64
}

var loadBackground = sync.OnceValue(func() background {
	bg, err := ReadBackground(strings.NewReader(backgroundTable))
	if err != nil {
		panic(fmt.Sprintf("cluster: embedded background_df.txt: %v", err)) // a build defect, caught by the tests
	}
	return bg
})

// WriteBackground writes the table of document frequencies of docs: a
// comment line (note), the number of documents, then one stemmed term and
// its document frequency per line, sorted by term.
func WriteBackground(w io.Writer, docs []string, note string) error {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, tok := range text.Tokens(d) {
			if term, ok := termOf(tok); ok && !seen[term] {
				seen[term] = true
				df[term]++
			}
		}
	}
	terms := make([]string, 0, len(df))
	for t := range df {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", strings.ReplaceAll(note, "\n", " "))
	fmt.Fprintf(bw, "docs\t%d\n", len(docs))
	for _, t := range terms {
		fmt.Fprintf(bw, "%s\t%d\n", t, df[t])
	}
	return bw.Flush()
}

// ReadBackground parses a table written by WriteBackground.
func ReadBackground(r io.Reader) (background, error) {
	bg := background{df: map[uint32]float64{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		term, count, ok := strings.Cut(s, "\t")
		n, err := strconv.ParseFloat(count, 64)
		if !ok || err != nil || n < 0 || math.IsInf(n, 0) || math.IsNaN(n) {
			return background{}, fmt.Errorf("line %d: want term<TAB>count, got %q", line, s)
		}
		if bg.docs == 0 {
			if term != "docs" || n == 0 {
				return background{}, fmt.Errorf("line %d: want the document count first, got %q", line, s)
			}
			bg.docs = n
			continue
		}
		bg.df[termKey(term)] = n
	}
	if err := sc.Err(); err != nil {
		return background{}, err
	}
	if bg.docs == 0 {
		return background{}, fmt.Errorf("no document count")
	}
	return bg, nil
}
