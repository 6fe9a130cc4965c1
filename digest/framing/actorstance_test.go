package framing

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestActorStanceBASIL scores the stance of Analyze's actors against BASIL's
// article-level labels (../shared/eval/stance/basil-dev.jsonl): the actor
// whose name holds the target's last word gives the label, and an absent
// target counts as neutral. The floor is well above the majority baseline
// (macro-F1 0.28).
func TestActorStanceBASIL(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 305 articles")
	}
	path := sharedDir(t, "eval", "stance", "basil-dev.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	classes := []string{Negative, Neutral, Positive}
	conf := map[[2]string]int{}
	found, n := 0, 0
	for _, ln := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		var r struct{ Title, Text, Target, Label string }
		if err := json.Unmarshal([]byte(ln), &r); err != nil {
			t.Fatal(err)
		}
		n++
		words := strings.Fields(strings.ReplaceAll(r.Target, "_", " "))
		if len(words) == 0 {
			continue
		}
		key := words[len(words)-1]
		pred := Neutral
		for _, a := range Analyze(r.Title, r.Text).Actors {
			if strings.Contains(a.Name, key) {
				pred = a.Stance
				found++
				break
			}
		}
		conf[[2]string{r.Label, pred}]++
	}
	macro := 0.0
	for _, k := range classes {
		tp, fp, fn := conf[[2]string{k, k}], 0, 0
		for _, j := range classes {
			if j != k {
				fp += conf[[2]string{j, k}]
				fn += conf[[2]string{k, j}]
			}
		}
		if tp > 0 {
			p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			macro += 2 * p * r / (p + r) / 3
		}
	}
	t.Logf("%d articles, target among the actors in %d; macro-F1 %.3f; confusion %v", n, found, macro, conf)
	if macro < 0.40 {
		t.Errorf("actor stance macro-F1 on BASIL DEV = %.3f, want >= 0.40", macro)
	}
}
