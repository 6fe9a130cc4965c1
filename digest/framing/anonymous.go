package framing

// Anonymous sourcing: claims attributed to people the reader cannot identify.

var anonRoles = map[string]bool{
	"official": true, "officials": true, "ally": true, "allies": true, "aide": true, "aides": true,
	"adviser": true, "advisers": true, "advisor": true, "advisors": true, "insider": true, "insiders": true,
	"source": true, "sources": true, "expert": true, "experts": true, "analyst": true, "analysts": true,
	"diplomat": true, "diplomats": true, "person": true, "people": true, "staffer": true, "staffers": true,
	"observer": true, "observers": true, "strategist": true, "strategists": true, "operative": true,
	"lawmaker": true, "lawmakers": true, "executive": true, "executives": true, "member": true, "members": true,
	"confidant": true, "confidants": true, "spokesperson": true, "figure": true, "figures": true,
}

var vagueQuantifiers = map[string]bool{"a": true, "an": true, "one": true, "two": true, "three": true,
	"several": true, "some": true, "many": true, "multiple": true, "other": true, "unnamed": true,
	"anonymous": true, "senior": true}

var sayVerbs = map[string]bool{"said": true, "say": true, "says": true, "told": true, "tell": true,
	"believe": true, "believes": true, "warned": true, "warn": true, "warns": true, "claimed": true,
	"claim": true, "claims": true, "added": true, "suggested": true, "insisted": true, "argued": true,
	"argue": true, "noted": true, "revealed": true, "confirmed": true, "indicated": true, "speaking": true}

var anonPhrases = newMatcher([]string{
	"on condition of anonymity", "on the condition of anonymity", "asked not to be named",
	"asked not to be identified", "declined to be named", "declined to be identified",
	"requested anonymity", "spoke anonymously", "speaking anonymously", "not authorized to speak",
	"not authorised to speak", "granted anonymity", "who could not be named", "insiders say",
	"it is understood", "sources say", "sources said", "sources told",
})

var sourceTails = map[string]bool{"familiar": true, "close": true, "knowledgeable": true, "briefed": true, "involved": true, "inside": true, "within": true, "aware": true}

// Reach of the anonymous-source pattern in words, by hand, on our own
// examples: the modifiers of a role ("a senior Trump ally", "sources
// familiar with the talks") and the distance to the verb of saying.
const (
	sourceModifiers = 4
	sayReach        = 3
)

// anonymousSources finds unnamed attributions: "sources familiar with the
// talks", "a senior administration official said", "people who asked not to
// be named".
func anonymousSources(d *doc) []Cue {
	var out []Cue
	for i := 0; i < len(d.words); i++ {
		if n := d.match(anonPhrases, i); n > 0 {
			out = append(out, d.cue(AnonymousSource, i, i+n))
			i += n - 1
			continue
		}
		if !d.is(i, anonRoleWords) {
			continue
		}
		s := d.sents[d.tokSent[i]]
		// A name right after the role identifies the source: "an aide, John Smith".
		if i+1 < s.tokB && isCapitalised(d.toks[i+1].Text) {
			continue
		}
		if i+2 < s.tokB && d.gapIs(i, ",") && isCapitalised(d.toks[i+1].Text) && isCapitalised(d.toks[i+2].Text) {
			continue
		}
		// Walk left over modifiers to a vague quantifier: "a senior Trump ally".
		a := i
		vague := false
		for k := 0; k < sourceModifiers && a > s.tokA && d.adjacent(a-1); k++ {
			w := d.words[a-1]
			if vagueQuantifiers[w] {
				a--
				vague = true
				if w == "a" || w == "an" || w == "one" {
					break
				}
				continue
			}
			if w == "the" || sayVerbs[w] || w == "to" || w == "by" || w == "and" {
				break
			}
			a--
		}
		plural := d.words[i] == "sources" || d.words[i] == "insiders" || d.words[i] == "people" || d.words[i] == "experts" || d.words[i] == "officials" || d.words[i] == "analysts" || d.words[i] == "observers" || d.words[i] == "diplomats" || d.words[i] == "allies" || d.words[i] == "aides"
		if a == i+0 && !plural {
			continue
		}
		if !vague && !plural {
			continue
		}
		if !vague {
			a = i // a bare plural: "sources", "experts"
		}
		b := i + 1
		// "sources familiar with the conversation", "people close to the talks"
		tail := b < s.tokB && sourceTails[d.words[b]] && d.adjacent(i)
		if tail {
			b++
			for k := 0; k < sourceModifiers && b < s.tokB && d.adjacent(b-1) && !sayVerbs[d.words[b]]; k++ {
				b++
			}
		}
		attributed := tail
		for k := max(s.tokA, a-sayReach); k < min(s.tokB, b+sayReach) && !attributed; k++ {
			attributed = sayVerbs[d.words[k]] || (d.words[k] == "according" && k+1 < s.tokB && d.words[k+1] == "to")
		}
		if d.words[i] == "people" && !tail {
			continue // "people" alone is too common to be a source
		}
		if !attributed {
			continue
		}
		out = append(out, d.cue(AnonymousSource, a, b))
		i = b - 1
	}
	return out
}
