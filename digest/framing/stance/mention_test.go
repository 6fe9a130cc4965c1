package stance

import (
	"strings"
	"testing"
)

// mention returns the byte range of the first occurrence of name in s.
func findMention(t *testing.T, s, name string) (int, int) {
	t.Helper()
	i := strings.Index(s, name)
	if i < 0 {
		t.Fatalf("%q not in %q", name, s)
	}
	return i, i + len(name)
}

func TestMention(t *testing.T) {
	tests := []struct {
		sentence, target, want string
	}{
		{"Critics accused Senator Blake of lying to voters and called the scheme a disgrace.", "Senator Blake", Negative},
		{"Mayor Ortiz was praised for her brave and effective handling of the floods.", "Mayor Ortiz", Positive},
		{"Residents applauded Judge Moreau, calling her ruling wise and fair.", "Judge Moreau", Positive},
		{"The inquiry found that Director Vance had falsified records and misled investigators.", "Director Vance", Negative},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			start, end := findMention(t, tt.sentence, tt.target)
			r := Mention(tt.sentence, start, end)
			got, conf := r.Label, r.Confidence
			if got != tt.want {
				t.Errorf("Mention(%q, %q) = %s (%.2f), want %s", tt.sentence, tt.target, got, conf, tt.want)
			}
			if conf < 1.0/3 || conf > 1 {
				t.Errorf("confidence %v outside [1/3,1] for the most probable class", conf)
			}
		})
	}
}

// TestMentionNeutralReport checks that plain reporting is not read as
// criticism. The model is trained on sentences chosen for their sentiment,
// so on flat sentences neutral and positive are often close; the test asks
// only that negative is the least likely.
func TestMentionNeutralReport(t *testing.T) {
	for _, s := range []string{
		"Governor Hale will travel to the capital on Tuesday, his office said.",
		"The committee scheduled a hearing with Governor Hale for next week.",
	} {
		start, end := findMention(t, s, "Governor Hale")
		r := Mention(s, start, end)
		if r.Probs[0] >= r.Probs[1] || r.Label == Negative {
			t.Errorf("%q: %s %v, want negative least likely", s, r.Label, r.Probs)
		}
	}
}

func TestAnalyzeMentionQuotedAndEvidence(t *testing.T) {
	s := `Ms. Lind said, "Director Park is a corrupt and dishonest man."`
	start, end := findMention(t, s, "Director Park")
	r := Mention(s, start, end)
	if r.Label != Negative {
		t.Fatalf("label = %s, want negative (%+v)", r.Label, r)
	}
	if !r.Quoted {
		t.Errorf("Quoted = false for an evaluation inside quotation marks")
	}
	if len(r.Evidence) == 0 {
		t.Fatalf("no evidence")
	}
	for _, e := range r.Evidence {
		if s[e.Start:e.End] != e.Text {
			t.Errorf("evidence %+v does not match the sentence slice %q", e, s[e.Start:e.End])
		}
	}
}

func TestMentionBadOffsets(t *testing.T) {
	s := "The minister resigned."
	for _, r := range [][2]int{{-5, 3}, {10, 2}, {0, 999}, {999, 1000}, {0, 0}} {
		res := Mention(s, r[0], r[1])
		label, conf := res.Label, res.Confidence
		if label != Negative && label != Neutral && label != Positive {
			t.Errorf("Mention(%v) label %q", r, label)
		}
		if conf < 0 || conf > 1 {
			t.Errorf("Mention(%v) confidence %v", r, conf)
		}
	}
	if label := Mention("", 0, 0).Label; label != Neutral {
		t.Errorf("empty sentence: %s, want neutral", label)
	}
}

func TestTarget(t *testing.T) {
	critical := strings.Join([]string{
		"Senator Tom Blake faced a storm of criticism on Monday.",
		"Critics said Blake had lied to voters and betrayed the people who trusted him.",
		"He was accused of corruption and abuse of power.",
		"Blake's disastrous handling of the budget has been condemned as reckless and dishonest.",
		"Even allies now call Blake a liability and a disgrace.",
		"Blake denied wrongdoing.",
	}, " ")
	praising := strings.Join([]string{
		"Dr. Ana Quill, the hospital's director, was honoured on Friday.",
		"Colleagues praised Quill as a brilliant, generous and inspiring leader.",
		"She was celebrated for her courage and her wonderful work with children.",
		"Quill won wide admiration for a successful and innovative programme.",
		"Patients thanked Quill for her kindness.",
	}, " ")
	tests := []struct {
		name, body, target, want string
		minMentions              int
	}{
		{"critical", critical, "Tom Blake", Negative, 6},
		{"praising", praising, "Ana Quill", Positive, 4},
		{"absent", critical, "Ana Quill", Neutral, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Target("", tt.body, tt.target)
			if r.Mentions < tt.minMentions {
				t.Errorf("Mentions = %d, want >= %d", r.Mentions, tt.minMentions)
			}
			if r.Label != tt.want {
				t.Errorf("Label = %s (probs %v, %d mentions), want %s", r.Label, r.Probs, r.Mentions, tt.want)
			}
			for _, e := range r.Evidence {
				if tt.body[e.Start:e.End] != e.Text {
					t.Errorf("evidence %+v is not the body slice %q", e, tt.body[e.Start:e.End])
				}
			}
		})
	}
}

