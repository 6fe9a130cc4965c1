package framing

import "strings"

// Some loaded words have a plain sense that crime, court, war and health
// reporting uses every day: a suspect "surrendered to police", the "assault
// on the Capitol", protests against "police brutality", a "landmark 1973
// ruling", a drug that "cut the risk of hospitalization or death", the
// lowest growth "since the Great Depression". In those contexts the word
// describes; it is no cue. The word lists are ours, from general knowledge
// of news English.

// custodyWords are who a suspect surrenders to.
var custodyWords = map[string]bool{
	"authorities": true, "police": true, "prosecutors": true, "officers": true, "officials": true,
	"agents": true, "investigators": true, "marshals": true, "deputies": true, "detectives": true,
	"troops": true, "forces": true, "soldiers": true, "fbi": true, "court": true, "jail": true,
	"custody": true, "law": true, "the": true, "federal": true, "local": true, "state": true,
}

// physicalTargets are what an assault on something physical is on.
var physicalTargets = map[string]bool{
	"capitol": true, "embassy": true, "consulate": true, "base": true, "compound": true, "convoy": true,
	"police": true, "officers": true, "officer": true, "troops": true, "soldiers": true, "checkpoint": true,
	"town": true, "city": true, "village": true, "prison": true, "station": true, "building": true,
	"headquarters": true, "airport": true, "hospital": true, "school": true, "church": true, "mosque": true,
	"synagogue": true, "port": true, "bridge": true, "position": true, "positions": true, "outpost": true,
}

// literalLoaded reports whether the loaded phrase of n words at token i is
// used in its plain sense here (see above).
func literalLoaded(d *doc, i, n int) bool {
	end := d.sents[d.tokSent[i]].tokB
	next := func(k int) string { // the k-th word after the phrase, "" past the sentence
		if j := i + n + k; j < end {
			return d.words[j]
		}
		return ""
	}
	head := d.words[i]
	switch {
	case strings.HasPrefix(head, "surrender"):
		// "surrendered to police", "surrendered himself", "surrendered on Thursday".
		w := next(0)
		return w == "to" && (custodyWords[next(1)] || isCapitalisedAt(d, i+n+1)) ||
			w == "himself" || w == "herself" || w == "themselves" || w == "on" || w == "at"
	case head == "assault" && n == 2: // "assault on"
		// Up to four words on, past articles, initials and names: "the
		// U.S. Capitol", "the Dunmore city hall".
		for k := 0; k < 4; k++ {
			w := next(k)
			if physicalTargets[w] {
				return true
			}
			if w != "the" && w != "a" && w != "an" && len(w) != 1 && !isCapitalisedAt(d, i+n+k) {
				return false
			}
		}
	case head == "woke" && n == 1:
		// "The town woke up under water", "residents woke to sirens": the
		// verb, not the label.
		return wakeWords[next(0)]
	case strings.HasPrefix(head, "brutal") && i > 0:
		// "police brutality" names what protests are against.
		return head == "brutality" && d.words[i-1] == "police"
	}
	return false
}

// wakeWords follow "woke" the verb: "woke up", "woke to sirens", "woke
// early".
var wakeWords = map[string]bool{
	"up": true, "to": true, "at": true, "early": true, "before": true, "after": true, "on": true,
	"in": true, "from": true, "with": true, "and": true, "again": true, "late": true, "this": true,
}

// isCapitalisedAt reports whether token k exists and is capitalised.
func isCapitalisedAt(d *doc, k int) bool {
	return k < len(d.toks) && isCapitalised(d.toks[k].Text)
}

// officialNouns are what a "landmark" describes in court, legislative and
// science reporting: a ruling, a law, a study. "Landmark" before one of
// them, or before a year, names a famous decision; before anything else it
// praises.
var officialNouns = map[string]bool{
	"ruling": true, "rulings": true, "decision": true, "decisions": true, "case": true, "cases": true,
	"law": true, "laws": true, "legislation": true, "bill": true, "act": true, "statute": true,
	"treaty": true, "accord": true, "agreement": true, "lawsuit": true, "suit": true, "trial": true,
	"verdict": true, "settlement": true, "judgment": true, "opinion": true, "precedent": true,
	"study": true, "report": true, "survey": true, "hearing": true, "vote": true, "election": true,
	"building": true, "site": true, "status": true,
}

// describesOfficial reports whether the praise word at token i is a
// "landmark" naming a famous ruling, law or study: a year or an official
// noun within the next three words, not counting the words of a name ("the
// landmark Roe v. Wade decision").
func describesOfficial(d *doc, i int) bool {
	if !strings.HasPrefix(d.words[i], "landmark") {
		return false
	}
	end := d.sents[d.tokSent[i]].tokB
	plain := 0
	for j := i + 1; j < end && plain < 3; j++ {
		w := d.words[j]
		if officialNouns[w] || len(w) == 4 && w[0] >= '1' && w[0] <= '2' && strings.Trim(w, "0123456789") == "" {
			return true
		}
		if !isCapitalised(d.toks[j].Text) && w != "v" && w != "vs" {
			plain++
		}
	}
	return false
}

// measureWords state a risk as a quantity: "cut the risk of death",
// "a higher risk of infection".
var measureWords = map[string]bool{
	"cut": true, "cuts": true, "cutting": true, "reduce": true, "reduces": true, "reduced": true,
	"reducing": true, "lower": true, "lowers": true, "lowered": true, "lowering": true, "halve": true,
	"halves": true, "halved": true, "raise": true, "raises": true, "raised": true, "increase": true,
	"increases": true, "increased": true, "double": true, "doubles": true, "doubled": true,
	"higher": true, "greater": true, "lowest": true, "highest": true, "low": true, "high": true,
	"decrease": true, "decreases": true, "decreased": true, "overall": true, "relative": true, "absolute": true,
}

// measuredRisk reports whether the fear trigger at token i is the noun
// "risk" stated as a quantity ("cut the risk of hospitalization or death
// in half"): a statistic, not a threat held over the reader.
func measuredRisk(d *doc, i int) bool {
	if !strings.HasPrefix(d.words[i], "risk") || i+1 >= len(d.words) || d.words[i+1] != "of" {
		return false
	}
	start := d.sents[d.tokSent[i]].tokA
	for k := i - 1; k >= start && k >= i-3; k-- {
		if measureWords[d.words[k]] {
			return true
		}
	}
	return false
}
