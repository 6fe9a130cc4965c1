package framing

import (
	"math"
	"sort"
	"strings"

	"github.com/newsdigest/newsdigest/digest/framing/stance"
	"github.com/newsdigest/newsdigest/digest/text"
)

// Stance toward an actor, as a reader sees it: "criticises X" when the
// outlet, in its own words, clearly criticises X in several sentences;
// nothing otherwise. A sentence counts only when the trained mention model
// is confident (stance.MinShownConfidence, chosen on DEV for precision) or
// an evaluative word of the outlet's decides it; a single critical sentence
// is news, not a stance. What a quoted or reported speaker says about X is
// the speaker's and is left out: read as a reader on BASIL DEV and the
// replay stream, "quotes Y criticising X" was right only about half the
// time (a lawyer quoting the charges against a client, a defender saying
// "he lied, and it ruined his life").

// Aggregation constants.
const (
	// minAuthorSentences is how many clearly critical (or approving)
	// sentences in the outlet's own voice a stance needs, and they must
	// outnumber the sentences that clearly go the other way. Chosen on
	// stance/basil-dev.jsonl (BASIL DEV): one such sentence is as often a
	// report of bad news as a judgement; with two, precision rises while
	// three lose most of the recall (see the stance eval's "shown").
	minAuthorSentences = 2
	// labelConfidence is the confidence of a pejorative label standing
	// for the actor ("this reckless demagogue"), which criticises by
	// definition. By hand, on our own examples.
	labelConfidence = 0.9
	// maxScoredSentences bounds the cost of a much-mentioned actor: its
	// first sentences (and every pejorative label) decide.
	maxScoredSentences = 100
	// maxEvidence is how many sentences an actor's stance quotes.
	maxEvidence = 2
)

// vote is what one sentence says about an actor in the outlet's voice.
type vote struct {
	sent int // sentence index; -1 for the headline
	res  stance.Result
}

// actorStance aggregates the sentences that mention e into the stance the
// article shows toward it. lean is the stance of the opinion piece e is the
// target of (see opEdTargets), or Neutral. In a news report the outlet's
// own stance needs its own evaluative words (cueVotes): the mention model
// reads a report of bad news ("hate crimes against X", "X was killed") as
// criticism of the name in it, and on BASIL DEV no setting of it reached a
// precision of one half on news reports.
func actorStance(d *doc, e *entity, v voices, cues []Cue, lean string, report bool) Actor {
	act := Actor{Name: e.name, Mentions: len(e.mentions), Stance: Neutral, Voice: VoiceAuthor}
	votes := actorVotes(d, e, v, cues, report)
	label, clear := decideStance(votes, lean)
	var neutral float64
	for _, x := range votes {
		neutral += x.res.Probs[stance.NeutralClass]
	}
	if len(votes) > 0 {
		act.Confidence = round2(neutral / float64(len(votes)))
	}
	if label != Neutral {
		act.Stance = label
		var sum float64
		for _, x := range clear {
			sum += x.res.Confidence
		}
		act.Confidence = round2(sum / float64(len(clear)))
		votes = clear
	}
	for _, x := range votes {
		if len(act.Evidence) == maxEvidence {
			break
		}
		if x.sent >= 0 {
			act.Evidence = append(act.Evidence, d.sents[x.sent].span)
		}
	}
	sort.Slice(act.Evidence, func(i, j int) bool { return act.Evidence[i].Start < act.Evidence[j].Start })
	return act
}

// actorVotes scores each sentence that mentions e in the outlet's own
// voice (one vote per sentence, the headline and subheadings included).
// Sentences where e speaks, and quoted or reported words, give no vote:
// they are someone else's evaluation. A praise word or a pejorative label
// of the outlet's that belongs to e (cueVotes) decides its sentence.
func actorVotes(d *doc, e *entity, v voices, cues []Cue, report bool) []vote {
	var votes []vote
	seen := map[int]bool{}
	byCue := cueVotes(d, e, v, cues)
	for _, m := range e.mentions {
		si := d.tokSent[m.a]
		if seen[si] || (len(votes) >= maxScoredSentences && !m.label) {
			continue // one vote per sentence
		}
		if sp := v.speakerSpan[si]; m.a >= sp[0] && m.a < sp[1] {
			continue // e speaks here: the sentence is about what e says
		}
		seen[si] = true
		s := d.sents[si]
		var r stance.Result
		if m.label {
			r = stance.Result{Label: Negative, Confidence: labelConfidence}
			r.Probs[stance.NegativeClass] = labelConfidence
		} else {
			r = mentionStance(d, s, m.a, m.b)
		}
		x := vote{sent: si, res: r}
		cr, byWord := byCue[si]
		switch {
		case byWord && !d.quoted[m.a]:
			x.res = cr // the outlet's own word decides, whatever else the sentence reports
		case v.reported[si] || d.quoted[m.a] || r.Quoted:
			continue // a speaker's evaluation, not the outlet's
		case report:
			x.res = neutralResult(r) // a report's own sentences count only by their words (cueVotes)
		}
		votes = append(votes, x)
	}
	for si, s := range d.sents {
		if !s.heading || seen[si] || report {
			continue
		}
		if a, b, ok := titleMention(s.span.Text, e); ok && !titleReported(s.span.Text) {
			votes = append(votes, vote{sent: si, res: MentionStance(s.span.Text, a, b)})
		}
	}
	if a, b, ok := titleMention(d.title, e); ok && !titleReported(d.title) && !report {
		votes = append(votes, vote{sent: -1, res: MentionStance(d.title, a, b)})
	}
	return votes
}

