package framing

// wordClass is a bit standing for one word set that labellers test every
// token against. A token's classes are worked out once per distinct token
// text (wordInfos) from the normalised word, so that a labeller's loop over
// the document tests a bit instead of looking the word up in a map.
type wordClass uint64

// classSets are the sets behind the classes, in bit order.
var classSets []map[string]bool

// newWordClass returns the class of the words of set. It is called only
// while the package's variables are initialised: the token cache must see
// every class from the first document on.
func newWordClass(set map[string]bool) wordClass {
	if masksSealed.Load() || len(classSets) == 64 {
		panic("framing: word class made after the first document, or more than 64")
	}
	classSets = append(classSets, set)
	return 1 << (len(classSets) - 1)
}

// classesOf returns the classes the normalised word w belongs to.
func classesOf(w string) wordClass {
	var c wordClass
	for k, set := range classSets {
		if set[w] {
			c |= 1 << k
		}
	}
	return c
}

// The classes of the sets tested against every token of a document.
var (
	anonRoleWords      = newWordClass(anonRoles)
	firstPersonWords   = newWordClass(firstPerson)
	secondPersonWords  = newWordClass(secondPerson)
	prescriptiveWords  = newWordClass(prescriptive)
	attributionWords   = newWordClass(attribution)
	futureModalWords   = newWordClass(futureModals)
	attributionVerbSet = newWordClass(attributionVerbs)
	speechVerbWords    = newWordClass(speechVerbs)
)

// is reports whether token i's word belongs to class c.
func (d *doc) is(i int, c wordClass) bool { return d.infos[i].classes&c != 0 }
