package digest

import "testing"

func TestStandsAlone(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Orrin Lines will keep two crossings a day until March.", true},
		{"It makes no exception for the island's school runs.", false},
		{"But the council says it cannot pay.", false},
		{"Orrin Lines disputes that figure but has not published its own.", false},
		{"“Otherwise the island is cut off,” Mayor Rook said.", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := standsAlone(tt.s); got != tt.want {
			t.Errorf("standsAlone(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
