package framing

// maxActors is how many actors Labels reports.
const maxActors = 4

// Analyze labels one article. body is the analysed text; all offsets are byte
// offsets into body. title may be "". Analyze is safe for concurrent use and
// never fails: empty or odd input gives neutral labels and no cues.
func Analyze(title, body string) Labels { return AnalyzeWith(title, body, Signals{}) }

// AnalyzeWith is Analyze with what the feed says about the article's genre
// besides its text (see Signals); the text decides the genre only when no
// signal does.
func AnalyzeWith(title, body string, s Signals) Labels {
	d := newDoc(title, body)
	cues := findCues(d)
	l := Labels{
		Genre:  genreOf(d, cues, s),
		Frames: scoreFrames(d),
		Cues:   cues,
	}
	prior, threshold := writerPolarity(d, cues, l.Genre.Label == Reporting), stanceThreshold
	if l.Genre.Label == Reporting {
		threshold = reportingStanceThreshold
	}
	ents := findActors(d, cues)
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
		l.Actors = append(l.Actors, actorStance(d, e, mentionStance, prior, share, threshold))
	}
	l.Tone = tone(d, l)
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
// shows. The score is in [-1,1]; quoted reports whether the evaluation is
// inside quotation marks (a quoted speaker's).
func mentionStance(d *doc, s *sentence, a, b int) (score float64, quoted bool) {
	if s == nil { // a and b are byte offsets into the title
		r := AnalyzeMention(d.title, a, b)
		return modelWeight*(r.Probs[2]-r.Probs[0]) + (1-modelWeight)*lexiconSigned(d.title, a, b), false
	}
	start, end := d.toks[a].Start-s.span.Start, d.toks[b-1].End-s.span.Start
	r := AnalyzeMention(s.span.Text, start, end)
	return modelWeight*(r.Probs[2]-r.Probs[0]) + (1-modelWeight)*lexiconDoc(d, *s, a, b), r.Quoted
}

// modelWeight is the share of the trained model in mentionStance.
const modelWeight = 0.5
