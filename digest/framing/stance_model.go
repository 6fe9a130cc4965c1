package framing

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
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
	m, err := ReadStanceModel(bytesReader(stanceWeightsJSON))
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

// WriteStanceModel writes m as indented JSON with sorted feature names, so
// the same model always gives the same bytes.
func WriteStanceModel(w io.Writer, m *StanceModel) error {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("encode stance model: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write stance model: %w", err)
	}
	return nil
}

// Predict returns the class probabilities (Negative, Neutral, Positive) for
// the mention sentence[start:end].
func (m *StanceModel) Predict(sentence string, start, end int) [3]float64 {
	return m.probs(stanceFeaturesOf(sentence, start, end))
}

// probs applies the model to extracted features.
func (m *StanceModel) probs(feats []stanceFeature) [3]float64 {
	var z [3]float64
	copy(z[:], m.Bias)
	for _, f := range feats {
		w, ok := m.Weights[f.Name]
		if !ok {
			continue
		}
		for k := range z {
			z[k] += w[k] * f.Value
		}
	}
	return stanceSoftmax(z)
}
