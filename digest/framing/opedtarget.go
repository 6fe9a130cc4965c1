package framing

// The target of an opinion piece. A column argues for or against someone
// from its first line to its last, mostly in words that evaluate the
// argument rather than name the person: the mention model, which reads one
// sentence at a time, sees little in any single one. So when a piece of
// opinion leans clearly as a whole, its targets (the people and
// organisations the headline names, and the one it names most) take that
// lean, each provided at least one of its own sentences clearly agrees and
// no more clearly disagree (decideStance).

// opEdPolarity is how clearly an opinion piece must lean as a whole (the
// writer's polarity in [-1,1], see writerPolarity) for its target to take
// the lean: as much as a leaning tone needs. By hand, on our own examples.
const opEdPolarity = toneThreshold

// minLeanCues is how many judging cues of its own (praise words, labels,
// fear appeals, doubt, loaded words that judge rather than describe; see
// toneSupport) an opinion piece needs before
// its polarity counts as a lean: in a short text one loaded word moves the
// polarity as far as a tirade. By hand, on our own examples and on the
// replay stream's texts read as a reader.
const minLeanCues = 2

// opEdLean returns the side an opinion piece takes as a whole, or Neutral.
func opEdLean(genre string, writer float64, cues, titleCues []Cue) string {
	if genre != Opinion {
		return Neutral
	}
	pos, neg := toneSupport(nil, append(append([]Cue(nil), cues...), titleCues...))
	if pos+neg < minLeanCues {
		return Neutral
	}
	switch {
	case writer >= opEdPolarity:
		return Positive
	case writer <= -opEdPolarity:
		return Negative
	}
	return Neutral
}

// opEdTargets returns the actors an opinion piece is about: the top actors
// its headline names (unless the headline relays someone else's words),
// and the most mentioned person or organisation.
func opEdTargets(d *doc, top []*entity) map[*entity]bool {
	out := map[*entity]bool{}
	for _, e := range top {
		// A headline that relays someone's words ("Critics blast Ames")
		// names the speaker's target, not the piece's.
		if _, _, ok := titleMention(d.title, e); ok && !titleReported(d.title) {
			out[e] = true // a name the headline gives, of whatever kind ("Biden's Con")
		}
	}
	if len(top) > 0 && (top[0].person || top[0].org) {
		out[top[0]] = true
	}
	return out
}
