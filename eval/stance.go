package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/framing/stance"
)

func init() { tasks["stance"] = runStance }

// stanceRecord is one line of a stance data file. Records with start/end are
// mention-level (NewsMTSC: stance of the sentence toward text[start:end]);
// records without them are article-level (BASIL: the article's stance toward
// target).
type stanceRecord struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Target string `json:"target"`
	Start  *int   `json:"start"`
	End    *int   `json:"end"`
	Label  string `json:"label"`
}

// stancePrediction is one prediction line: Label is the classifier's
// answer, scored by macro-F1; Shown is what a reader of the digest is shown
// (negative or positive only when confident, else neutral), scored by the
// precision and recall in stanceMetrics.Shown.
type stancePrediction struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Shown string `json:"shown,omitempty"`
}

// runStance predicts every record of the file at path and scores the
// predictions against the records' labels.
func runStance(ctx context.Context, path string, pred io.Writer) (any, error) {
	recs, err := readJSONL[stanceRecord](path)
	if err != nil {
		return nil, fmt.Errorf("stance: %w", err)
	}
	preds := make([]stancePrediction, 0, len(recs))
	for i, r := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		label, shown, err := predictStance(r)
		if err != nil {
			return nil, fmt.Errorf("stance: record %d (%s): %w", i+1, r.ID, err)
		}
		p := stancePrediction{ID: r.ID, Label: label, Shown: shown}
		if err := writeJSONL(pred, p); err != nil {
			return nil, fmt.Errorf("stance: write prediction: %w", err)
		}
		preds = append(preds, p)
	}
	m := scoreStance(recs, preds)
	m.Shown = scoreShown(recs, preds)
	return m, nil
}

// predictStance labels one record, mention-level or article-level, and
// says what the digest would show a reader. A mention's label is shown
// when its probability reaches stance.MinShownConfidence. For an article,
// the label is the article-level classifier's (stance.Target) and the shown
// stance is the one framing.Analyze gives the actor that names the target,
// exactly as the digest shows it (neutral when the target is not among
// the actors).
func predictStance(r stanceRecord) (label, shown string, err error) {
	if (r.Start == nil) != (r.End == nil) {
		return "", "", fmt.Errorf("record has only one of start and end")
	}
	if r.Start == nil {
		return stance.Target(r.Title, r.Text, r.Target).Label, shownArticleStance(r), nil
	}
	start, end := *r.Start, *r.End
	if start < 0 || end < start || end > len(r.Text) {
		return "", "", fmt.Errorf("mention offsets [%d,%d) outside the %d-byte text", start, end, len(r.Text))
	}
	res := framing.MentionStance(r.Text, start, end)
	shown = framing.Neutral
	if res.Shown() {
		shown = res.Label
	}
	return res.Label, shown, nil
}

// shownArticleStance is the stance the digest shows toward r.Target: that
// of the actor whose name holds the target's last word.
func shownArticleStance(r stanceRecord) string {
	words := strings.Fields(strings.ReplaceAll(r.Target, "_", " "))
	if len(words) == 0 {
		return framing.Neutral
	}
	key := words[len(words)-1]
	for _, a := range framing.Analyze(r.Title, r.Text).Actors {
		if strings.Contains(a.Name, key) {
			return a.Stance
		}
	}
	return framing.Neutral
}

// stanceShown scores what a reader is shown: the negative and positive
// labels shown, how many are right (precision), and how many of the gold
// negative and positive records they find (recall).
type stanceShown struct {
	MinConfidence float64 `json:"min_confidence"`
	NShown        int     `json:"n_shown"`
	Correct       int     `json:"correct"`
	Precision     float64 `json:"precision"`
	Recall        float64 `json:"recall"`
	GoldPolar     int     `json:"gold_negative_or_positive"`
}

// scoreShown compares the shown labels with the gold labels.
func scoreShown(gold []stanceRecord, preds []stancePrediction) *stanceShown {
	byID := make(map[string]string, len(preds))
	for _, p := range preds {
		if _, dup := byID[p.ID]; !dup {
			byID[p.ID] = p.Shown
		}
	}
	s := &stanceShown{MinConfidence: stance.MinShownConfidence}
	for _, g := range gold {
		if g.Label != framing.Neutral {
			s.GoldPolar++
		}
		shown := byID[g.ID]
		if shown == framing.Negative || shown == framing.Positive {
			s.NShown++
			if shown == g.Label {
				s.Correct++
			}
		}
	}
	s.Precision = stanceRound4(stanceRatio(s.Correct, s.NShown))
	s.Recall = stanceRound4(stanceRatio(s.Correct, s.GoldPolar))
	return s
}

