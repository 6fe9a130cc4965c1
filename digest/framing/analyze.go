package framing

// maxActors is how many actors Labels reports.
const maxActors = 4

// Analyze labels one article. body is the analysed text; all offsets are byte
// offsets into body. title may be "".
func Analyze(title, body string) Labels {
	d := newDoc(title, body)
	cues := findCues(d)
	l := Labels{
		Genre:  classifyGenre(d, collectGenre(d, cues)),
		Frames: scoreFrames(d),
		Cues:   cues,
	}
	prior := writerPolarity(d, cues)
	if l.Genre.Label == Reporting {
		prior = 0
	}
	ents := findActors(d)
	top := 0
	for i, e := range ents {
		if i == maxActors {
			break
		}
		top += len(e.mentions)
	}
	for _, e := range ents {
		if len(l.Actors) == maxActors {
			break
		}
		if len(e.mentions) < 2 && len(l.Actors) >= 2 {
			break
		}
		share := float64(len(e.mentions)) / float64(max(top, 1))
		l.Actors = append(l.Actors, actorStance(d, e, mentionStance, prior, share))
	}
	l.Tone = tone(d, l, prior)
	if l.Actors == nil {
		l.Actors = []Actor{}
	}
	if l.Frames == nil {
		l.Frames = []Frame{}
	}
	if l.Cues == nil {
		l.Cues = []Cue{}
	}
	return l
}

// mentionStance blends the trained per-mention model (MentionStance, via
// its class probabilities) with the project's evaluative lexicon, which knows
// praise words, pejoratives and loaded words the model's training data rarely
// shows. The result is in [-1,1].
func mentionStance(sentence string, start, end int) float64 {
	r := AnalyzeMention(sentence, start, end)
	model := r.Probs[2] - r.Probs[0]
	return modelWeight*model + (1-modelWeight)*lexiconSigned(sentence, start, end)
}

// modelWeight is the share of the trained model in mentionStance.
const modelWeight = 0.5
