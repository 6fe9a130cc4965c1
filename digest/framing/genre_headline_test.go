package framing

import "testing"

func TestHeadlineCueAndDropPraise(t *testing.T) {
	tests := []struct {
		title, cue, dropped string
		ok                  bool
	}{
		{"Council signs ferry contract with Orrin Lines", "", "", false},
		{"Will the ferry contract save the island?", "?", "", false},
		{"Voss secures bold Kestrel Strait accord with Ostrava", "bold", "Voss secures Kestrel Strait accord with Ostrava", true},
		{"I was wrong about the ferry", "I", "", false},
		{"Council slams door on reckless ferry deal", "slams", "", false}, // a verb is never dropped
	}
	for _, tt := range tests {
		if got := HeadlineCue(tt.title); got != tt.cue {
			t.Errorf("HeadlineCue(%q) = %q, want %q", tt.title, got, tt.cue)
		}
		got, ok := DropPraise(tt.title)
		if ok != tt.ok || ok && got != tt.dropped {
			t.Errorf("DropPraise(%q) = %q, %v; want %q, %v", tt.title, got, ok, tt.dropped, tt.ok)
		}
	}
}