// neutralResult keeps r's probabilities for the record but makes it no
// clear vote.
func neutralResult(r stance.Result) stance.Result {
	r.Label, r.Confidence = Neutral, r.Probs[stance.NeutralClass]
	return r
}

// Reach of a cue toward the name it evaluates, in tokens: a praise word
// praises the nearest name in its sentence ("Trump's pragmatic
// leadership"); a pejorative label labels a name right next to it
// ("dictator Putin", "called Blake a liar"). By hand, on our own examples.
const (
	praiseReach = 12
	labelReach  = 3
	// cueConfidence is the confidence of a vote a cue decides: the cue is
	// an explicit evaluative word of the outlet's. By hand, on our own
	// examples.
	cueConfidence = 0.85
)

// cueVotes returns, by sentence, the stance the outlet's praise words and
// labels give e: each goes to the name nearest to it in its sentence, and
// counts for e when that name is e's.
func cueVotes(d *doc, e *entity, v voices, cues []Cue) map[int]stance.Result {
	out := map[int]stance.Result{}
	for _, c := range cues {
		label, reach := Positive, praiseReach
		switch c.Type {
		case GlitteringGenerality:
		case NameCalling:
			label, reach = Negative, labelReach
		default:
			continue
		}
		si := sentenceAt(d, c.Start)
		if si >= len(d.sents) || d.sents[si].heading {
			continue
		}
		if nearestName(d, v, si, c, reach) != e {
			continue
		}
		r := stance.Result{Label: label, Confidence: cueConfidence}
		r.Probs[classIndex(label)] = cueConfidence
		r.Probs[stance.NeutralClass] = 1 - cueConfidence
		out[si] = r
	}
	return out
}

// nearestName returns the entity named nearest to cue c within reach
// tokens in sentence si, skipping the sentence's speaker.
func nearestName(d *doc, v voices, si int, c Cue, reach int) *entity {
	s := d.sents[si]
	a := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= c.Start })
	b := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= c.End })
	sp := v.speakerSpan[si]
	for dist := 1; dist <= reach; dist++ {
		for _, k := range []int{a - dist, b - 1 + dist} {
			if k < s.tokA || k >= s.tokB || (k >= sp[0] && k < sp[1]) {
				continue
			}
			if e := v.owner[k]; e != nil {
				return e
			}
			if w := d.words[k]; (w == "his" || w == "her") && k < a {
				return previousPerson(d, v.owner, k) // "Marsh and her cronies"
			}
		}
	}
	return nil
}

// decideStance returns the stance the votes support and the votes that
// show it: enough clear sentences that outnumber those going the other way
// or, for the target of an opinion piece leaning to lean, one that does and
// no more that disagree.
func decideStance(votes []vote, lean string) (label string, clear []vote) {
	var by [3][]vote
	for _, x := range votes {
		if x.res.Shown() {
			k := classIndex(x.res.Label)
			by[k] = append(by[k], x)
		}
	}
	for _, k := range []int{stance.NegativeClass, stance.PositiveClass} {
		other := stance.NegativeClass + stance.PositiveClass - k
		if len(by[k]) >= minAuthorSentences && len(by[k]) > len(by[other]) {
			return stance.Labels[k], by[k]
		}
		if lean == stance.Labels[k] && len(by[k]) >= 1 && len(by[k]) >= len(by[other]) {
			return lean, by[k]
		}
	}
	return Neutral, nil
}

func classIndex(label string) int {
	for k, l := range stance.Labels {
		if l == label {
			return k
		}
	}
	return stance.NeutralClass
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// titleMention finds the first mention of e in the headline: a word of one
// of its names, capitalised (a headline writes every word so, which is why
// the word must be one the article uses for e).
func titleMention(title string, e *entity) (int, int, bool) {
	if title == "" {
		return 0, 0, false
	}
	names := map[string]bool{}
	for f := range e.forms {
		ws := strings.Fields(strings.ToLower(f))
		names[ws[len(ws)-1]] = true
	}
	for _, t := range text.Tokens(title) {
		if names[normWord(t.Text)] && isCapitalised(t.Text) {
			return t.Start, t.End, true
		}
	}
	return 0, 0, false
}