func TestTargetNeedsRepeatedCriticism(t *testing.T) {
	once := strings.Join([]string{
		"Senator Tom Blake spoke to reporters in the capital on Monday.",
		"Critics accused Blake of lying to voters and betraying the people who trusted him.",
		"Blake will travel to the coast next week.",
	}, "\n")
	if r := Target("", once, "Tom Blake"); r.Label != Neutral {
		t.Errorf("one critical sentence: %s (probs %v), want neutral", r.Label, r.Probs)
	}
}

func TestTargetClass(t *testing.T) {
	tests := []struct {
		critical, approving int
		want                string
	}{
		{0, 0, Neutral},
		{1, 0, Neutral},
		{2, 0, Negative},
		{2, 2, Neutral},
		{3, 2, Negative},
		{0, 1, Neutral},
		{0, 2, Positive},
		{1, 3, Positive},
	}
	for _, tt := range tests {
		if got := Labels[targetClass(tt.critical, tt.approving)]; got != tt.want {
			t.Errorf("class(%d critical, %d approving) = %s, want %s", tt.critical, tt.approving, got, tt.want)
		}
	}
}

func TestTargetMentionsOneSentencePerParagraph(t *testing.T) {
	body := "Tom Blake spoke on Monday and left later\nBlake left. He said nothing.\n\nLater Blake returned"
	ms := targetMentions("", body, "Tom Blake")
	var got []string
	for _, m := range ms {
		if strings.Contains(m.sentence, "\n") {
			t.Errorf("sentence %q spans a line break", m.sentence)
		}
		if body[m.base+m.start:m.base+m.end] != m.sentence[m.start:m.end] {
			t.Errorf("mention %q does not map into the body", m.sentence[m.start:m.end])
		}
		got = append(got, m.sentence[m.start:m.end])
	}
	if want := "Tom Blake|Blake|He|Blake"; strings.Join(got, "|") != want {
		t.Errorf("mentions %q, want %q", strings.Join(got, "|"), want)
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].sentenceIndex <= ms[i-1].sentenceIndex {
			t.Errorf("sentence indexes %d, %d do not increase", ms[i-1].sentenceIndex, ms[i].sentenceIndex)
		}
	}
}

func TestTargetAliases(t *testing.T) {
	tests := []struct {
		target string
		want   []string
	}{
		{"Hillary Clinton", []string{"Hillary Clinton", "Clinton"}},
		{"Justice Department", []string{"Justice Department"}},
		{"Sasha and Malia Obama", []string{"Sasha and Malia Obama", "Sasha", "Malia Obama", "Obama"}},
		{"police/federal authorities", []string{"police/federal authorities", "police", "federal authorities"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		got := targetAliases(tt.target)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("aliases(%q) = %q, want %q", tt.target, got, tt.want)
		}
	}
}

func TestFindMentionsWholeWords(t *testing.T) {
	s := "Trumpet players met Trump; later TRUMP and trump spoke."
	got := findMentions(s, []string{"Trump"})
	if len(got) != 1 || s[got[0][0]:got[0][1]] != "Trump" || got[0][0] != 20 {
		t.Errorf("mentions = %v", got)
	}
	if got := findMentions(s, []string{"trump"}); len(got) != 3 {
		t.Errorf("lower-case alias should match case-insensitively, got %v", got)
	}
}

func FuzzMention(f *testing.F) {
	f.Add("Critics accused Senator Blake of lying.", 16, 29)
	f.Add(`He said "no, not bad" about “Park”`, 29, 35)
	f.Add("", 0, 0)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		r := Mention(s, start, end)
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(s) || e.Start > e.End || s[e.Start:e.End] != e.Text {
				t.Fatalf("bad evidence %+v", e)
			}
		}
	})
}

func BenchmarkMention(b *testing.B) {
	s := "Critics accused Senator Blake of lying to voters on Tuesday, but his allies in the state legislature praised his record on jobs."
	start := strings.Index(s, "Senator Blake")
	Mention(s, start, start+len("Senator Blake")) // load the model outside the timing
	cpu0 := processCPU()
	for b.Loop() {
		Mention(s, start, start+len("Senator Blake"))
	}
	// On a shared machine wall time per op mostly measures the neighbours;
	// the process's CPU time per op is the cost itself.
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkTarget(b *testing.B) {
	var body strings.Builder
	for i := range 40 {
		switch i % 4 {
		case 0:
			body.WriteString("Senator Tom Blake spoke to reporters in the capital on Monday about the budget. ")
		case 1:
			body.WriteString("Critics said Blake had misled the committee and wasted public money. ")
		case 2:
			body.WriteString("He denied the claims and said the figures would be published next month. ")
		default:
			body.WriteString("The state's revenue fell by four percent in the last quarter, officials said. ")
		}
	}
	text := body.String()
	b.SetBytes(int64(len(text)))
	cpu0 := processCPU()
	for b.Loop() {
		Target("Blake under fire over budget", text, "Tom Blake")
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func FuzzTarget(f *testing.F) {
	f.Add("Blake under fire", "Critics said Tom Blake lied. He denied it.\nBlake's plan failed.", "Tom Blake")
	f.Add("", "“Quill is brilliant,” she said. Quill smiled.", "ana quill")
	f.Add("x", "", "Sasha and Malia Obama/police")
	f.Fuzz(func(t *testing.T, title, body, target string) {
		r := Target(title, body, target)
		if r.Label != Negative && r.Label != Neutral && r.Label != Positive {
			t.Fatalf("label %q", r.Label)
		}
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		for _, e := range r.Evidence {
			if e.Start < 0 || e.End > len(body) || e.Start > e.End || body[e.Start:e.End] != e.Text {
				t.Fatalf("bad evidence %+v", e)
			}
		}
	})
}
