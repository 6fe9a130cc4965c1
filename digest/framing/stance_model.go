package framing

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math"
	"slices"
	"sync"
)

// StanceModel is a multinomial logistic regression over the mention
// features of stanceFeatures: three classes (Negative, Neutral, Positive),
// one weight per class for every named feature.
type StanceModel struct {
	// About says where the weights come from.
	About string `json:"about"`
	// Classes must be Negative, Neutral, Positive, in that order.
	Classes []string `json:"classes"`
	// Config is the training configuration that produced the weights.
	Config StanceTrainConfig `json:"config"`
	// Bias is the per-class intercept.
	Bias []float64 `json:"bias"`
	// Weights maps a feature name to its per-class weights.
	Weights map[string][]float64 `json:"weights"`
}

// ErrBadStanceModel is returned for weights that cannot be used.
var ErrBadStanceModel = errors.New("framing: bad stance model")

// stanceWeightsJSON is the shipped model, trained on NewsMTSC's train.jsonl
// (Hamborg & Donnay, EACL 2021; MIT) by ./train.
//
//go:generate go run ./train -data ../../../shared/eval/stance/train.jsonl -out stance_weights.json
//go:embed stance_weights.json
var stanceWeightsJSON []byte

// embeddedStanceModel is the parsed shipped model, or nil if it does not load
// (then MentionStance falls back to the lexicon scorer).
var embeddedStanceModel = sync.OnceValue(func() *StanceModel {
	m, err := ReadStanceModel(bytes.NewReader(stanceWeightsJSON))
	if err != nil {
		slog.Warn("stance model unusable, using the lexicon scorer", slog.String("error", err.Error()))
		return nil
	}
	return m
})

// ReadStanceModel decodes and validates a model written by WriteStanceModel.
func ReadStanceModel(r io.Reader) (*StanceModel, error) {
	var m StanceModel
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadStanceModel, err)
	}
	if err := m.validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

// validate checks the class order and weight shapes.
func (m *StanceModel) validate() error {
	if len(m.Classes) != len(stanceLabels) {
		return fmt.Errorf("%w: %d classes, want %d", ErrBadStanceModel, len(m.Classes), len(stanceLabels))
	}
	for k, c := range m.Classes {
		if c != stanceLabels[k] {
			return fmt.Errorf("%w: class %d is %q, want %q", ErrBadStanceModel, k, c, stanceLabels[k])
		}
	}
	if len(m.Bias) != len(stanceLabels) {
		return fmt.Errorf("%w: %d biases, want %d", ErrBadStanceModel, len(m.Bias), len(stanceLabels))
	}
	for name, w := range m.Weights {
		if len(w) != len(stanceLabels) {
			return fmt.Errorf("%w: feature %q has %d weights, want %d", ErrBadStanceModel, name, len(w), len(stanceLabels))
		}
		for _, x := range w {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("%w: feature %q has a non-finite weight", ErrBadStanceModel, name)
			}
		}
	}
	return nil
}

// WriteStanceModel writes m as JSON with one feature per line, in sorted
// order, so the same model always gives the same bytes and a retrained file
// diffs line by line.
func WriteStanceModel(w io.Writer, m *StanceModel) error {
	var buf bytes.Buffer
	header := struct {
		About   string            `json:"about"`
		Classes []string          `json:"classes"`
		Config  StanceTrainConfig `json:"config"`
		Bias    []float64         `json:"bias"`
	}{m.About, m.Classes, m.Config, m.Bias}
	b, err := json.Marshal(header)
	if err != nil {
		return fmt.Errorf("encode stance model: %w", err)
	}
	buf.Write(b[:len(b)-1]) // the header object, left open
	buf.WriteString(",\n\"weights\": {")
	names := slices.Sorted(maps.Keys(m.Weights))
	for i, name := range names {
		key, err := json.Marshal(name)
		if err != nil {
			return fmt.Errorf("encode stance model: %w", err)
		}
		vals, err := json.Marshal(m.Weights[name])
		if err != nil {
			return fmt.Errorf("encode stance model: feature %q: %w", name, err)
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n")
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(vals)
	}
	buf.WriteString("\n}}\n")
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write stance model: %w", err)
	}
	return nil
}

// Predict returns the class probabilities (Negative, Neutral, Positive) for
// the mention sentence[start:end].
func (m *StanceModel) Predict(sentence string, start, end int) [3]float64 {
	return m.score(sentence, newStanceContext(sentence, start, end))
}

// score applies the model to the mention c of sentence.
func (m *StanceModel) score(sentence string, c stanceContext) [3]float64 {
	sc := stanceScorer{model: m}
	copy(sc.z[:], m.Bias)
	stanceEmitFeatures(&sc, sentence, c)
	return stanceSoftmax(sc.z)
}

// stanceScorer adds each feature's weighted vote to the class scores as it is
// emitted, assembling the feature name in a reused buffer: the map lookup
// with string(buf) does not allocate.
type stanceScorer struct {
	model *StanceModel
	buf   []byte
	z     [3]float64
}

func (s *stanceScorer) add(prefix, negation, key string, v float64) {
	s.buf = append(append(append(s.buf[:0], prefix...), negation...), key...)
	w, ok := s.model.Weights[string(s.buf)]
	if !ok {
		return
	}
	for k := range s.z {
		s.z[k] += w[k] * v
	}
}
