package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/newsdigest/newsdigest/digest/summarize"
)

// articleSentences and storySentences are the summary lengths the eval asks
// for: CNN/DM highlights are about three sentences; AllSides roundups are
// longer (≈4.7 sentences, ≈120 words, over three articles); Story also
// stops at about 120 words.
const (
	articleSentences = 3
	storySentences   = 5
)

func init() {
	tasks["summarize"] = runSummarize
	tasks["multi"] = runMulti
}

// summaryRecord is a line of summarize/dev.jsonl or summarize/multi/dev.jsonl.
type summaryRecord struct {
	ID         string        `json:"id"`
	Title      string        `json:"title"`
	Text       string        `json:"text"`
	Documents  []summaryDocs `json:"documents"`
	References []string      `json:"references"`
}

type summaryDocs struct {
	Side   string `json:"side"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

// summaryPrediction is one prediction line: sentences separated by "\n".
type summaryPrediction struct {
	ID      string `json:"id"`
	Summary string `json:"summary"`
}

func runSummarize(ctx context.Context, path string, pred io.Writer) (any, error) {
	return runSummaries(ctx, path, pred, func(r summaryRecord) []string {
		// The record carries no headline: summarise the body alone.
		return summarize.Article("", r.Text, articleSentences)
	})
}

func runMulti(ctx context.Context, path string, pred io.Writer) (any, error) {
	return runSummaries(ctx, path, pred, func(r summaryRecord) []string {
		docs := make([]summarize.Doc, len(r.Documents))
		for i, d := range r.Documents {
			docs[i] = summarize.Doc{Source: d.Source, Title: d.Title, Text: d.Text}
		}
		var out []string
		for _, s := range summarize.Story(docs, storySentences) {
			out = append(out, s.Text)
		}
		return out
	})
}

// runSummaries predicts a summary for every record, writes the predictions
// and scores them.
func runSummaries(ctx context.Context, path string, pred io.Writer, summarise func(summaryRecord) []string) (any, error) {
	gold, err := readJSONL[summaryRecord](path)
	if err != nil {
		return nil, fmt.Errorf("read summaries: %w", err)
	}
	preds := make([]summaryPrediction, 0, len(gold))
	for _, r := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sents := summarise(r)
		for i, s := range sents {
			// A sentence must stay on one line for ROUGE-Lsum.
			sents[i] = strings.Join(strings.Fields(s), " ")
		}
		p := summaryPrediction{ID: r.ID, Summary: strings.Join(sents, "\n")}
		if err := writeJSONL(pred, p); err != nil {
			return nil, fmt.Errorf("write prediction %s: %w", r.ID, err)
		}
		preds = append(preds, p)
	}
	return scoreSummaries(gold, preds), nil
}

// rougeFigures are averaged F1 scores × 100, named as rouge_score names them.
type rougeFigures struct {
	Rouge1    float64 `json:"rouge1"`
	Rouge2    float64 `json:"rouge2"`
	RougeL    float64 `json:"rougeL"`
	RougeLsum float64 `json:"rougeLsum"`
}

// summaryMetrics is the metrics object of the summarize and multi tasks.
type summaryMetrics struct {
	FirstReference       rougeFigures  `json:"first_reference"`
	BestReference        *rougeFigures `json:"best_reference,omitempty"`
	Rouge1Recall         float64       `json:"rouge1_recall"`
	Rouge2Recall         float64       `json:"rouge2_recall"`
	MeanPredWords        float64       `json:"mean_pred_words"`
	LsumSplit            string        `json:"lsum_split"`
	NGold                int           `json:"n_gold"`
	NScored              int           `json:"n_scored"`
	Missing              int           `json:"missing"`
	UnknownIDs           int           `json:"unknown_ids"`
	DuplicatePredictions int           `json:"duplicate_predictions"`
}

// scoreSummaries scores predictions against the first reference of every
// gold record (and, when some record has several, the best one). A gold
// record without a prediction scores 0; the first prediction for an id wins.
func scoreSummaries(gold []summaryRecord, preds []summaryPrediction) summaryMetrics {
	m := summaryMetrics{NGold: len(gold), LsumSplit: "newline"}
	byID := make(map[string]string, len(preds))
	known := make(map[string]bool, len(gold))
	for _, g := range gold {
		known[g.ID] = true
	}
	for _, p := range preds {
		if _, dup := byID[p.ID]; dup {
			m.DuplicatePredictions++
			continue
		}
		byID[p.ID] = p.Summary
		if !known[p.ID] {
			m.UnknownIDs++
		}
	}
	var first, best rougeFigures
	var r1Recall, r2Recall, words float64
	multiRef := false
	for _, g := range gold {
		summary, ok := byID[g.ID]
		if !ok {
			m.Missing++
			continue
		}
		m.NScored++
		words += float64(len(strings.Fields(summary)))
		if len(g.References) == 0 {
			continue
		}
		multiRef = multiRef || len(g.References) > 1
		var top rougeFigures
		for i, ref := range g.References {
			s := scoreRouge(summary, ref)
			f := rougeFigures{s.R1.F, s.R2.F, s.L.F, s.Lsum.F}
			if i == 0 {
				first = addFigures(first, f)
				r1Recall += s.R1.R
				r2Recall += s.R2.R
			}
			top = maxFigures(top, f)
		}
		best = addFigures(best, top)
	}
	n := float64(len(gold))
	if n == 0 {
		return m
	}
	m.FirstReference = scaleFigures(first, n)
	if multiRef {
		b := scaleFigures(best, n)
		m.BestReference = &b
	}
	m.Rouge1Recall = summaryRound(100 * r1Recall / n)
	m.Rouge2Recall = summaryRound(100 * r2Recall / n)
	if m.NScored > 0 {
		m.MeanPredWords = math.Round(10*words/float64(m.NScored)) / 10
	}
	return m
}

func addFigures(a, b rougeFigures) rougeFigures {
	return rougeFigures{a.Rouge1 + b.Rouge1, a.Rouge2 + b.Rouge2, a.RougeL + b.RougeL, a.RougeLsum + b.RougeLsum}
}

func maxFigures(a, b rougeFigures) rougeFigures {
	return rougeFigures{max(a.Rouge1, b.Rouge1), max(a.Rouge2, b.Rouge2), max(a.RougeL, b.RougeL), max(a.RougeLsum, b.RougeLsum)}
}

func scaleFigures(f rougeFigures, n float64) rougeFigures {
	return rougeFigures{summaryRound(100 * f.Rouge1 / n), summaryRound(100 * f.Rouge2 / n), summaryRound(100 * f.RougeL / n), summaryRound(100 * f.RougeLsum / n)}
}

func summaryRound(x float64) float64 { return math.Round(100*x) / 100 }
