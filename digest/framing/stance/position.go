package stance

import "strings"

// Where in its sentence a mention is early or in the middle, as a share of
// the sentence's tokens: thirds, set by hand before training.
const (
	earlyPosition  = 0.33
	middlePosition = 0.66
)

// positionCues names the mention's position in the sentence.
func positionCues(c mentionContext) []string {
	var cues []string
	n := len(c.tokens)
	if n == 0 {
		return []string{"pos.empty"}
	}
	switch rel := float64(c.from) / float64(n); {
	case c.from == 0:
		cues = append(cues, "pos.initial")
	case rel < earlyPosition:
		cues = append(cues, "pos.early")
	case rel < middlePosition:
		cues = append(cues, "pos.middle")
	default:
		cues = append(cues, "pos.late")
	}
	if c.inQuote {
		cues = append(cues, "pos.quoted")
	}
	if c.from > 0 {
		switch prev := c.lower[c.from-1]; prev {
		case "by", "of", "to", "against", "with", "for", "from", "on", "and", "that", "president", "sen", "rep":
			cues = append(cues, "pos.after_"+prev)
		}
	}
	if c.to < n {
		switch next := c.lower[c.to]; next {
		case "is", "was", "has", "had", "will", "would", "and", "who":
			cues = append(cues, "pos.before_"+next)
		}
	}
	for i := c.to; i < min(n, c.to+3); i++ {
		if speechVerbs[c.lower[i]] {
			cues = append(cues, "pos.speaker")
			break
		}
	}
	if c.from >= 2 && c.lower[c.from-2] == "according" && c.lower[c.from-1] == "to" {
		cues = append(cues, "pos.source")
	}
	if c.to > c.from {
		last := c.lower[c.to-1]
		switch {
		case strings.HasSuffix(last, "'s"):
			cues = append(cues, "pos.possessive")
		case pronouns[last] && c.to-c.from == 1:
			cues = append(cues, "pos.pronoun")
		}
	}
	quoted := 0
	for _, q := range c.quoted {
		if q {
			quoted++
		}
	}
	if quoted > 0 {
		cues = append(cues, "pos.has_quote")
	}
	return cues
}

// speechVerbs report speech: a mention right before one is the speaker.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "wrote": true, "writes": true,
	"added": true, "argued": true, "argues": true, "claimed": true, "claims": true,
	"insisted": true, "tweeted": true, "indicated": true, "conceded": true, "countered": true,
	"noted": true, "stated": true, "explained": true, "asked": true, "answered": true,
	"replied": true, "responded": true, "suggested": true, "warned": true, "announced": true,
	"declared": true, "acknowledged": true, "contended": true, "maintained": true,
	"testified": true, "recalled": true, "stressed": true, "emphasized": true, "posted": true,
}

// pronouns are personal pronouns that can stand for a target.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "him": true, "her": true, "them": true,
	"his": true, "their": true, "i": true, "we": true, "us": true, "you": true,
}
