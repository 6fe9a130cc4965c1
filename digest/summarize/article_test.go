package summarize

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// harbourArticle is a short news item written for these tests.
const harbourArticle = `The harbour authority approved a plan on Monday to dredge the main shipping channel, ending a two-year dispute with local fishing crews.
The work will deepen the channel by three metres so that larger cargo ships can dock at the eastern pier.
"This is a good day for the port," said the authority's chair, Mira Costa.
Fishing crews had warned that dredging would disturb the breeding grounds of several fish species.
Under the plan, work will pause every spring during the breeding season.
The project is expected to cost 40 million euros and take eighteen months.
Some residents said they still feared more lorry traffic through the old town.`

func TestArticleShort(t *testing.T) {
	for n := 1; n <= 3; n++ {
		got := Article("Harbour dredging plan approved", harbourArticle, n)
		if len(got) == 0 || len(got) > n {
			t.Fatalf("n=%d: got %d sentences: %q", n, len(got), got)
		}
		if !strings.HasPrefix(got[0], "The harbour authority approved") {
			t.Errorf("n=%d: summary does not start with the lead: %q", n, got)
		}
		checkExtract(t, harbourArticle, got)
	}
	got := Article("", harbourArticle, 3)
	if len(got) < 2 {
		t.Errorf("want 2–3 sentences for a 7-sentence article, got %q", got)
	}
	for _, s := range got {
		if strings.HasPrefix(s, `"`) {
			t.Errorf("a pure quotation was picked: %q", s)
		}
	}
}

// checkExtract fails unless every summary sentence occurs in body, in body
// order, without repeats.
func checkExtract(t *testing.T, body string, summary []string) {
	t.Helper()
	at := 0
	for _, s := range summary {
		k := strings.Index(body[at:], s)
		if k < 0 {
			t.Fatalf("%q is not a sentence of the body after offset %d", s, at)
		}
		at += k + len(s)
	}
}

func TestArticleEdgeCases(t *testing.T) {
	tests := []struct {
		name, body string
		n, want    int
	}{
		{"empty", "", 3, 0},
		{"blank", " \n\t", 3, 0},
		{"no sentences asked", harbourArticle, 0, 0},
		{"negative", harbourArticle, -2, 0},
		{"fewer sentences than asked", "Rain fell all day in the valley. The river rose by a metre.", 3, 2},
		{"one fragment", "breaking", 3, 0}, // a word is no summary: the headline says more
		{"one short sentence", "The harbour reopened on Monday.", 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Article("", tt.body, tt.n)
			if len(got) != tt.want {
				t.Errorf("Article(%q, %d) = %q, want %d sentences", tt.body, tt.n, got, tt.want)
			}
		})
	}
}

func TestArticleSkipsRepeats(t *testing.T) {
	body := `The council closed the Elm Street library on Tuesday after a long vote.
The Elm Street library was closed by the council on Tuesday after a long vote.
A new branch will open in the old post office next spring.
Readers will get a free shuttle bus in the meantime.`
	got := Article("", body, 2)
	if len(got) != 2 || strings.Contains(got[1], "closed by the council") {
		t.Errorf("the repeated sentence was picked: %q", got)
	}
}

func TestArticleHonoursTitle(t *testing.T) {
	body := `Officials met for three hours in the capital on Friday.
Lunch was served in the main hall.
The finance minister announced a freeze on fuel taxes until the end of the year.
Delegates left in the early evening.`
	got := Article("Finance minister freezes fuel taxes", body, 2)
	found := false
	for _, s := range got {
		found = found || strings.Contains(s, "fuel taxes")
	}
	if !found {
		t.Errorf("the sentence matching the title was not picked: %q", got)
	}
}

// syntheticArticle builds a news-like text of about words words with
// distinct sentences (so none is dropped as a repeat).
func syntheticArticle(words int) string {
	subjects := []string{"The council", "Mayor Ortiz", "The transport agency", "Local traders", "The regional court", "Union leaders", "The health board", "Residents"}
	verbs := []string{"approved", "criticised", "delayed", "questioned", "funded", "rejected", "reviewed", "welcomed"}
	objects := []string{"the harbour plan", "a new bus route", "the library closure", "the budget for schools", "a tax on parking", "the bridge repairs", "the housing scheme", "a ban on night flights"}
	tails := []string{"on Tuesday", "after a long debate", "despite protests outside", "in a narrow vote", "citing rising costs", "for the third time this year"}
	var b strings.Builder
	n := 0
	for i := 0; n < words; i++ {
		s := fmt.Sprintf("%s %s %s %s, according to %d officials. ",
			subjects[i%len(subjects)], verbs[(i/2)%len(verbs)], objects[(i/3)%len(objects)], tails[i%len(tails)], i+2)
		b.WriteString(s)
		n += len(strings.Fields(s))
	}
	return b.String()
}

func BenchmarkArticle(b *testing.B) {
	for _, words := range []int{200, 700, 2000} {
		body := syntheticArticle(words)
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			cpu := processCPU()
			for b.Loop() {
				Article("Council approves harbour plan", body, 3)
			}
			reportCPU(b, cpu)
		})
	}
}

// reportCPU adds the process CPU time per operation since start to the
// benchmark's metrics: on a busy machine it is the stable figure.
func reportCPU(b *testing.B, start time.Duration) {
	if cpu := processCPU(); cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu-start)/float64(b.N), "cpu-ns/op")
	}
}
