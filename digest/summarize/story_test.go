package summarize

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// bridgeDocs are three outlets' articles about one story, written for these
// tests: all report the closure, two the cost, one the mayor's quote.
var bridgeDocs = []Doc{
	{Source: "Valley Herald", Title: "Old river bridge closed after inspectors find cracks", Text: `Engineers closed the old river bridge on Sunday after inspectors found deep cracks in two of its supports.
Repairs are expected to cost about 12 million dollars.
Commuters face detours of up to forty minutes.`},
	{Source: "Daily Courier", Title: "River bridge shut", Text: `The old river bridge was closed on Sunday when inspectors found cracks in its supports.
"Safety comes first," Mayor Ortiz said.
The city plans to run extra ferries during the repairs.`},
	{Source: "Metro Wire", Title: "Cracks close river bridge", Text: `Inspectors found cracks in the supports of the old river bridge, and engineers closed it on Sunday.
Officials put the cost of repairs at about 12 million dollars.
A local bakery reported a drop in morning customers.`},
}

func TestStoryAttributesRecurringContent(t *testing.T) {
	got := Story(bridgeDocs, 3)
	if len(got) == 0 || len(got) > 3 {
		t.Fatalf("got %d sentences: %+v", len(got), got)
	}
	first := got[0]
	if !strings.Contains(strings.ToLower(first.Text), "closed") || len(first.Sources) != 3 {
		t.Errorf("first sentence should be the closure, carried by all three outlets: %+v", first)
	}
	closures := 0
	for _, s := range got {
		if strings.Contains(s.Text, "closed") {
			closures++
		}
		if len(s.Sources) == 0 {
			t.Errorf("sentence without a source: %+v", s)
		}
		if own := ownSource(s.Text); own == "" || s.Sources[0] != own {
			t.Errorf("sentence %q: sources %v should start with its own outlet %q", s.Text, s.Sources, own)
		}
	}
	if closures > 1 {
		t.Errorf("the closure is told %d times: %+v", closures, got)
	}
	for i := 1; i < len(got); i++ {
		if len(got[i].Sources) > len(got[i-1].Sources) {
			t.Errorf("not ordered by coverage: %+v", got)
		}
	}
}

func ownSource(sentence string) string {
	for _, d := range bridgeDocs {
		if strings.Contains(d.Text, sentence) {
			return d.Source
		}
	}
	return ""
}

func TestStoryEdgeCases(t *testing.T) {
	if got := Story(nil, 3); got != nil {
		t.Errorf("Story(nil) = %+v", got)
	}
	if got := Story(bridgeDocs, 0); got != nil {
		t.Errorf("Story(n=0) = %+v", got)
	}
	if got := Story([]Doc{{Source: "A"}, {Source: "B", Text: "  "}}, 3); got != nil {
		t.Errorf("Story(empty texts) = %+v", got)
	}
	one := Story(bridgeDocs[:1], 2)
	if len(one) == 0 || !slices.Equal(one[0].Sources, []string{"Valley Herald"}) {
		t.Errorf("single outlet: %+v", one)
	}
	// Two feeds of the same outlet do not corroborate each other.
	same := []Doc{bridgeDocs[0], {Source: "Valley Herald", Text: bridgeDocs[1].Text}}
	for _, s := range Story(same, 3) {
		if len(s.Sources) != 1 {
			t.Errorf("one outlet counted twice: %+v", s)
		}
	}
}

func BenchmarkStory(b *testing.B) {
	for _, docs := range []int{3, 10, 30, 100} {
		in := make([]Doc, docs)
		for i := range in {
			in[i] = Doc{Source: fmt.Sprintf("Outlet %d", i), Title: "Council approves harbour plan", Text: syntheticArticle(300 + 40*i)}
		}
		b.Run(fmt.Sprintf("docs=%d", docs), func(b *testing.B) {
			cpu := processCPU()
			for b.Loop() {
				Story(in, 3)
			}
			reportCPU(b, cpu)
		})
	}
}
