package bot

import (
	"fmt"
	"strings"
)

// shrinkOutlets is how many outlets per lean group stay linked once a
// brief digest must shrink; the rest are counted ("+3 more").
const shrinkOutlets = 2

// Shrink returns m made shorter by step, for adapters fitting a Brief
// message into one post: step 1 keeps one summary sentence per story, 2
// also keeps at most two outlets per lean group, 3 also drops the framing
// lines, and each step beyond drops the last story (saying how many more
// there were). ok is false when nothing is left to drop; the adapter then
// cuts what remains.
func Shrink(m Message, step int) (out Message, ok bool) {
	if step <= 0 {
		return m, true
	}
	out = m
	out.Sections = make([]Section, len(m.Sections))
	copy(out.Sections, m.Sections)
	for i := range out.Sections {
		s := &out.Sections[i]
		if step >= 1 {
			s.Text, _, _ = strings.Cut(s.Text, "\n")
		}
		if step >= 2 {
			s.Outlets = fewerOutlets(s.Outlets)
		}
		if step >= 3 {
			s.Framing = ""
		}
	}
	drop := step - 3
	if drop <= 0 {
		return out, true
	}
	if drop >= len(out.Sections) {
		return out, false
	}
	keep := len(out.Sections) - drop
	out.Sections = out.Sections[:keep]
	if len(out.Thread) > keep {
		out.Thread = out.Thread[:keep]
	}
	out.Text = strings.TrimSpace(out.Text + fmt.Sprintf(" %d more not shown here.", drop))
	return out, true
}

// fewerOutlets keeps the first shrinkOutlets outlets of each group and
// counts the rest in a last, unlinked entry.
func fewerOutlets(groups []OutletGroup) []OutletGroup {
	out := make([]OutletGroup, len(groups))
	for i, g := range groups {
		out[i] = OutletGroup{Lean: g.Lean, Outlets: g.Outlets}
		if len(g.Outlets) > shrinkOutlets {
			kept := append([]Link(nil), g.Outlets[:shrinkOutlets]...)
			out[i].Outlets = append(kept, Link{Text: fmt.Sprintf("+%d more", len(g.Outlets)-shrinkOutlets)})
		}
	}
	return out
}
