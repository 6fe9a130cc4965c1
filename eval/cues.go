package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/newsdigest/newsdigest/digest/framing"
)

func init() { tasks["cues"] = runCues }

// cuesRecord is one line of cues/ptc-dev.jsonl (an article, one sentence per
// line) or cues/babe-dev.jsonl (one sentence with a biased flag).
type cuesRecord struct {
	ID     string     `json:"id"`
	Text   string     `json:"text"`
	Spans  []cuesSpan `json:"spans"`
	Biased *bool      `json:"biased"`
}

type cuesSpan struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Technique string `json:"technique"`
}

// cuesPredCue is one predicted cue: byte offsets into the record's text.
type cuesPredCue struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

type cuesPrediction struct {
	ID   string        `json:"id"`
	Cues []cuesPredCue `json:"cues"`
}

// CuesPRF is precision, recall and F1.
type CuesPRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// CuesSentence scores the sentence-level question "does this sentence have a cue".
type CuesSentence struct {
	NSentences   int     `json:"n_sentences"`
	GoldPositive int     `json:"gold_positive"`
	PredPositive int     `json:"pred_positive"`
	P            float64 `json:"p"`
	R            float64 `json:"r"`
	F1           float64 `json:"f1"`
	MacroF1      float64 `json:"macro_f1"`
	Accuracy     float64 `json:"accuracy"`
}

// CuesMetrics is the metrics object of the cues task (../shared/eval/README.md).
type CuesMetrics struct {
	NGold                int          `json:"n_gold"`
	NScored              int          `json:"n_scored"`
	Missing              int          `json:"missing"`
	UnknownIDs           int          `json:"unknown_ids"`
	DuplicatePredictions int          `json:"duplicate_predictions"`
	InvalidPredSpans     int          `json:"invalid_pred_spans"`
	GoldSpans            int          `json:"gold_spans"`
	PredCues             int          `json:"pred_cues"`
	SpansAnyOverlap      CuesPRF      `json:"spans_any_overlap"`
	SpansLoadedOverlap   CuesPRF      `json:"spans_loaded_any_overlap"`
	SIPartialOverlap     CuesPRF      `json:"si_partial_overlap"`
	SentenceLoaded       CuesSentence `json:"sentence_loaded"`
	SentenceAny          CuesSentence `json:"sentence_any"`
}

// runCues labels every record with framing.Analyze, writes the cues, and
// scores them.
func runCues(ctx context.Context, path string, pred io.Writer) (any, error) {
	recs, err := readJSONL[cuesRecord](path)
	if err != nil {
		return nil, fmt.Errorf("cues: %w", err)
	}
	preds := make([]cuesPrediction, 0, len(recs))
	for i, r := range recs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		p := cuesPrediction{ID: r.ID, Cues: predictCues(r.Text)}
		if err := writeJSONL(pred, p); err != nil {
			return nil, fmt.Errorf("cues: write prediction: %w", err)
		}
		preds = append(preds, p)
	}
	return scoreCues(recs, preds), nil
}

