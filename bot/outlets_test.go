package bot

import "testing"

func TestOutletsLine(t *testing.T) {
	a, b, c := Link{Text: "A"}, Link{Text: "B"}, Link{Text: "C"}
	tests := []struct {
		name   string
		groups []OutletGroup
		want   string
	}{
		{"rated", []OutletGroup{{Lean: "left", Outlets: []Link{a, b}}, {Lean: "center-right", Outlets: []Link{c}}},
			"Left: A, B · Center-right: C"},
		{"unrated beside rated", []OutletGroup{{Lean: "right", Outlets: []Link{a}}, {Outlets: []Link{b, c}}},
			"Right: A · Unrated: B, C"},
		{"none rated", []OutletGroup{{Outlets: []Link{a, b}}}, "Outlets: A, B"},
		{"no outlets", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := OutletsLine(tt.groups, func(l string) string { return l + ":" }, func(l Link) string { return l.Text })
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
