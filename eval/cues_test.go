package eval

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// cuesSharedFile returns a file under ../shared/eval, or skips.
func cuesSharedFile(t testing.TB, rel string) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Skip("cannot locate the test file")
	}
	p := filepath.Join(filepath.Dir(file), "..", "..", "shared", "eval", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not available: %v", p, err)
	}
	return p
}

func TestCuesLoadedType(t *testing.T) {
	for typ, want := range map[string]bool{
		"loaded_language": true, "name_calling": true, "Name-Calling": true, "LABEL": true,
		"biased word": true, "pejorative": true, "slur": true, "hedge": false, "appeal_to_fear": false,
		"rhetorical_question": false, "": false,
	} {
		if got := cuesLoadedType(typ); got != want {
			t.Errorf("cuesLoadedType(%q) = %v, want %v", typ, got, want)
		}
	}
}

func TestScoreCuesSmall(t *testing.T) {
	yes, no := true, false
	text := "Title\n\nThe vile plan failed.\nIt rained.\n"
	recs := []cuesRecord{
		{ID: "a", Text: text, Spans: []cuesSpan{{Start: 11, End: 15, Technique: "Loaded_Language"}, {Start: 29, End: 35, Technique: "Doubt"}}},
		{ID: "b", Text: "A fine day.", Biased: &no},
		{ID: "c", Text: "A crazy day.", Biased: &yes, Spans: []cuesSpan{{Start: 2, End: 7, Technique: "biased_word"}}},
	}
	preds := []cuesPrediction{
		{ID: "a", Cues: []cuesPredCue{{Start: 11, End: 15, Type: "loaded_language"}, {Start: 0, End: 5, Type: "hedge"}, {Start: 30, End: 99, Type: "doubt"}}},
		{ID: "c", Cues: []cuesPredCue{{Start: 2, End: 7, Type: "name_calling"}}},
		{ID: "zzz"},
		{ID: "c"},
	}
	m := scoreCues(recs, preds)
	if m.Missing != 1 || m.UnknownIDs != 1 || m.DuplicatePredictions != 1 || m.InvalidPredSpans != 1 {
		t.Errorf("bookkeeping = %+v", m)
	}
	// predicted valid: a:(11,15) loaded, (0,5) hedge; c:(2,7). Gold: a:2 spans, c:1.
	if want := (CuesPRF{P: 0.6667, R: 0.6667, F1: 0.6667}); m.SpansAnyOverlap != want {
		t.Errorf("spans_any_overlap = %+v, want %+v", m.SpansAnyOverlap, want)
	}
	if want := (CuesPRF{P: 1, R: 1, F1: 1}); m.SpansLoadedOverlap != want {
		t.Errorf("spans_loaded_any_overlap = %+v, want %+v", m.SpansLoadedOverlap, want)
	}
	// Sentences: a has 3 non-blank lines (title, plan, rain): gold+/pred+, -/-, -/-;
	// b gold- pred- (missing); c gold+ pred+.
	s := m.SentenceLoaded
	if s.NSentences != 5 || s.GoldPositive != 2 || s.PredPositive != 2 || s.F1 != 1 || s.MacroF1 != 1 || s.Accuracy != 1 {
		t.Errorf("sentence_loaded = %+v", s)
	}
	// sentence_any: title line has the hedge cue but no gold span: one false positive.
	if a := m.SentenceAny; a.PredPositive != 3 || a.GoldPositive != 3 {
		t.Errorf("sentence_any = %+v", a)
	}
}

// allSentences is the README's all-sentences baseline: one loaded_language
// cue per non-blank line (BABE: per sentence).
func allSentences(recs []cuesRecord) []cuesPrediction {
	var out []cuesPrediction
	for _, r := range recs {
		p := cuesPrediction{ID: r.ID, Cues: []cuesPredCue{}}
		if r.Biased != nil {
			p.Cues = append(p.Cues, cuesPredCue{Start: 0, End: len(r.Text), Type: "loaded_language"})
		} else {
			for _, ln := range cuesLines(r.Text) {
				p.Cues = append(p.Cues, cuesPredCue{Start: ln.a, End: ln.b, Type: "loaded_language"})
			}
		}
		out = append(out, p)
	}
	return out
}

// TestCuesBaselines checks that the scorer reproduces the README's
// all-sentences figures (baselines/BASELINES.dev.json).
func TestCuesBaselines(t *testing.T) {
	base := cuesSharedFile(t, filepath.Join("baselines", "BASELINES.dev.json"))
	b, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]map[string]CuesMetrics
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"cues/ptc-dev.jsonl", "cues/babe-dev.jsonl"} {
		t.Run(file, func(t *testing.T) {
			want, ok := all[file]["all-sentences"]
			if !ok {
				t.Fatalf("no all-sentences baseline for %s", file)
			}
			recs, err := readJSONL[cuesRecord](cuesSharedFile(t, file))
			if err != nil {
				t.Fatal(err)
			}
			got := scoreCues(recs, allSentences(recs))
			if got != want {
				gj, _ := json.MarshalIndent(got, "", " ")
				wj, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("metrics differ\ngot  %s\nwant %s", gj, wj)
			}
		})
	}
}

func TestRunCuesSmallFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.jsonl")
	lines := `{"id":"x","text":"Title\n\nThe corrupt elites lied again.\nSources familiar with the talks said so.","spans":[{"start":11,"end":25,"technique":"Name_Calling,Labeling"}]}` + "\n"
	if err := os.WriteFile(p, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	res, err := Run(context.Background(), "cues", p, &out)
	if err != nil {
		t.Fatal(err)
	}
	m := res.(CuesMetrics)
	if m.NScored != 1 || m.SentenceLoaded.R != 1 {
		t.Errorf("metrics = %+v", m)
	}
	var pred cuesPrediction
	if err := json.Unmarshal([]byte(strings.TrimSpace(out.String())), &pred); err != nil || pred.ID != "x" {
		t.Fatalf("prediction line %q: %v", out.String(), err)
	}
	if _, err := Run(context.Background(), "cues", filepath.Join(dir, "missing.jsonl"), io.Discard); err == nil {
		t.Error("no error for a missing file")
	}
}

// TestCuesDev runs the analyzer on the DEV files and checks the scores stay
// above floors well clear of the all-sentences baselines (the targets
// are reported in the notes, measured with `newsdigest eval cues`).
func TestCuesDev(t *testing.T) {
	for _, tc := range []struct {
		file  string
		floor float64 // sentence_loaded macro-F1
	}{
		{"cues/ptc-dev.jsonl", 0.62},
		{"cues/babe-dev.jsonl", 0.62},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := cuesSharedFile(t, tc.file)
			res, err := Run(context.Background(), "cues", path, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			m := res.(CuesMetrics)
			j, _ := json.Marshal(m)
			t.Logf("%s", j)
			if m.SentenceLoaded.MacroF1 < tc.floor {
				t.Errorf("sentence_loaded macro-F1 = %.4f, want >= %.2f", m.SentenceLoaded.MacroF1, tc.floor)
			}
		})
	}
}
