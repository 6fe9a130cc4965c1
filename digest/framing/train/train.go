package main

import (
	"errors"
	"fmt"
	"github.com/newsdigest/newsdigest/digest/framing/stance"
	"math"
	"math/rand/v2"
	"slices"
)

// example is one labelled mention for training: the stance of
// Sentence toward Sentence[Start:End].
type example struct {
	Sentence   string
	Start, End int
	Label      string
}

// defaultConfig is the configuration of the shipped weights.
func defaultConfig() stance.TrainConfig {
	return stance.TrainConfig{Epochs: 6, LearningRate: 0.03, L2: 0.03, MinCount: 5, Seed: 1}
}

// weightPrecision is the rounding of stored weights: it keeps the
// weights file small and makes retraining reproducible to this precision.
const weightPrecision = 1e-4

// errNoExamples is returned when there is nothing to train on.
var errNoExamples = errors.New("train: no stance training examples")

// trainModel fits a Model to the examples with AdaGrad stochastic
// gradient descent on the multinomial logistic loss. The example order of
// every epoch comes from cfg.Seed, features are indexed in sorted order, and
// the arithmetic is kept free of fused multiply-adds (explicit float64
// conversions) and of assembly math (exp), so the same examples and
// configuration give the same weights, bit for bit, on every architecture.
func trainModel(examples []example, cfg stance.TrainConfig) (*stance.Model, error) {
	if len(examples) == 0 {
		return nil, errNoExamples
	}
	if cfg.Epochs <= 0 || cfg.LearningRate <= 0 || cfg.L2 < 0 {
		return nil, fmt.Errorf("train: bad stance training config %+v", cfg)
	}
	classOf := map[string]int{}
	for k, c := range stance.Labels {
		classOf[c] = k
	}
	type sparse struct {
		idx []int
		val []float64
		y   int
	}
	raw := make([][]stance.Feature, len(examples))
	df := map[string]int{}
	for i, ex := range examples {
		if _, ok := classOf[ex.Label]; !ok {
			return nil, fmt.Errorf("train: example %d: label %q is not one of %v", i, ex.Label, stance.Labels)
		}
		if ex.Start < 0 || ex.End < ex.Start || ex.End > len(ex.Sentence) {
			return nil, fmt.Errorf("train: example %d: mention [%d,%d) outside the %d-byte sentence", i, ex.Start, ex.End, len(ex.Sentence))
		}
		raw[i] = stance.Features(ex.Sentence, ex.Start, ex.End)
		seen := map[string]bool{}
		for _, f := range raw[i] {
			if !seen[f.Name] {
				seen[f.Name] = true
				df[f.Name]++
			}
		}
	}
	var names []string
	for name, n := range df {
		if n >= cfg.MinCount {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	data := make([]sparse, len(examples))
	for i, feats := range raw {
		s := sparse{y: classOf[examples[i].Label]}
		for _, f := range feats {
			if j, ok := index[f.Name]; ok {
				s.idx = append(s.idx, j)
				s.val = append(s.val, f.Value)
			}
		}
		data[i] = s
	}

	const k = len(stance.Labels)
	w := make([][k]float64, len(names))
	g2 := make([][k]float64, len(names)) // AdaGrad squared-gradient sums
	var bias, biasG2 [k]float64
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for range cfg.Epochs {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			ex := data[i]
			z := bias
			for n, j := range ex.idx {
				for c := range k {
					z[c] += float64(w[j][c] * ex.val[n])
				}
			}
			p := stance.Softmax(z)
			var grad [k]float64
			for c := range k {
				grad[c] = p[c]
				if c == ex.y {
					grad[c] -= 1
				}
				biasG2[c] += float64(grad[c] * grad[c])
				bias[c] -= float64(cfg.LearningRate*grad[c]) / math.Sqrt(biasG2[c]+1e-8)
			}
			for n, j := range ex.idx {
				for c := range k {
					gj := float64(grad[c]*ex.val[n]) + float64(cfg.L2*w[j][c])
					g2[j][c] += float64(gj * gj)
					w[j][c] -= float64(cfg.LearningRate*gj) / math.Sqrt(g2[j][c]+1e-8)
				}
			}
		}
	}

	m := &stance.Model{
		About: "Multinomial logistic regression for mention-level stance, trained by " +
			"digest/framing/train on NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021; MIT licence).",
		Classes: stance.Labels[:],
		Config:  cfg,
		Bias:    roundWeights(bias[:]),
		Weights: make(map[string][]float64, len(names)),
	}
	for j, name := range names {
		ws := roundWeights(w[j][:])
		if ws[0] != 0 || ws[1] != 0 || ws[2] != 0 {
			m.Weights[name] = ws
		}
	}
	return m, nil
}

// roundWeights rounds to weightPrecision.
func roundWeights(w []float64) []float64 {
	out := make([]float64, len(w))
	for i, x := range w {
		out[i] = math.Round(x/weightPrecision) / (1 / weightPrecision)
		if out[i] == 0 {
			out[i] = 0 // no negative zero in the file
		}
	}
	return out
}