// predictCues returns every cue framing finds in text: the outlet's own and
// those inside quotations (the annotators mark loaded words wherever they
// stand), sorted by position.
func predictCues(text string) []cuesPredCue {
	l := framing.Analyze("", text)
	out := make([]cuesPredCue, 0, len(l.Cues)+len(l.QuotedCues))
	for _, c := range append(append([]framing.Cue(nil), l.Cues...), l.QuotedCues...) {
		out = append(out, cuesPredCue{Start: c.Start, End: c.End, Type: c.Type})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// cuesLoadedGold are the gold techniques the "loaded" metrics keep.
var cuesLoadedGold = map[string]bool{"Loaded_Language": true, "Name_Calling,Labeling": true, "biased_word": true}

// cuesLoadedType reports whether a predicted type counts as loaded language
// or name-calling: its normalised form contains one of the README's markers.
func cuesLoadedType(typ string) bool {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(typ) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	n := b.String()
	for _, m := range []string{"loaded", "name_call", "namecall", "label", "biased_word", "pejorative", "slur"} {
		if strings.Contains(n, m) {
			return true
		}
	}
	return false
}

type cuesIval struct{ a, b int }

func cuesOverlap(x, y cuesIval) bool { return x.a < y.b && y.a < x.b }

// cuesCounts accumulates the counts behind the metrics.
type cuesCounts struct {
	predMatched, pred, goldMatched, gold int
}

func (c *cuesCounts) add(preds, golds []cuesIval) {
	c.pred += len(preds)
	c.gold += len(golds)
	for _, p := range preds {
		for _, g := range golds {
			if cuesOverlap(p, g) {
				c.predMatched++
				break
			}
		}
	}
	for _, g := range golds {
		for _, p := range preds {
			if cuesOverlap(p, g) {
				c.goldMatched++
				break
			}
		}
	}
}

func (c cuesCounts) prf() CuesPRF {
	return newCuesPRF(cuesDiv(float64(c.predMatched), float64(c.pred)), cuesDiv(float64(c.goldMatched), float64(c.gold)))
}

func newCuesPRF(p, r float64) CuesPRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return CuesPRF{P: cuesRound(p), R: cuesRound(r), F1: cuesRound(f)}
}

func cuesDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func cuesRound(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// cuesMerge sorts intervals and merges overlapping ones.
func cuesMerge(xs []cuesIval) []cuesIval {
	s := append([]cuesIval(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i].a < s[j].a })
	var out []cuesIval
	for _, x := range s {
		if n := len(out); n > 0 && x.a < out[n-1].b {
			out[n-1].b = max(out[n-1].b, x.b)
			continue
		}
		out = append(out, x)
	}
	return out
}

// cuesConfusion counts the sentence-level confusion matrix.
type cuesConfusion struct{ tp, fp, fn, tn int }

func (c *cuesConfusion) add(gold, pred bool) {
	switch {
	case gold && pred:
		c.tp++
	case pred:
		c.fp++
	case gold:
		c.fn++
	default:
		c.tn++
	}
}

func (c cuesConfusion) score() CuesSentence {
	f1 := func(tp, fp, fn int) float64 {
		p, r := cuesDiv(float64(tp), float64(tp+fp)), cuesDiv(float64(tp), float64(tp+fn))
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	n := c.tp + c.fp + c.fn + c.tn
	pos := f1(c.tp, c.fp, c.fn)
	neg := f1(c.tn, c.fn, c.fp)
	return CuesSentence{
		NSentences: n, GoldPositive: c.tp + c.fn, PredPositive: c.tp + c.fp,
		P:        cuesRound(cuesDiv(float64(c.tp), float64(c.tp+c.fp))),
		R:        cuesRound(cuesDiv(float64(c.tp), float64(c.tp+c.fn))),
		F1:       cuesRound(pos),
		MacroF1:  cuesRound((pos + neg) / 2),
		Accuracy: cuesRound(cuesDiv(float64(c.tp+c.tn), float64(n))),
	}
}

// cuesLines returns the non-blank lines of text as byte intervals.
func cuesLines(text string) []cuesIval {
	var out []cuesIval
	for a := 0; a <= len(text); {
		b := strings.IndexByte(text[a:], '\n')
		if b < 0 {
			b = len(text)
		} else {
			b += a
		}
		if strings.TrimSpace(text[a:b]) != "" {
			out = append(out, cuesIval{a, b})
		}
		a = b + 1
	}
	return out
}

// scoreCues computes the README's cue metrics. A record is a sentence-level
// BABE record when it carries "biased"; otherwise its non-blank lines are the
// sentences (PTC).
func scoreCues(recs []cuesRecord, preds []cuesPrediction) CuesMetrics {
	m := CuesMetrics{NGold: len(recs)}
	gold := make(map[string]bool, len(recs))
	for _, r := range recs {
		gold[r.ID] = true
	}
	byID := map[string][]cuesPredCue{}
	for _, p := range preds {
		switch _, dup := byID[p.ID]; {
		case !gold[p.ID]:
			m.UnknownIDs++
			continue
		case dup:
			m.DuplicatePredictions++
			continue
		}
		byID[p.ID] = p.Cues
		if byID[p.ID] == nil {
			byID[p.ID] = []cuesPredCue{}
		}
	}
	var anyC, loadedC cuesCounts
	var siP, siR float64
	var siS, siT int
	var sentLoaded, sentAny cuesConfusion
	for _, r := range recs {
		cues, ok := byID[r.ID]
		if ok {
			m.NScored++
		} else {
			m.Missing++
		}
		var predAll, predLoaded []cuesIval
		for _, c := range cues {
			if c.Start < 0 || c.Start >= c.End || c.End > len(r.Text) {
				m.InvalidPredSpans++
				continue
			}
			iv := cuesIval{c.Start, c.End}
			predAll = append(predAll, iv)
			if cuesLoadedType(c.Type) {
				predLoaded = append(predLoaded, iv)
			}
		}
		var goldAll, goldLoaded []cuesIval
		for _, s := range r.Spans {
			iv := cuesIval{s.Start, s.End}
			goldAll = append(goldAll, iv)
			if cuesLoadedGold[s.Technique] {
				goldLoaded = append(goldLoaded, iv)
			}
		}
		m.PredCues += len(predAll)
		m.GoldSpans += len(goldAll)
		anyC.add(predAll, goldAll)
		loadedC.add(predLoaded, goldLoaded)
		// SemEval-2020 span identification with partial credit over bytes.
		S, T := cuesMerge(predAll), cuesMerge(goldAll)
		siS += len(S)
		siT += len(T)
		for _, s := range S {
			for _, t := range T {
				inter := min(s.b, t.b) - max(s.a, t.a)
				if inter > 0 {
					siP += float64(inter) / float64(s.b-s.a)
					siR += float64(inter) / float64(t.b-t.a)
				}
			}
		}
		if r.Biased != nil {
			sentLoaded.add(*r.Biased, len(predLoaded) > 0)
			sentAny.add(*r.Biased, len(predAll) > 0)
			continue
		}
		for _, ln := range cuesLines(r.Text) {
			sentLoaded.add(cuesAnyOverlap(ln, goldLoaded), cuesAnyOverlap(ln, predLoaded))
			sentAny.add(cuesAnyOverlap(ln, goldAll), cuesAnyOverlap(ln, predAll))
		}
	}
	m.SpansAnyOverlap = anyC.prf()
	m.SpansLoadedOverlap = loadedC.prf()
	m.SIPartialOverlap = newCuesPRF(cuesDiv(siP, float64(siS)), cuesDiv(siR, float64(siT)))
	m.SentenceLoaded = sentLoaded.score()
	m.SentenceAny = sentAny.score()
	return m
}

func cuesAnyOverlap(x cuesIval, ys []cuesIval) bool {
	for _, y := range ys {
		if cuesOverlap(x, y) {
			return true
		}
	}
	return false
}
