package delivery

import (
	"errors"
	"testing"
)

func TestStoryFilter(t *testing.T) {
	tests := []struct {
		name             string
		include, exclude []string
		text             string
		want             bool
	}{
		{"no filters", nil, nil, "anything", true},
		{"include matches", []string{`(?i)\bbudget\b`}, nil, "City Budget passes", true},
		{"include misses", []string{`(?i)\bbudget\b`}, nil, "Port strike", false},
		{"any include", []string{"strike", "budget"}, nil, "budget vote", true},
		{"exclude wins", []string{"vote"}, []string{"(?i)football"}, "Football club vote", false},
		{"exclude only", nil, []string{"sport"}, "science news", true},
		{"case ignored", []string{"Budget"}, nil, "budget", true},
		{"blank pattern ignored", []string{" "}, nil, "anything", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			match, err := storyFilter(tt.include, tt.exclude)
			if err != nil {
				t.Fatal(err)
			}
			if got := match(tt.text); got != tt.want {
				t.Errorf("filter(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
	if _, err := storyFilter(nil, []string{"("}); !errors.Is(err, errBadPattern) {
		t.Errorf("bad pattern: err = %v, want errBadPattern", err)
	}
}
