package bot

import "strings"

// OutletsLine lists a brief story's outlets by lean, as every platform
// shows them: "Left: A, B · Right: C". Groups keep their order (left to
// right, unrated last). A group is called by its lean label, capitalised;
// outlets without one are "Unrated" beside rated ones and just "Outlets"
// when the operator rated none. label renders a group's name with its
// colon and name renders an outlet, each in the platform's markup.
func OutletsLine(groups []OutletGroup, label func(string) string, name func(Link) string) string {
	rated := false
	for _, g := range groups {
		rated = rated || g.Lean != ""
	}
	parts := make([]string, 0, len(groups))
	for _, g := range groups {
		l := "Outlets"
		switch {
		case g.Lean != "":
			l = capitalise(oneLineText(g.Lean))
		case rated:
			l = "Unrated"
		}
		names := make([]string, 0, len(g.Outlets))
		for _, o := range g.Outlets {
			names = append(names, name(o))
		}
		parts = append(parts, label(l)+" "+strings.Join(names, ", "))
	}
	return strings.Join(parts, " · ")
}
