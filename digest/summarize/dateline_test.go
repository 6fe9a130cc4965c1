package summarize

import "testing"

func TestStripDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(CNN)The mayor resigned on Monday after a long dispute.", "The mayor resigned on Monday after a long dispute."},
		{"Boston (CNN) The mayor resigned on Monday.", "The mayor resigned on Monday."},
		{"New Delhi, India (CNN)Floods cut off three villages.", "Floods cut off three villages."},
		{"WASHINGTON (AP) — The Senate passed the bill late Friday.", "The Senate passed the bill late Friday."},
		{"NAIROBI, Kenya — Rains returned to the region this week.", "Rains returned to the region this week."},
		{"LONDON - Shares fell sharply in early trading.", "Shares fell sharply in early trading."},
		{"( CNN ) The mayor resigned on Monday .", "The mayor resigned on Monday ."},
		{"-LRB- CNN -RRB- The mayor resigned on Monday .", "The mayor resigned on Monday ."},
		{"-lrb- cnn -rrb- the mayor resigned on monday .", "the mayor resigned on monday ."},
		// Not datelines.
		{"The mayor (a Democrat) resigned on Monday.", "The mayor (a Democrat) resigned on Monday."},
		{"NASA launched a new probe on Monday.", "NASA launched a new probe on Monday."},
		{"(CNN)Short.", "(CNN)Short."},
		{"US-China talks resumed on Monday.", "US-China talks resumed on Monday."},
	}
	for _, tt := range tests {
		if got := stripDateline(tt.in); got != tt.want {
			t.Errorf("stripDateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripDatelineKeepsParentheticals(t *testing.T) {
	for _, s := range []string{
		"The mayor (D) resigned on Monday.",
		"Senator Ortiz (R-Texas) voted against the bill.",
		"Senator Ortiz (R) voted against the bill.",
	} {
		if got := stripDateline(s); got != s {
			t.Errorf("stripDateline(%q) = %q", s, got)
		}
	}
}
