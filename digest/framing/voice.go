package framing

import (
	"sort"
	"strings"
)

// Whose words a sentence holds. An evaluation is the outlet's only when the
// outlet says it: words inside quotation marks, words after "X said", and
// accusations a court or the police make ("charged with", "according to
// the complaint") belong to someone else. voices finds, per sentence,
// whether its words are reported and who says them, so that stance and
// cues can credit the speaker or leave the words out.

// voices describes every sentence of a doc.
type voices struct {
	// reported is true for a sentence whose evaluation is someone else's:
	// it is mostly quoted, holds a quotation, attributes speech ("said",
	// "according to") or reports a legal accusation.
	reported []bool
	// legal is true for a sentence that reports an accusation, a charge
	// or a court's or the police's account: its "alleged" and "accused"
	// are attribution, not doubt.
	legal []bool
	// speaker is the named speaker of a reported sentence, nil when the
	// sentence names none.
	speaker []*entity
	// speakerSpan is the token range naming the speaker in that sentence,
	// so a mention there is known to be the speaker's own name.
	speakerSpan [][2]int
	// quoteSpeaker is the named speaker of each quotation of d.quotes.
	quoteSpeaker []*entity
	// owner maps each token of a name mention to its entity.
	owner map[int]*entity
}

// attributionVerbs report what someone said, thought or judged, in the
// forms news uses; a sentence with one outside quotation marks reports
// speech. Verbs of action ("urged", "vowed") are not among them: "Blake
// urged calm" is the outlet's account of what Blake did.
var attributionVerbs = wordSet(`said says say told tells tell wrote writes added adds argued argues
insisted insists claimed claims tweeted posted stated explained explains asked asks
replied replies responded responds warned warns announced announces declared declares
acknowledged acknowledges noted contended contends testified recalled recalls stressed
stresses emphasized emphasised suggested suggests conceded concedes countered counters called
calls described describes criticized criticised criticizes criticises praised praises hailed
hails credited credits welcomed welcomes estimates estimated predicts predicted condemned condemns slammed slams blasted blasts denounced denounces applauded applauds
according quoted blast slam praise hail condemn criticize criticise denounce applaud accuse
rip rips ripped lash lashes lashed`)

// legalMarkers are words and phrases of court and crime reporting: an
// accusation, a charge, a document's account or an offence, which the
// outlet relays without making it its own. "alleged" and "allegedly" are
// not among them: whether they relay a charge or cast doubt depends on
// the words around them (dropLegalDoubt).
var legalMarkers = newMatcher([]string{
	"allegation", "allegations", "alleges", "alleging",
	"accused of", "accuses", "accusing", "charged with", "charged in", "charges of", "faces charges",
	"indicted", "indictment", "arraigned", "pleaded", "pleads", "plea", "convicted", "conviction",
	"sentenced", "acquitted", "arrested", "arrest", "suspect", "suspected", "suspects",
	"lawsuit", "sue", "sued", "sues", "suing", "suit", "complaint", "plaintiff", "plaintiffs", "defendant", "defendants",
	"prosecutor", "prosecutors", "prosecution", "prosecuted", "trial", "jury", "verdict", "testimony",
	"court documents", "court filing", "court filings", "affidavit", "according to police",
	"police said", "police say", "investigators", "detectives", "misconduct", "excessive force",
})

// offenceWords name an offence. They mark court and crime reporting only
// in an article that also has the words of a case (legalMarkers): "a
// fraud" in a column is an insult, not a charge.
var offenceWords = newMatcher([]string{
	"assault", "murder", "murdered", "manslaughter", "rape", "fraud", "theft", "robbery", "bribery",
	"shooting", "stabbing", "homicide", "felony", "misdemeanor", "harassment", "gunman", "shooter",
})

// findVoices works out, sentence by sentence, whose words they are.
func findVoices(d *doc, ents []*entity) voices {
	n := len(d.sents)
	v := voices{
		reported: make([]bool, n), legal: make([]bool, n),
		speaker: make([]*entity, n), speakerSpan: make([][2]int, n),
		quoteSpeaker: make([]*entity, len(d.quotes)),
	}
	owner := mentionOwners(d, ents)
	v.owner = owner
	offence := make([]bool, n)
	caseWords := false
	for si, s := range d.sents {
		v.speakerSpan[si] = [2]int{-1, -1}
		for k := s.tokA; k < s.tokB; k++ {
			if !d.quoted[k] && d.matchIn(legalMarkers, k, s.tokB) > 0 {
				v.legal[si], caseWords = true, true
			}
			if !d.quoted[k] && d.matchIn(offenceWords, k, s.tokB) > 0 {
				offence[si] = true
			}
			if d.quoted[k] || !d.is(k, attributionVerbSet) || (k > s.tokA && isCapitalised(d.toks[k].Text)) {
				continue // a capitalised "Says" is part of a name
			}
			if d.words[k] == "according" && (k+1 >= s.tokB || d.words[k+1] != "to") {
				continue
			}
			if (d.words[k] == "called" || d.words[k] == "calls") && k+1 < s.tokB && (d.words[k+1] == "for" || d.words[k+1] == "on") {
				continue // "called for talks" is an act, not a judgement
			}
			v.reported[si] = true
			if v.speaker[si] == nil {
				v.speaker[si], v.speakerSpan[si] = speakerNear(d, s, k, owner)
			}
		}
		if s.quoted || hasQuote(d, s) {
			v.reported[si] = true
		}
	}
	for si := range d.sents {
		if offence[si] && caseWords {
			v.legal[si] = true
		}
		if v.legal[si] {
			v.reported[si] = true
		}
	}
	// A quotation's speaker is the one named in the sentence that closes
	// it ("…," Blake said) or opens it (Blake said: "…"); every sentence
	// of a long quotation is hers.
	for qi, q := range d.quotes {
		first, last := sentenceAt(d, q[0]), sentenceAt(d, max(q[1]-1, q[0]))
		var who *entity
		for _, si := range []int{last, first, first - 1, min(last+1, n-1)} {
			if si >= 0 && si < n && v.speaker[si] != nil {
				who = v.speaker[si]
				break
			}
		}
		v.quoteSpeaker[qi] = who
		for si := first; si <= last && si < n; si++ {
			v.reported[si] = true
			if v.speaker[si] == nil {
				v.speaker[si] = who
			}
		}
	}
	for si := range v.legal {
		if v.legal[si] && !hasQuote(d, d.sents[si]) {
			v.speaker[si] = nil // a charge is the court's or the police's, not a person's
		}
	}
	return v
}

