package main

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest/framing/stance"
)

// trainData returns the path of ../shared/eval/stance/train.jsonl,
// skipping the test when the shared data is not checked out.
func trainData(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", "..", "..", "shared", "eval", "stance", "train.jsonl"))
	if err == nil {
		_, err = os.Stat(path)
	}
	if err != nil {
		t.Skipf("NewsMTSC training data not available: %v", err)
	}
	return path
}

// weightTolerance is how far a retrained weight may drift from the
// committed one. On amd64 the retrained file is byte-identical; other
// architectures may fuse multiply-adds and differ in the last bits, which
// rounding to weightPrecision almost always absorbs.
const weightTolerance = 2 * weightPrecision

// committedWeights is the embedded model file, relative to this package.
const committedWeights = "../stance/weights.json"

// TestCommittedStanceWeightsMatchTraining retrains the model from
// ../shared/eval/stance/train.jsonl with the committed configuration and
// checks that the embedded weights are what that run produces.
func TestCommittedStanceWeightsMatchTraining(t *testing.T) {
	path := trainData(t)
	weightsJSON, err := os.ReadFile(committedWeights)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := stance.ReadModel(bytes.NewReader(weightsJSON))
	if err != nil {
		t.Fatalf("embedded weights: %v", err)
	}
	if committed.Config != defaultConfig() {
		t.Errorf("committed config %+v, defaultConfig %+v: retrain with go generate", committed.Config, defaultConfig())
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	examples, err := decodeExamples(f)
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	fresh, err := trainModel(examples, committed.Config)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("retrained on %d examples in %v", len(examples), time.Since(began))

	var buf bytes.Buffer
	if err := writeModel(&buf, fresh); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(buf.Bytes(), weightsJSON) {
		return // byte-identical
	}
	if runtime.GOARCH == "amd64" {
		t.Errorf("retrained weights differ from %s on amd64, where training is byte for byte reproducible: run go generate ./digest/framing/stance", committedWeights)
	}
	t.Logf("retrained weights are not byte-identical; comparing within %g", weightTolerance)
	worst, worstName := maxDiff(committed.Bias, fresh.Bias), "bias"
	for name, w := range committed.Weights {
		if d := maxDiff(w, fresh.Weights[name]); d > worst {
			worst, worstName = d, name
		}
	}
	for name, w := range fresh.Weights {
		if d := maxDiff(w, committed.Weights[name]); d > worst {
			worst, worstName = d, name
		}
	}
	if worst > weightTolerance {
		t.Errorf("weight %q differs by %g from a fresh training run (tolerance %g): run go generate ./digest/framing/stance", worstName, worst, weightTolerance)
	}
}

// maxDiff is the largest absolute difference between two weight
// vectors, a missing vector counting as zeros.
func maxDiff(a, b []float64) float64 {
	var d float64
	for k := range 3 {
		var x, y float64
		if k < len(a) {
			x = a[k]
		}
		if k < len(b) {
			y = b[k]
		}
		d = math.Max(d, math.Abs(x-y))
	}
	return d
}

// toyExamples is a small project-written training set: evaluative
// words around the mention decide the label.
func toyExamples() []example {
	var out []example
	add := func(s, target, label string) {
		i := strings.Index(s, target)
		out = append(out, example{Sentence: s, Start: i, End: i + len(target), Label: label})
	}
	for _, name := range []string{"Senator Ames", "Mayor Brook", "Judge Cole", "Chief Dale", "Minister Eno"} {
		add(name+" was condemned as corrupt and incompetent by critics.", name, stance.Negative)
		add("Voters blasted "+name+" for a disastrous, dishonest campaign.", name, stance.Negative)
		add(name+" will visit the port on Friday, aides said.", name, stance.Neutral)
		add("The committee scheduled a hearing with "+name+" for next week.", name, stance.Neutral)
		add(name+" won wide praise for a brilliant and generous reform.", name, stance.Positive)
		add("Supporters hailed "+name+" as an honest, inspiring leader.", name, stance.Positive)
	}
	return out
}

func TestTrainStanceLearnsAndIsDeterministic(t *testing.T) {
	cfg := stance.TrainConfig{Epochs: 30, LearningRate: 0.1, L2: 1e-3, MinCount: 1, Seed: 7}
	a, err := trainModel(toyExamples(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := trainModel(toyExamples(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var ab, bb bytes.Buffer
	if err := writeModel(&ab, a); err != nil {
		t.Fatal(err)
	}
	if err := writeModel(&bb, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ab.Bytes(), bb.Bytes()) {
		t.Error("two training runs with the same seed differ")
	}
	back, err := stance.ReadModel(&ab)
	if err != nil {
		t.Fatalf("reading a written model: %v", err)
	}
	for _, tt := range []struct{ sentence, target, want string }{
		{"Analysts condemned Governor Fox as dishonest.", "Governor Fox", stance.Negative},
		{"Governor Fox won praise for an inspiring speech.", "Governor Fox", stance.Positive},
		{"Governor Fox will visit the port next week.", "Governor Fox", stance.Neutral},
	} {
		i := strings.Index(tt.sentence, tt.target)
		p := back.Predict(tt.sentence, i, i+len(tt.target))
		best := 0
		for k := range p {
			if p[k] > p[best] {
				best = k
			}
		}
		if stance.Labels[best] != tt.want {
			t.Errorf("%q: predicted %s %v, want %s", tt.sentence, stance.Labels[best], p, tt.want)
		}
	}
}

func TestTrainStanceErrors(t *testing.T) {
	good := defaultConfig()
	tests := []struct {
		name     string
		examples []example
		cfg      stance.TrainConfig
		sentinel error
	}{
		{"no examples", nil, good, errNoExamples},
		{"bad label", []example{{Sentence: "Ann left.", Start: 0, End: 3, Label: "angry"}}, good, nil},
		{"bad offsets", []example{{Sentence: "Ann left.", Start: 5, End: 30, Label: stance.Neutral}}, good, nil},
		{"bad config", toyExamples(), stance.TrainConfig{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := trainModel(tt.examples, tt.cfg)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v is not %v", err, tt.sentinel)
			}
		})
	}
}

func TestReadStanceExamples(t *testing.T) {
	tests := []struct {
		name, input string
		want        int
		wantErr     bool
	}{
		{"two records and a blank line", `{"id":"a","text":"Ann left.","start":0,"end":3,"label":"neutral"}` + "\n\n" +
			`{"id":"b","text":"Bo lied.","start":0,"end":2,"label":"negative"}` + "\n", 2, false},
		{"no offsets", `{"id":"a","text":"Ann left.","label":"neutral"}`, 0, true},
		{"offsets outside text", `{"id":"a","text":"Ann","start":2,"end":9,"label":"neutral"}`, 0, true},
		{"broken json", `{"id":`, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeExamples(strings.NewReader(tt.input))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if len(got) != tt.want {
				t.Errorf("got %d examples, want %d", len(got), tt.want)
			}
		})
	}
}
