package feed

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsdigest/newsdigest/store"
)

func TestInterleaveByHost(t *testing.T) {
	feeds := []store.Feed{
		{URL: "https://a.example/1"}, {URL: "https://a.example/2"}, {URL: "https://A.example/3"},
		{URL: "https://b.example/1"}, {URL: "::bad"}, {URL: "https://b.example/2"},
	}
	want := []int{0, 3, 4, 1, 5, 2}
	if diff := cmp.Diff(want, interleaveByHost(feeds)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := interleaveByHost(nil); len(got) != 0 {
		t.Errorf("no feeds: %v", got)
	}
}