// hasQuote reports whether a sentence holds a quotation of three words or
// more (a scare-quoted word is the writer's own).
func hasQuote(d *doc, s sentence) bool {
	run := 0
	for k := s.tokA; k < s.tokB; k++ {
		if d.quoted[k] {
			run++
			if run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// speakerNear finds the named speaker of the attribution verb at token k:
// the name right before it ("Blake said", "Blake, the mayor, said", "he
// said"), or, after a verb that takes no person as its object, the name
// right after it ("said Blake", "according to Senator Blake"). "Blake
// told Ames" names Blake, not Ames.
func speakerNear(d *doc, s sentence, k int, owner map[int]*entity) (*entity, [2]int) {
	if j := subjectBefore(d, s, k); j >= 0 {
		if e := owner[j]; e != nil {
			return e, mentionSpan(d, owner, j)
		}
		if d.words[j] == "he" || d.words[j] == "she" {
			if e := previousPerson(d, owner, j); e != nil {
				return e, [2]int{j, j + 1}
			}
		}
	}
	if !invertingVerbs[d.words[k]] {
		return nil, [2]int{-1, -1}
	}
	j := k + 1
	if d.words[k] == "according" {
		j = k + 2
	}
	for ; j < s.tokB && j <= k+3; j++ {
		if e := owner[j]; e != nil {
			return e, mentionSpan(d, owner, j)
		}
		if !lex.titles.has(d.words[j]) && !determiners[d.words[j]] {
			break
		}
	}
	return nil, [2]int{-1, -1}
}

// invertingVerbs can follow the quotation and come before their subject
// ("…," said Blake); they take no person as their object.
var invertingVerbs = wordSet(`said says added adds wrote writes noted notes explained explains
replied replies responded responds continued insisted insists argued argues stated states
tweeted recalled acknowledged conceded countered according`)

// subjectFillers stand between a subject and its verb of speech ("Blake
// has repeatedly said", "Blake reportedly told").
var subjectFillers = wordSet(`has have had was is were are will would also later then previously
repeatedly reportedly again once often never has long`)

// subjectBefore returns the token that ends the subject of the verb at k:
// the word right before it, or the word before an appositive set off by
// commas ("Blake, the mayor, said"); -1 when that is inside a quotation.
func subjectBefore(d *doc, s sentence, k int) int {
	j := k - 1
	for j > s.tokA && (subjectFillers[d.words[j]] || (strings.HasSuffix(d.words[j], "ly") && !isCapitalised(d.toks[j].Text))) && d.adjacent(j) {
		j--
	}
	if j < s.tokA || d.quoted[j] {
		return -1
	}
	if strings.Contains(d.body[d.toks[j].End:d.toks[k].Start], ",") {
		// "Blake, the city's mayor, said": skip back over the appositive.
		for m := j; m >= s.tokA && m >= k-10; m-- {
			if m < j && strings.Contains(d.body[d.toks[m].End:d.toks[m+1].Start], ",") {
				return m
			}
		}
		return -1
	}
	return j
}

// pronounReach is how many tokens back a "he said" looks for its person.
const pronounReach = 120

// previousPerson returns the person named last before token j, within
// pronounReach tokens.
func previousPerson(d *doc, owner map[int]*entity, j int) *entity {
	for k := j - 1; k >= 0 && k >= j-pronounReach; k-- {
		if e := owner[k]; e != nil && e.person {
			return e
		}
	}
	return nil
}

// mentionOwners maps every token of every name mention (pronouns too) to
// its entity.
func mentionOwners(d *doc, ents []*entity) map[int]*entity {
	owner := map[int]*entity{}
	for _, e := range ents {
		for _, m := range e.mentions {
			if m.label {
				continue
			}
			for k := m.a; k < m.b; k++ {
				owner[k] = e
			}
		}
	}
	return owner
}

// mentionSpan returns the token range of the mention that covers token j.
func mentionSpan(d *doc, owner map[int]*entity, j int) [2]int {
	a, b := j, j+1
	for a > 0 && owner[a-1] == owner[j] && d.tokSent[a-1] == d.tokSent[j] {
		a--
	}
	for b < len(d.toks) && owner[b] == owner[j] && d.tokSent[b] == d.tokSent[j] {
		b++
	}
	return [2]int{a, b}
}

// quoteAt returns the index in d.quotes of the quotation holding byte
// offset p, or -1.
func quoteAt(d *doc, p int) int {
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i][1] > p })
	if i < len(d.quotes) && d.quotes[i][0] <= p {
		return i
	}
	return -1
}

// titleReported reports whether a headline relays someone's words: it
// holds a quotation or an attribution verb ("Blake says …", "Ames slams
// Blake"). Such a headline's evaluation is the speaker's.
func titleReported(title string) bool {
	if len(quoteRanges(title)) > 0 {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if attributionVerbs[strings.Trim(w, ",.:;!?'\"")] {
			return true
		}
	}
	return false
}
