package framing

// maxActors is how many actors Labels reports.
const maxActors = 4

// Analyze labels one article. body is the analysed text; all offsets are byte
// offsets into body, except a title cue's. title may be "". Analyze is safe
// for concurrent use and never fails: empty or odd input gives neutral
// labels and no cues.
func Analyze(title, body string) Labels { return AnalyzeWith(title, body, Signals{}) }

// AnalyzeWith is Analyze with what the feed says about the article's genre
// besides its text (see Signals); the text decides the genre only when no
// signal does.
func AnalyzeWith(title, body string, s Signals) Labels {
	d := newDoc(title, body)
	defer d.release()
	found := findCues(d)
	ents := findActors(d, found)
	v := findVoices(d, ents)
	cues, quoted := splitVoices(d, dropLegalDoubt(d, found, v), v)
	l := Labels{
		Genre:  genreOf(d, cues, s),
		Frames: scoreFrames(d),
	}
	titleCues, titleQuoted := headlineCues(title)
	writer := writerPolarity(d, cues, titleCues, l.Genre.Label == Reporting)
	l.Actors = topActors(d, ents, v, cues, opEdLean(l.Genre.Label, writer, cues, titleCues), l.Genre.Label == Reporting)
	l.Cues = append(titleCues, cues...)
	l.Tone = tone(l, writer, l.Cues)
	l.QuotedCues = append(titleQuoted, quoted...)
	if l.Actors == nil {
		l.Actors = []Actor{}
	}
	if l.Frames == nil {
		l.Frames = []Frame{}
	}
	if l.Cues == nil {
		l.Cues = []Cue{}
	}
	if l.QuotedCues == nil {
		l.QuotedCues = []Cue{}
	}
	return l
}

// topActors returns the stance toward the most mentioned actors: at most
// maxActors, and past the first two only those named more than once. lean
// is the side an opinion piece takes as a whole (opEdLean), which goes to
// its target (opEdTargets). cues are the outlet's own body cues.
func topActors(d *doc, ents []*entity, v voices, cues []Cue, lean string, report bool) []Actor {
	var top []*entity
	for _, e := range ents {
		if len(top) == maxActors || (len(e.mentions) < 2 && len(top) >= 2) {
			break
		}
		top = append(top, e)
	}
	targets := opEdTargets(d, top)
	out := make([]Actor, 0, len(top))
	for _, e := range top {
		l := Neutral
		if targets[e] {
			l = lean
		}
		out = append(out, actorStance(d, e, v, cues, l, report))
	}
	return out
}
