package framing

import (
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"
)

// TestAnalyzeConcurrentSameAsAlone checks that documents analysed at the
// same time, which reuse each other's released buffers (docPool), get the
// labels each gets alone.
func TestAnalyzeConcurrentSameAsAlone(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if len(files) < 2 {
		t.Fatal("testdata has fewer than two articles")
	}
	type article struct{ title, body, want string }
	var arts []article
	for _, f := range files {
		title, body := readArticle(t, f)
		b, _ := json.Marshal(Analyze(title, body))
		arts = append(arts, article{title, body, string(b)})
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 3 * len(arts) {
				a := arts[(n+g)%len(arts)]
				if b, _ := json.Marshal(Analyze(a.title, a.body)); string(b) != a.want {
					t.Errorf("concurrent labels of %q differ from its labels alone", a.title)
					return
				}
			}
		}()
	}
	wg.Wait()
}
