package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"

	"github.com/newsdigest/newsdigest/feed"
)

func init() { tasks["extract"] = runExtract }

// extractRecord is one page of extract/dev.jsonl.
type extractRecord struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	HTML string `json:"html"`
	Gold string `json:"gold"`
}

// extractPrediction is one prediction line: the page's main text.
type extractPrediction struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// extractScore is the ScrapingHub article-extraction benchmark's metric
// object, as the eval README defines it.
type extractScore struct {
	F1                   float64 `json:"f1"`
	Precision            float64 `json:"precision"`
	Recall               float64 `json:"recall"`
	Accuracy             float64 `json:"accuracy"`
	NGold                int     `json:"n_gold"`
	NScored              int     `json:"n_scored"`
	Missing              int     `json:"missing"`
	UnknownIDs           int     `json:"unknown_ids"`
	DuplicatePredictions int     `json:"duplicate_predictions"`
}

// runExtract extracts the main text of every page of the file at path with
// the extractor the poller uses for teaser items, and scores it.
func runExtract(ctx context.Context, path string, pred io.Writer) (any, error) {
	recs, err := readJSONL[extractRecord](path)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	preds := make([]extractPrediction, 0, len(recs))
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// A page the extractor cannot read is predicted empty, and scored so.
		_, text, _ := feed.ExtractText([]byte(r.HTML), "text/html; charset=utf-8", r.URL)
		p := extractPrediction{ID: r.ID, Text: text}
		if err := writeJSONL(pred, p); err != nil {
			return nil, fmt.Errorf("extract: write prediction: %w", err)
		}
		preds = append(preds, p)
	}
	return scoreExtract(recs, preds), nil
}

// scoreExtract computes shingle precision, recall and F1 and exact-token
// accuracy of preds against the gold article bodies. A gold page without a
// prediction is scored as an empty prediction; the first of duplicate
// predictions counts.
func scoreExtract(gold []extractRecord, preds []extractPrediction) extractScore {
	byID := make(map[string]string, len(preds))
	goldIDs := make(map[string]bool, len(gold))
	for _, g := range gold {
		goldIDs[g.ID] = true
	}
	s := extractScore{NGold: len(gold)}
	for _, p := range preds {
		if !goldIDs[p.ID] {
			s.UnknownIDs++
			continue
		}
		if _, dup := byID[p.ID]; dup {
			s.DuplicatePredictions++
			continue
		}
		byID[p.ID] = p.Text
	}
	var pSum, rSum float64
	var pN, rN, exact int
	for _, g := range gold {
		text, ok := byID[g.ID]
		if !ok {
			s.Missing++
		} else {
			s.NScored++
		}
		goldTokens, predTokens := extractTokens(g.Gold), extractTokens(text)
		if extractEqual(goldTokens, predTokens) {
			exact++
		}
		tp, fp, fn := extractOverlap(extractShingles(goldTokens), extractShingles(predTokens))
		if tp+fp > 0 {
			pSum += tp / (tp + fp)
			pN++
		}
		if tp+fn > 0 {
			rSum += tp / (tp + fn)
			rN++
		}
	}
	if pN > 0 {
		s.Precision = pSum / float64(pN)
	}
	if rN > 0 {
		s.Recall = rSum / float64(rN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	if len(gold) > 0 {
		s.Accuracy = float64(exact) / float64(len(gold))
	}
	s.F1, s.Precision, s.Recall, s.Accuracy = extractRound4(s.F1), extractRound4(s.Precision), extractRound4(s.Recall), extractRound4(s.Accuracy)
	return s
}

func extractRound4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// extractTokens splits text into \w+ tokens: runs of Unicode letters, digits
// and underscores.
func extractTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// extractShingles counts the token 4-grams; 1 to 3 tokens make one
// shingle, no tokens none.
func extractShingles(tokens []string) map[string]int {
	const n = 4
	out := map[string]int{}
	if len(tokens) == 0 {
		return out
	}
	if len(tokens) < n {
		out[strings.Join(tokens, "\x00")]++
		return out
	}
	for i := 0; i+n <= len(tokens); i++ {
		out[strings.Join(tokens[i:i+n], "\x00")]++
	}
	return out
}

// extractOverlap returns the multiset TP, FP and FN of predicted against
// gold shingles, normalised to sum to 1.
func extractOverlap(gold, pred map[string]int) (tp, fp, fn float64) {
	var tpN, goldN, predN int
	for k, g := range gold {
		goldN += g
		tpN += min(g, pred[k])
	}
	for _, p := range pred {
		predN += p
	}
	fpN, fnN := predN-tpN, goldN-tpN
	total := float64(tpN + fpN + fnN)
	if total == 0 {
		return 1, 0, 0
	}
	return float64(tpN) / total, float64(fpN) / total, float64(fnN) / total
}

func extractEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
