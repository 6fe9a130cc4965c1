package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/newsdigest/newsdigest/digest/cluster"
)

func init() { tasks["cluster"] = runCluster }

// clusterRecord is one line of a cluster/ data file. Gold is the story label
// and is read only by the scorer.
type clusterRecord struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Gold  string `json:"gold"`
}

// clusterPrediction is one prediction line: any string or number names a
// cluster.
type clusterPrediction struct {
	ID      string          `json:"id"`
	Cluster json.RawMessage `json:"cluster"`
}

// ClusterMetrics are the cluster task's scores (B-cubed is the main figure).
type ClusterMetrics struct {
	BCubed               PRF     `json:"bcubed"`
	Pairwise             PRF     `json:"pairwise"`
	ARI                  float64 `json:"ari"`
	NMI                  float64 `json:"nmi"`
	NGold                int     `json:"n_gold"`
	NScored              int     `json:"n_scored"`
	Missing              int     `json:"missing"`
	UnknownIDs           int     `json:"unknown_ids"`
	DuplicatePredictions int     `json:"duplicate_predictions"`
	GoldClusters         int     `json:"gold_clusters"`
	PredClusters         int     `json:"pred_clusters"`
}

// PRF is a precision, recall and F1 triple.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

func newPRF(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{P: p, R: r, F1: f}
}

// runCluster clusters the records in file order with a fresh cluster.Index,
// as the bot would see them arrive, then settles the batch with the
// index's merge pass, as the pipeline does after each round (the records
// have no times, so it merges on content alone), and scores the result.
func runCluster(ctx context.Context, path string, pred io.Writer) (any, error) {
	recs, err := readJSONL[clusterRecord](path)
	if err != nil {
		return nil, fmt.Errorf("cluster: %w", err)
	}
	ix := cluster.New(cluster.Config{})
	stories := make([]int64, len(recs))
	for i, r := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		stories[i] = ix.Add(cluster.Doc{ID: int64(i) + 1, Title: r.Title, Text: r.Text}).Story
	}
	into := map[int64]int64{}
	for _, m := range ix.MergePass(time.Time{}) {
		into[m.From] = m.Into
	}
	preds := make([]clusterPrediction, 0, len(recs))
	for i, r := range recs {
		s := stories[i]
		for into[s] != 0 { // a story merged into one that merged on
			s = into[s]
		}
		p := clusterPrediction{ID: r.ID, Cluster: json.RawMessage(fmt.Sprint(s))}
		if err := writeJSONL(pred, p); err != nil {
			return nil, fmt.Errorf("cluster: write prediction: %w", err)
		}
		preds = append(preds, p)
	}
	return scoreClusters(recs, preds), nil
}

// scoreClusters scores predictions against the gold labels of recs as
// ../shared/eval/README.md defines it. A gold record without a prediction is a
// singleton cluster; of repeated predictions for an id the first counts.
func scoreClusters(recs []clusterRecord, preds []clusterPrediction) ClusterMetrics {
	m := ClusterMetrics{NGold: len(recs)}
	gold := make(map[string]string, len(recs))
	for _, r := range recs {
		gold[r.ID] = r.Gold
	}
	predOf := make(map[string]string, len(preds))
	for _, p := range preds {
		if _, ok := gold[p.ID]; !ok {
			m.UnknownIDs++
			continue
		}
		if _, ok := predOf[p.ID]; ok {
			m.DuplicatePredictions++
			continue
		}
		predOf[p.ID] = "p:" + string(p.Cluster)
	}
	goldOf := make([]string, len(recs))
	sysOf := make([]string, len(recs))
	for i, r := range recs {
		goldOf[i] = r.Gold
		if c, ok := predOf[r.ID]; ok {
			sysOf[i] = c
			m.NScored++
		} else {
			sysOf[i] = "missing:" + r.ID
			m.Missing++
		}
	}
	m.BCubed = bcubed(goldOf, sysOf)
	t := newContingency(goldOf, sysOf)
	m.GoldClusters, m.PredClusters = len(t.rows), len(t.cols)
	m.Pairwise = t.pairwise()
	m.ARI = t.ari()
	m.NMI = t.nmi()
	return m
}

// bcubed returns B-cubed precision and recall averaged over items.
func bcubed(gold, sys []string) PRF {
	if len(gold) == 0 {
		return PRF{}
	}
	both := map[[2]string]int{}
	gSize := map[string]int{}
	sSize := map[string]int{}
	for i := range gold {
		both[[2]string{gold[i], sys[i]}]++
		gSize[gold[i]]++
		sSize[sys[i]]++
	}
	var p, r float64
	for i := range gold {
		n := float64(both[[2]string{gold[i], sys[i]}])
		p += n / float64(sSize[sys[i]])
		r += n / float64(gSize[gold[i]])
	}
	n := float64(len(gold))
	return newPRF(p/n, r/n)
}

// contingency is the gold × predicted cluster count table.
type contingency struct {
	n     int
	cells map[[2]string]int
	rows  map[string]int // gold cluster sizes
	cols  map[string]int // predicted cluster sizes
}

func newContingency(gold, sys []string) contingency {
	t := contingency{n: len(gold), cells: map[[2]string]int{}, rows: map[string]int{}, cols: map[string]int{}}
	for i := range gold {
		t.cells[[2]string{gold[i], sys[i]}]++
		t.rows[gold[i]]++
		t.cols[sys[i]]++
	}
	return t
}

func pairs(n int) float64 { return float64(n) * float64(n-1) / 2 }

// pairwise scores the item pairs placed together.
func (t contingency) pairwise() PRF {
	var both, sys, gold float64
	for _, c := range t.cells {
		both += pairs(c)
	}
	for _, c := range t.cols {
		sys += pairs(c)
	}
	for _, c := range t.rows {
		gold += pairs(c)
	}
	var p, r float64
	if sys > 0 {
		p = both / sys
	}
	if gold > 0 {
		r = both / gold
	}
	return newPRF(p, r)
}

// ari is the adjusted Rand index.
func (t contingency) ari() float64 {
	var index, a, b float64
	for _, c := range t.cells {
		index += pairs(c)
	}
	for _, c := range t.rows {
		a += pairs(c)
	}
	for _, c := range t.cols {
		b += pairs(c)
	}
	total := pairs(t.n)
	if total == 0 {
		return 0
	}
	expected := a * b / total
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

// nmi is normalised mutual information with the arithmetic mean of the two
// entropies as the normaliser.
func (t contingency) nmi() float64 {
	if t.n == 0 {
		return 0
	}
	n := float64(t.n)
	entropy := func(sizes map[string]int) float64 {
		var h float64
		for _, c := range sizes {
			p := float64(c) / n
			h -= p * math.Log(p)
		}
		return h
	}
	var mi float64
	for k, c := range t.cells {
		pij := float64(c) / n
		mi += pij * math.Log(pij/(float64(t.rows[k[0]])/n*float64(t.cols[k[1]])/n))
	}
	hg, hc := entropy(t.rows), entropy(t.cols)
	if hg+hc == 0 {
		return 1
	}
	return mi / ((hg + hc) / 2)
}
