package stance

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"sync"
)

// Model is a multinomial logistic regression over the mention
// features of features: three classes (Negative, Neutral, Positive),
// one weight per class for every named feature.
type Model struct {
	// About says where the weights come from.
	About string `json:"about"`
	// Classes must be Negative, Neutral, Positive, in that order.
	Classes []string `json:"classes"`
	// Config is the training configuration that produced the weights.
	Config TrainConfig `json:"config"`
	// Bias is the per-class intercept.
	Bias []float64 `json:"bias"`
	// Weights maps a feature name to its per-class weights.
	Weights map[string][]float64 `json:"weights"`
}

// TrainConfig records the hyper-parameters the weights were trained with
// (by the command digest/framing/train, which holds the training code; it
// is not part of the production path).
type TrainConfig struct {
	// Epochs is the number of passes over the examples.
	Epochs int `json:"epochs"`
	// LearningRate is AdaGrad's base step size.
	LearningRate float64 `json:"learning_rate"`
	// L2 is the weight decay applied to a feature's weights each time the
	// feature occurs.
	L2 float64 `json:"l2"`
	// MinCount drops features seen in fewer examples.
	MinCount int `json:"min_count"`
	// Seed fixes the order of examples in each epoch.
	Seed uint64 `json:"seed"`
}

// ErrBadModel is returned for weights that cannot be used.
var ErrBadModel = errors.New("stance: bad model")

// weightsJSON is the shipped model, trained on NewsMTSC's train.jsonl
// (Hamborg & Donnay, EACL 2021; MIT) by the command digest/framing/train.
//
//go:generate go run ../train -data ../../../../shared/eval/stance/train.jsonl -out weights.json
//go:embed weights.json
var weightsJSON []byte

// embeddedModel is the parsed shipped model, or nil if it does not load
// (then Mention falls back to the lexicon scorer).
var embeddedModel = sync.OnceValue(func() *Model {
	m, err := ReadModel(bytes.NewReader(weightsJSON))
	if err != nil {
		slog.Warn("stance model unusable, using the lexicon scorer", slog.String("error", err.Error()))
		return nil
	}
	return m
})

// ReadModel decodes and validates a model written by digest/framing/train.
func ReadModel(r io.Reader) (*Model, error) {
	var m Model
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if err := m.validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

// validate checks the class order and weight shapes.
func (m *Model) validate() error {
	if len(m.Classes) != len(Labels) {
		return fmt.Errorf("%w: %d classes, want %d", ErrBadModel, len(m.Classes), len(Labels))
	}
	for k, c := range m.Classes {
		if c != Labels[k] {
			return fmt.Errorf("%w: class %d is %q, want %q", ErrBadModel, k, c, Labels[k])
		}
	}
	if len(m.Bias) != len(Labels) {
		return fmt.Errorf("%w: %d biases, want %d", ErrBadModel, len(m.Bias), len(Labels))
	}
	for name, w := range m.Weights {
		if len(w) != len(Labels) {
			return fmt.Errorf("%w: feature %q has %d weights, want %d", ErrBadModel, name, len(w), len(Labels))
		}
		for _, x := range w {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("%w: feature %q has a non-finite weight", ErrBadModel, name)
			}
		}
	}
	return nil
}

// Predict returns the class probabilities (Negative, Neutral, Positive) for
// the mention sentence[start:end].
func (m *Model) Predict(sentence string, start, end int) [3]float64 {
	return m.score(sentence, newMentionContext(sentence, start, end))
}

// score applies the model to the mention c of sentence.
func (m *Model) score(sentence string, c mentionContext) [3]float64 {
	sc := scorer{model: m}
	copy(sc.z[:], m.Bias)
	emitFeatures(&sc, sentence, c)
	return Softmax(sc.z)
}

// scorer adds each feature's weighted vote to the class scores as it is
// emitted, assembling the feature name in a reused buffer: the map lookup
// with string(buf) does not allocate.
type scorer struct {
	model *Model
	buf   []byte
	z     [3]float64
}

func (s *scorer) add(prefix, negation, key string, v float64) {
	s.buf = append(append(append(s.buf[:0], prefix...), negation...), key...)
	w, ok := s.model.Weights[string(s.buf)]
	if !ok {
		return
	}
	for k := range s.z {
		s.z[k] += w[k] * v
	}
}