// stanceClasses are the labels scored, in report order.
var stanceClasses = []string{framing.Negative, framing.Neutral, framing.Positive}

// stanceClassScore is precision, recall and F1 of one label.
type stanceClassScore struct {
	P       float64 `json:"p"`
	R       float64 `json:"r"`
	F1      float64 `json:"f1"`
	Support int     `json:"support"`
}

// stanceMetrics is the metrics object of the stance task (the fields of
// ../shared/eval/baselines/BASELINES.dev.json).
type stanceMetrics struct {
	MacroF1              float64                     `json:"macro_f1"`
	Accuracy             float64                     `json:"accuracy"`
	F1PosNeg             float64                     `json:"f1_pos_neg"`
	PerClass             map[string]stanceClassScore `json:"per_class"`
	Confusion            map[string]map[string]int   `json:"confusion_gold_to_pred"`
	GoldDistribution     map[string]int              `json:"gold_distribution"`
	NGold                int                         `json:"n_gold"`
	NScored              int                         `json:"n_scored"`
	Missing              int                         `json:"missing"`
	UnknownIDs           int                         `json:"unknown_ids"`
	DuplicatePredictions int                         `json:"duplicate_predictions"`
	// Shown scores what the digest shows a reader (set by the stance task,
	// not by scoreStance).
	Shown *stanceShown `json:"shown,omitempty"`
}

// scoreStance compares predictions with the gold labels. A gold record
// without a prediction, or with a label outside the three classes, counts as
// wrong; prediction ids not in gold are counted and ignored; for a repeated id
// the first prediction is used.
func scoreStance(gold []stanceRecord, preds []stancePrediction) stanceMetrics {
	goldIDs := make(map[string]bool, len(gold))
	for _, g := range gold {
		goldIDs[g.ID] = true
	}
	m := stanceMetrics{
		PerClass:         map[string]stanceClassScore{},
		Confusion:        map[string]map[string]int{},
		GoldDistribution: map[string]int{},
		NGold:            len(gold),
	}
	byID := make(map[string]string, len(preds))
	for _, p := range preds {
		if !goldIDs[p.ID] {
			m.UnknownIDs++
			continue
		}
		if _, dup := byID[p.ID]; dup {
			m.DuplicatePredictions++
			continue
		}
		byID[p.ID] = p.Label
	}
	tp := map[string]int{}
	predicted := map[string]int{}
	correct := 0
	for _, g := range gold {
		m.GoldDistribution[g.Label]++
		label, ok := byID[g.ID]
		if !ok {
			m.Missing++
			label = "missing"
		} else {
			m.NScored++
		}
		if m.Confusion[g.Label] == nil {
			m.Confusion[g.Label] = map[string]int{}
		}
		m.Confusion[g.Label][label]++
		predicted[label]++
		if label == g.Label {
			tp[label]++
			correct++
		}
	}
	for _, c := range stanceClasses {
		s := stanceClassScore{Support: m.GoldDistribution[c]}
		s.P = stanceRatio(tp[c], predicted[c])
		s.R = stanceRatio(tp[c], s.Support)
		if s.P+s.R > 0 {
			s.F1 = 2 * s.P * s.R / (s.P + s.R)
		}
		m.MacroF1 += s.F1 / float64(len(stanceClasses))
		if c != framing.Neutral {
			m.F1PosNeg += s.F1 / 2
		}
		s.P, s.R, s.F1 = stanceRound4(s.P), stanceRound4(s.R), stanceRound4(s.F1)
		m.PerClass[c] = s
	}
	m.F1PosNeg = stanceRound4(m.F1PosNeg)
	m.MacroF1 = stanceRound4(m.MacroF1)
	m.Accuracy = stanceRound4(stanceRatio(correct, len(gold)))
	return m
}

// ratio is a/b, or 0 when b is 0.
func stanceRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// round4 rounds to four decimals, as the reference scores are reported.
func stanceRound4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
