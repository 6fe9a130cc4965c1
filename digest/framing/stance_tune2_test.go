package framing

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/text"
)

func stanceAUC(scores []float64, pos []bool) float64 {
	type p struct {
		s float64
		y bool
	}
	var ps []p
	for i := range scores {
		ps = append(ps, p{scores[i], pos[i]})
	}
	sort.Slice(ps, func(a, b int) bool { return ps[a].s < ps[b].s })
	var rankSum, np, nn float64
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].s == ps[i].s {
			j++
		}
		r := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if ps[k].y {
				rankSum += r
				np++
			} else {
				nn++
			}
		}
		i = j
	}
	return (rankSum - np*(np+1)/2) / (np * nn)
}

func TestStanceTuneBasilStats(t *testing.T) {
	if os.Getenv("STANCE_TUNE") == "" {
		t.Skip("set STANCE_TUNE=1")
	}
	b, err := os.ReadFile("../../../shared/eval/stance/basil-dev.jsonl")
	if err != nil {
		t.Skip(err)
	}
	m := embeddedStanceModel()
	names := []string{"meanNeg", "meanPos", "authorNeg", "authorPos", "fracNeg", "fracPos", "titleNeg", "titlePos", "relNeg", "relPos", "maxNeg", "maxPos", "lexNeg", "lexPos", "margin", "authorMargin", "relMargin", "n", "c07", "c05", "cp05", "cp04", "c05-cp05", "c07r", "c05r", "cp05r", "negNoPos", "inTitle", "inLead", "salience", "salNeg", "titleXneg", "nXneg"}
	stats := map[string][]float64{}
	var isNeg, isPos []bool
	for _, line := range bytesLines(b) {
		var r basilRec
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		aliases := stanceTargetAliases(r.Target)
		var sumN, sumP, aN, aP, cnt, acnt, fN, fP, tN, tP, mxN, mxP, lN, lP float64
		var oN, oP, ocnt float64
		var c07, c05, cp05, cp04 float64
		sents := text.Sentences(r.Text)
		for _, s := range sents {
			sent := r.Text[s.Start:s.End]
			ms := stanceFindMentions(sent, aliases)
			c := newStanceContext(sent, 0, 0)
			speech := false
			for _, w := range c.lower {
				if stanceSpeechVerbs[w] {
					speech = true
				}
			}
			for _, mm := range ms {
				p := m.Predict(sent, mm[0], mm[1])
				cc := newStanceContext(sent, mm[0], mm[1])
				sumN += p[0]
				sumP += p[2]
				cnt++
				if !cc.inQuote && !speech && !strings.ContainsAny(sent, "\"“”") {
					aN += p[0]
					aP += p[2]
					acnt++
				}
				if p[0] > p[1] && p[0] > p[2] {
					fN++
				}
				if p[2] > p[1] && p[2] > p[0] {
					fP++
				}
				if p[0] > 0.7 {
					c07++
				}
				if p[0] > 0.5 {
					c05++
				}
				if p[2] > 0.5 {
					cp05++
				}
				if p[2] > 0.4 {
					cp04++
				}
				mxN = max(mxN, p[0])
				mxP = max(mxP, p[2])
				for i := range cc.tokens {
					v := cc.polarity(i)
					if v < 0 {
						lN -= v
					} else {
						lP += v
					}
				}
			}
			if len(ms) == 0 {
				// other entity mentions: first capitalised non-initial token
				for i, tk := range c.tokens {
					if i > 0 && tk.Text[0] >= 'A' && tk.Text[0] <= 'Z' {
						p := m.Predict(sent, tk.Start, tk.End)
						oN += p[0]
						oP += p[2]
						ocnt++
						break
					}
				}
			}
		}
		if r.Title != "" {
			for _, mm := range stanceFindMentions(r.Title, aliases) {
				p := m.Predict(r.Title, mm[0], mm[1])
				tN, tP = p[0], p[2]
				break
			}
		}
		inTitle := 0.0
		if len(stanceFindMentions(r.Title, aliases)) > 0 {
			inTitle = 1
		}
		inLead := 0.0
		if len(sents) > 0 && len(stanceFindMentions(r.Text[sents[0].Start:sents[0].End], aliases)) > 0 {
			inLead = 1
		}
		div := func(a, b float64) float64 {
			if b == 0 {
				return 0
			}
			return a / b
		}
		vals := map[string]float64{
			"meanNeg": div(sumN, cnt), "meanPos": div(sumP, cnt), "authorNeg": div(aN, acnt), "authorPos": div(aP, acnt),
			"fracNeg": div(fN, cnt), "fracPos": div(fP, cnt), "titleNeg": tN, "titlePos": tP,
			"relNeg": div(sumN, cnt) - div(oN, ocnt), "relPos": div(sumP, cnt) - div(oP, ocnt),
			"maxNeg": mxN, "maxPos": mxP, "lexNeg": div(lN, cnt), "lexPos": div(lP, cnt),
			"margin": div(sumN-sumP, cnt), "authorMargin": div(aN-aP, acnt), "relMargin": div(sumN-sumP, cnt) - div(oN-oP, ocnt), "n": cnt,
			"inTitle": inTitle, "inLead": inLead, "salience": div(cnt, float64(len(sents))),
			"salNeg": div(cnt, float64(len(sents))) * div(sumN, cnt), "titleXneg": (inTitle + inLead + 1) * div(sumN, cnt),
			"nXneg": cnt * (div(sumN, cnt) - 0.3),
			"c07": c07, "c05": c05, "cp05": cp05, "cp04": cp04, "c05-cp05": c05 - cp05, "c07r": div(c07, cnt+3), "c05r": div(c05, cnt+3),
			"cp05r": div(cp05, cnt+3), "negNoPos": div(c05, cnt+3) - div(cp05, cnt+3),
		}
		if os.Getenv("STANCE_DUMP") != "" {
			fmt.Printf("ROW %s %s %-25.25s n=%2.0f fN=%.2f fP=%.2f mN=%.2f mP=%.2f mxN=%.2f aN=%.2f\n", r.Label[:3], r.Source, r.Target, cnt, vals["fracNeg"], vals["fracPos"], vals["meanNeg"], vals["meanPos"], mxN, vals["authorNeg"])
		}
		for k, v := range vals {
			stats[k] = append(stats[k], v)
		}
		isNeg = append(isNeg, r.Label == Negative)
		isPos = append(isPos, r.Label == Positive)
	}
	for _, n := range names {
		fmt.Printf("%-14s AUC neg %.3f  pos %.3f\n", n, stanceAUC(stats[n], isNeg), stanceAUC(stats[n], isPos))
	}
}
