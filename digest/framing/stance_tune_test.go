package framing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"
)

func stanceTuneLoad(t *testing.T, name string) []StanceExample {
	f, err := os.Open("../../../shared/eval/stance/" + name)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	ex, err := ReadStanceExamples(f)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func stanceMacroF1(m *StanceModel, dev []StanceExample) (float64, [3][3]int) {
	var conf [3][3]int
	idx := map[string]int{Negative: 0, Neutral: 1, Positive: 2}
	for _, ex := range dev {
		p := m.Predict(ex.Sentence, ex.Start, ex.End)
		b := 0
		for k := range p {
			if p[k] > p[b] {
				b = k
			}
		}
		conf[idx[ex.Label]][b]++
	}
	var f1 float64
	for k := 0; k < 3; k++ {
		tp := float64(conf[k][k])
		var pr, gs float64
		for j := 0; j < 3; j++ {
			pr += float64(conf[j][k])
			gs += float64(conf[k][j])
		}
		if tp > 0 {
			p, r := tp/pr, tp/gs
			f1 += 2 * p * r / (p + r) / 3
		}
	}
	return f1, conf
}

func TestStanceTune(t *testing.T) {
	if os.Getenv("STANCE_TUNE") == "" {
		t.Skip("set STANCE_TUNE=1")
	}
	train, dev := stanceTuneLoad(t, "train.jsonl"), stanceTuneLoad(t, "dev.jsonl")
	for _, ep := range []int{6, 10} {
		for _, l2 := range []float64{0.03} {
			for _, lr := range []float64{0.01, 0.03} {
				for _, mc := range []int{2, 5} {
					cfg := StanceTrainConfig{Epochs: ep, LearningRate: lr, L2: l2, MinCount: mc, Seed: 1}
					m, err := TrainStance(train, cfg)
					if err != nil {
						t.Fatal(err)
					}
					f, conf := stanceMacroF1(m, dev)
					trf, _ := stanceMacroF1(m, train)
					fmt.Printf("%+v dev %.4f train %.4f %v\n", cfg, f, trf, conf)
				}
			}
		}
	}
}

type basilRec struct {
	Title, Text, Target, Label, Source string
}

func TestStanceTuneBasil(t *testing.T) {
	if os.Getenv("STANCE_TUNE") == "" {
		t.Skip("set STANCE_TUNE=1")
	}
	b, err := os.ReadFile("../../../shared/eval/stance/basil-dev.jsonl")
	if err != nil {
		t.Skip(err)
	}
	var recs []basilRec
	for _, line := range bytesLines(b) {
		var r basilRec
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	type row struct {
		mean  [3]float64
		n     int
		label string
	}
	qw := 0.5
	if v := os.Getenv("QW"); v != "" {
		fmt.Sscan(v, &qw)
	}
	var rows []row
	for _, r := range recs {
		ms := stanceTargetMentions(r.Title, r.Text, r.Target)
		var mean [3]float64
		var ws float64
		for _, m := range ms {
			res := AnalyzeMention(m.sentence, m.start, m.end)
			w := 1.0
			if res.Quoted {
				w = qw
			}
			for k := range mean {
				mean[k] += w * res.Probs[k]
			}
			ws += w
		}
		if ws > 0 {
			for k := range mean {
				mean[k] /= ws
			}
		}
		rows = append(rows, row{mean: mean, n: len(ms), label: r.Label})
	}
	type result struct {
		f      float64
		k      int
		tn, tp float64
		conf   [3][3]int
	}
	var all []result
	idx := map[string]int{Negative: 0, Neutral: 1, Positive: 2}
	for k := 1; k <= 20; k++ {
		for tn := 0.16; tn < 0.6; tn += 0.02 {
			for tp := -0.2; tp < 0.3; tp += 0.02 {
				var conf [3][3]int
				for _, x := range rows {
					p := 1
					switch {
					case x.n < k:
					case x.mean[0] > tn:
						p = 0
					case x.mean[2]-x.mean[0] > tp:
						p = 2
					}
					conf[idx[x.label]][p]++
				}
				all = append(all, result{confF1(conf), k, tn, tp, conf})
			}
		}
	}
	sort.Slice(all, func(a, b int) bool { return all[a].f > all[b].f })
	bestK := map[int]result{}
	for _, r := range all {
		if b, ok := bestK[r.k]; !ok || r.f > b.f {
			bestK[r.k] = r
		}
	}
	for k := 1; k <= 20; k++ {
		r := bestK[k]
		fmt.Printf("bestk k=%d tn=%.2f tp=%.2f f1=%.4f %v\n", r.k, r.tn, r.tp, r.f, r.conf)
	}
	var all2 []result
	for a := 0.20; a < 0.5; a += 0.02 {
		for tn := 0.0; tn < 5; tn += 0.25 {
			for tp := -3.0; tp < 3; tp += 0.25 {
				var conf [3][3]int
				for _, x := range rows {
					p := 1
					sn := float64(x.n) * (x.mean[0] - a)
					sp := float64(x.n) * (x.mean[2] - x.mean[0])
					switch {
					case sn > tn:
						p = 0
					case sp > tp && x.n > 0:
						p = 2
					}
					conf[idx[x.label]][p]++
				}
				all2 = append(all2, result{confF1(conf), int(a * 100), tn, tp, conf})
			}
		}
	}
	sort.Slice(all2, func(a, b int) bool { return all2[a].f > all2[b].f })
	for _, r := range all2[:20] {
		fmt.Printf("SUM a=%d tn=%.2f tp=%.2f f1=%.4f %v\n", r.k, r.tn, r.tp, r.f, r.conf)
	}
	for _, r := range all[:5] {
		fmt.Printf("k=%d tn=%.2f tp=%.2f f1=%.4f %v\n", r.k, r.tn, r.tp, r.f, r.conf)
	}
}

func confF1(conf [3][3]int) float64 {
	var f1 float64
	for k := 0; k < 3; k++ {
		tp := float64(conf[k][k])
		var pr, gs float64
		for j := 0; j < 3; j++ {
			pr += float64(conf[j][k])
			gs += float64(conf[k][j])
		}
		if tp > 0 {
			p, r := tp/pr, tp/gs
			f1 += 2 * p * r / (p + r) / 3
		}
	}
	return f1
}

func bytesLines(b []byte) [][]byte {
	var out [][]byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		if len(l) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func TestStanceDumpErrors(t *testing.T) {
	if os.Getenv("STANCE_ERR") == "" {
		t.Skip("set STANCE_ERR=1")
	}
	dev := stanceTuneLoad(t, "dev.jsonl")
	n := 0
	for _, ex := range dev {
		r := AnalyzeMention(ex.Sentence, ex.Start, ex.End)
		if r.Label != ex.Label && n < 40 {
			n++
			fmt.Printf("gold=%s pred=%s %.2f [%s] %s\n", ex.Label, r.Label, r.Confidence, ex.Sentence[ex.Start:ex.End], ex.Sentence)
		}
	}
}

func TestStanceTuneSeeds(t *testing.T) {
	if os.Getenv("STANCE_TUNE") == "" {
		t.Skip("set STANCE_TUNE=1")
	}
	train, dev := stanceTuneLoad(t, "train.jsonl"), stanceTuneLoad(t, "dev.jsonl")
	var models []*StanceModel
	for seed := uint64(1); seed <= 5; seed++ {
		cfg := DefaultStanceTrainConfig()
		cfg.Seed = seed
		m, err := TrainStance(train, cfg)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := stanceMacroF1(m, dev)
		fmt.Printf("seed %d dev %.4f\n", seed, f)
		models = append(models, m)
	}
	avg := &StanceModel{Classes: models[0].Classes, Bias: make([]float64, 3), Weights: map[string][]float64{}}
	for _, m := range models {
		for k := range 3 {
			avg.Bias[k] += m.Bias[k] / float64(len(models))
		}
		for name, w := range m.Weights {
			if avg.Weights[name] == nil {
				avg.Weights[name] = make([]float64, 3)
			}
			for k := range 3 {
				avg.Weights[name][k] += w[k] / float64(len(models))
			}
		}
	}
	f, conf := stanceMacroF1(avg, dev)
	fmt.Printf("avg dev %.4f %v\n", f, conf)
}
