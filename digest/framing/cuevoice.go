package framing

import (
	"math"
	"sort"
)

// Whose cue: a loaded word inside a quotation, or in the words a sentence
// reports someone said, is the speaker's, not the outlet's; "alleged" in
// court and crime reporting is attribution, not doubt; a headline has cues
// of its own.

// splitVoices sorts body cues into the outlet's and the quoted speakers'.
// A cue is quoted when it lies inside quotation marks, or after the
// attribution verb of a sentence that reports speech ("Critics said the
// plan was reckless") or anywhere in a sentence that names its source at
// the end ("…, according to the mayor").
func splitVoices(d *doc, cues []Cue, v voices) (own, quoted []Cue) {
	speech := map[int]int{} // sentence → byte offset after which it reports speech, or noSpeech
	for _, c := range cues {
		c.Field = FieldBody
		if c.Type == AnonymousSource {
			own = append(own, c) // whom the outlet relies on is the outlet's choice
			continue
		}
		if qi := quoteAt(d, c.Start); qi >= 0 {
			if sp := v.quoteSpeaker[qi]; sp != nil {
				c.Speaker = sp.name
			}
			quoted = append(quoted, c)
			continue
		}
		si := sentenceAt(d, c.Start)
		if si >= len(d.sents) {
			own = append(own, c)
			continue
		}
		from, ok := speech[si]
		if !ok {
			from = reportedFrom(d, si)
			speech[si] = from
		}
		if from != noSpeech && from < c.Start {
			if sp := v.speaker[si]; sp != nil {
				c.Speaker = sp.name
			}
			quoted = append(quoted, c)
			continue
		}
		own = append(own, c)
	}
	return own, quoted
}

// reportedFrom returns the byte offset of sentence si after which its words
// are attributed to someone: its first speech verb ("said", "warned that"),
// or just before its start when it names its source with "according to";
// noSpeech when it reports no speech.
func reportedFrom(d *doc, si int) int {
	s := d.sents[si]
	for k := s.tokA; k < s.tokB; k++ {
		if d.quoted[k] || !d.is(k, speechVerbWords) || (k > s.tokA && isCapitalised(d.toks[k].Text)) {
			continue
		}
		if d.words[k] == "according" {
			if k+1 < s.tokB && d.words[k+1] == "to" {
				return s.span.Start - 1
			}
			continue
		}
		return d.toks[k].Start
	}
	return noSpeech
}

// noSpeech marks a sentence that reports no speech.
const noSpeech = math.MinInt

// speechVerbs introduce reported speech; what follows them is the
// speaker's, in the outlet's paraphrase.
var speechVerbs = wordSet(`said says say told tells tell argued argues argue insisted insists
insist claimed claims claim warned warns warn stated added adds add wrote writes tweeted posted suggested suggests contended
contends testified declared declares credited credits estimates estimated predicts predicted according`)

// headlineVerb returns the token of a headline's speech verb ("Ames slams
// Blake", "…, warn business leaders"), or -1. The words around it are the
// speaker's; the verb is the outlet's choice.
func headlineVerb(d *doc) int {
	for k, w := range d.words {
		if attributionVerbs[w] || speechVerbs[w] {
			return k
		}
	}
	return -1
}

// legalArticleSentences is how many sentences with court or crime words
// make an article court or crime reporting, where "alleged" and
// "allegedly" are what the outlet must write about any charge. By hand, on
// our own examples.
const legalArticleSentences = 2

// dropLegalDoubt removes doubt and hedge cues made of attribution words
// ("alleged", "allegedly", "accused") from court and crime reporting: a
// sentence that reports a charge, or an article with several such
// sentences. They relay an accusation; they cast no doubt.
func dropLegalDoubt(d *doc, cues []Cue, v voices) []Cue {
	legal := 0
	for _, l := range v.legal {
		if l {
			legal++
		}
	}
	out := cues[:0]
	for _, c := range cues {
		if (c.Type == Doubt || c.Type == Hedge) && legalWord(c.Text) {
			if si := sentenceAt(d, c.Start); legal >= legalArticleSentences || (si < len(v.legal) && v.legal[si]) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// legalWord reports whether a cue is one of the attribution words of
// court reporting.
func legalWord(s string) bool {
	switch normWord(s) {
	case "alleged", "allegedly", "accused", "purported", "purportedly", "reportedly":
		return true
	}
	return false
}

// headlineCues finds the cues of a headline, with offsets into it: the
// outlet's own, and those inside a quotation in the headline.
func headlineCues(title string) (own, quoted []Cue) {
	if title == "" {
		return nil, nil
	}
	d := newDoc("", title)
	defer d.release()
	d.headline = true
	v := findVoices(d, nil)
	verb := headlineVerb(d)
	for _, c := range dropLegalDoubt(d, findCues(d), v) {
		c.Field = FieldTitle
		if d.inQuote(c.Start) || (verb >= 0 && !(c.Start <= d.toks[verb].Start && d.toks[verb].End <= c.End) && c.Type != AnonymousSource) {
			quoted = append(quoted, c) // "Supply chains at risk of collapse, warn bosses": the bosses' fear
			continue
		}
		own = append(own, c)
	}
	sort.SliceStable(own, func(i, j int) bool { return own[i].Start < own[j].Start })
	return own, quoted
}
