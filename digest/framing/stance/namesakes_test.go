package stance

import (
	"cmp"
	"testing"
)

func TestTargetMentionsSkipNamesakes(t *testing.T) {
	tests := []struct {
		sentence, target string
		want             int
	}{
		{"Sandra Jackson pleaded guilty to one tax count.", "", 0},
		{"On Thursday, Jackson pleaded guilty.", "", 1},
		{"Jesse Louis Jackson spoke.", "", 1},
		{"Like Jackson, she spoke. We like it.", "", 1},
		{"House Democrats and Senate Democrats met.", "Democrats", 2},
		{"Hillary Rodham Clinton and Bill Clinton met.", "Hillary Clinton", 1},
		{"Jesse Jackson Jr. pleaded guilty.", "", 1},
		{"Rep. Jackson pleaded guilty.", "", 1},
		{"Mr. Jackson and Gov. Jackson met.", "", 2},
		{"When Jackson arrived, Former President Jackson spoke.", "", 2},
		{"Jackson spoke.", "", 1},
		{"The court heard (Jackson) speak.", "", 1},
	}
	for _, tt := range tests {
		target := cmp.Or(tt.target, "Jesse Jackson")
		if got := targetMentions("", tt.sentence, target); len(got) != tt.want {
			t.Errorf("%q: %d mentions of %s, want %d", tt.sentence, len(got), target, tt.want)
		}
	}
}
