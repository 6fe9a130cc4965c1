package framing

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// stanceTrainData returns the path of ../shared/eval/stance/train.jsonl,
// skipping the test when the shared data is not checked out.
func stanceTrainData(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "eval", "stance", "train.jsonl"))
	if err == nil {
		_, err = os.Stat(path)
	}
	if err != nil {
		t.Skipf("NewsMTSC training data not available: %v", err)
	}
	return path
}

// stanceWeightTolerance is how far a retrained weight may drift from the
// committed one. On amd64 the retrained file is byte-identical; other
// architectures may fuse multiply-adds and differ in the last bits, which
// rounding to stanceWeightPrecision almost always absorbs.
const stanceWeightTolerance = 2 * stanceWeightPrecision

// TestCommittedStanceWeightsMatchTraining retrains the model from
// ../shared/eval/stance/train.jsonl with the committed configuration and
// checks that the embedded weights are what that run produces.
func TestCommittedStanceWeightsMatchTraining(t *testing.T) {
	path := stanceTrainData(t)
	committed, err := ReadStanceModel(bytes.NewReader(stanceWeightsJSON))
	if err != nil {
		t.Fatalf("embedded weights: %v", err)
	}
	if committed.Config != DefaultStanceTrainConfig() {
		t.Errorf("committed config %+v, DefaultStanceTrainConfig %+v: retrain with go generate", committed.Config, DefaultStanceTrainConfig())
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	examples, err := ReadStanceExamples(f)
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	fresh, err := TrainStance(examples, committed.Config)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("retrained on %d examples in %v", len(examples), time.Since(began))

	var buf bytes.Buffer
	if err := WriteStanceModel(&buf, fresh); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(buf.Bytes(), stanceWeightsJSON) {
		return // byte-identical
	}
	t.Logf("retrained weights are not byte-identical; comparing within %g", stanceWeightTolerance)
	worst, worstName := stanceMaxDiff(committed.Bias, fresh.Bias), "bias"
	for name, w := range committed.Weights {
		if d := stanceMaxDiff(w, fresh.Weights[name]); d > worst {
			worst, worstName = d, name
		}
	}
	for name, w := range fresh.Weights {
		if d := stanceMaxDiff(w, committed.Weights[name]); d > worst {
			worst, worstName = d, name
		}
	}
	if worst > stanceWeightTolerance {
		t.Errorf("weight %q differs by %g from a fresh training run (tolerance %g): run go generate ./digest/framing", worstName, worst, stanceWeightTolerance)
	}
}

// stanceMaxDiff is the largest absolute difference between two weight
// vectors, a missing vector counting as zeros.
func stanceMaxDiff(a, b []float64) float64 {
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

func TestEmbeddedStanceModelLoads(t *testing.T) {
	m := embeddedStanceModel()
	if m == nil {
		t.Fatal("embedded stance model did not load")
	}
	if len(m.Weights) < 1000 {
		t.Errorf("only %d features in the embedded model", len(m.Weights))
	}
	if len(stanceWeightsJSON) > 1<<20 {
		t.Errorf("weights file is %d bytes, want < 1 MiB", len(stanceWeightsJSON))
	}
}

// stanceToyExamples is a small project-written training set: evaluative
// words around the mention decide the label.
func stanceToyExamples() []StanceExample {
	var out []StanceExample
	add := func(s, target, label string) {
		i := strings.Index(s, target)
		out = append(out, StanceExample{Sentence: s, Start: i, End: i + len(target), Label: label})
	}
	for _, name := range []string{"Senator Ames", "Mayor Brook", "Judge Cole", "Chief Dale", "Minister Eno"} {
		add(name+" was condemned as corrupt and incompetent by critics.", name, Negative)
		add("Voters blasted "+name+" for a disastrous, dishonest campaign.", name, Negative)
		add(name+" will visit the port on Friday, aides said.", name, Neutral)
		add("The committee scheduled a hearing with "+name+" for next week.", name, Neutral)
		add(name+" won wide praise for a brilliant and generous reform.", name, Positive)
		add("Supporters hailed "+name+" as an honest, inspiring leader.", name, Positive)
	}
	return out
}

func TestTrainStanceLearnsAndIsDeterministic(t *testing.T) {
	cfg := StanceTrainConfig{Epochs: 30, LearningRate: 0.1, L2: 1e-3, MinCount: 1, Seed: 7}
	a, err := TrainStance(stanceToyExamples(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := TrainStance(stanceToyExamples(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var ab, bb bytes.Buffer
	if err := WriteStanceModel(&ab, a); err != nil {
		t.Fatal(err)
	}
	if err := WriteStanceModel(&bb, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ab.Bytes(), bb.Bytes()) {
		t.Error("two training runs with the same seed differ")
	}
	back, err := ReadStanceModel(&ab)
	if err != nil {
		t.Fatalf("reading a written model: %v", err)
	}
	for _, tt := range []struct{ sentence, target, want string }{
		{"Analysts condemned Governor Fox as dishonest.", "Governor Fox", Negative},
		{"Governor Fox won praise for an inspiring speech.", "Governor Fox", Positive},
		{"Governor Fox will visit the port next week.", "Governor Fox", Neutral},
	} {
		i := strings.Index(tt.sentence, tt.target)
		p := back.Predict(tt.sentence, i, i+len(tt.target))
		best := 0
		for k := range p {
			if p[k] > p[best] {
				best = k
			}
		}
		if stanceLabels[best] != tt.want {
			t.Errorf("%q: predicted %s %v, want %s", tt.sentence, stanceLabels[best], p, tt.want)
		}
	}
}

func TestTrainStanceErrors(t *testing.T) {
	good := DefaultStanceTrainConfig()
	tests := []struct {
		name     string
		examples []StanceExample
		cfg      StanceTrainConfig
		sentinel error
	}{
		{"no examples", nil, good, ErrNoStanceExamples},
		{"bad label", []StanceExample{{Sentence: "Ann left.", Start: 0, End: 3, Label: "angry"}}, good, nil},
		{"bad offsets", []StanceExample{{Sentence: "Ann left.", Start: 5, End: 30, Label: Neutral}}, good, nil},
		{"bad config", stanceToyExamples(), StanceTrainConfig{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := TrainStance(tt.examples, tt.cfg)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v is not %v", err, tt.sentinel)
			}
		})
	}
}

func TestReadStanceModelRejectsBadModels(t *testing.T) {
	for _, tt := range []struct{ name, json string }{
		{"not json", "{"},
		{"wrong classes", `{"classes":["pos","neu","neg"],"bias":[0,0,0],"weights":{}}`},
		{"short bias", `{"classes":["negative","neutral","positive"],"bias":[0],"weights":{}}`},
		{"short weights", `{"classes":["negative","neutral","positive"],"bias":[0,0,0],"weights":{"w:x":[1]}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadStanceModel(strings.NewReader(tt.json))
			if !errors.Is(err, ErrBadStanceModel) {
				t.Errorf("error = %v, want ErrBadStanceModel", err)
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
			got, err := ReadStanceExamples(strings.NewReader(tt.input))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if len(got) != tt.want {
				t.Errorf("got %d examples, want %d", len(got), tt.want)
			}
		})
	}
}

func TestStanceExp(t *testing.T) {
	for _, x := range []float64{0, -1e-9, -0.3, -0.35, -1, -2.5, -10, -37.2, -100, -699} {
		got, want := stanceExp(x), math.Exp(x)
		if math.Abs(got-want) > 1e-14*want {
			t.Errorf("stanceExp(%g) = %g, want %g", x, got, want)
		}
	}
	if got := stanceExp(-1000); got != 0 {
		t.Errorf("stanceExp(-1000) = %g, want 0", got)
	}
	if got := stanceExp(math.NaN()); got != 0 {
		t.Errorf("stanceExp(NaN) = %g, want 0", got)
	}
}
