package testseed

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/digest/framing"
	"github.com/newsdigest/newsdigest/digest/text"
	"github.com/newsdigest/newsdigest/store"
)

// outlet is one invented news outlet and the lean label an operator gave it.
type outlet struct{ name, lean, host string }

var outlets = []outlet{
	{"Civic Wire", "left", "civicwire.example"},
	{"Valley Courier", "center-left", "valleycourier.example"},
	{"Harbour Gazette", "center", "harbourgazette.example"},
	{"The Northern Ledger", "center-right", "northernledger.example"},
	{"Meridian Daily", "right", "meridiandaily.example"},
	{"Eastpoint Post", "left", "eastpointpost.example"},
	{"Granite Times", "right", "granitetimes.example"},
	{"Tarrow Bulletin", "", "tarrowbulletin.example"},
	{"Kestrel Radio", "center", "kestrelradio.example"},
	{"Lisgar Observer", "center-left", "lisgarobserver.example"},
	{"Skerrow Standard", "center-right", "skerrowstandard.example"},
	{"Old Mill Review", "", "oldmillreview.example"},
}

// events are invented news events: a headline and what happened.
var events = []struct{ title, what string }{
	{"Ferry operator adds night crossings to the islands", "The ferry operator will run two extra crossings each night from March"},
	{"Rail workers vote to strike over new rosters", "Members of the rail union voted by a large margin for a two-day strike"},
	{"City library opens a seed bank for gardeners", "Residents can borrow vegetable seeds and return seeds from their own harvest"},
	{"Senate committee rejects the fishing quota bill", "The committee voted seven to five against the bill after a long session"},
	{"Local bakery wins the national bread prize", "A family bakery in the old town won the prize for its rye loaf"},
	{"Storm closes the mountain pass for the weekend", "Snow and high winds forced the road authority to close the pass"},
	{"Museum returns carved panels to their village", "Four carved wooden panels went back to the village church they came from"},
	{"Water utility raises prices by four percent", "Households will pay about three crowns more a month from January"},
	{"Hospital opens a new children's ward", "The ward has 40 beds and a play area designed with local schools"},
	{"Council approves a cycle lane on Harbour Road", "The lane will run for two kilometres between the station and the quay"},
	{"Tech firm recalls 3,000 delivery robots", "Four robots caught fire while charging, the company said"},
	{"University finds bacterium that digests foam", "Researchers say the bacterium broke down most of a sample in three weeks"},
	{"Dockworkers end a two-day strike", "The union and the terminal operator agreed to talks on automation"},
	{"Orchestra names its first woman chief conductor", "She will take up the post next September on a five-year contract"},
	{"Regional airline cancels winter routes", "Three routes to the north will not fly between December and March"},
	{"Court delays ruling on the river dam", "The judges asked both sides for more evidence on fish stocks"},
	{"Farmers protest low milk prices outside parliament", "Several hundred farmers drove tractors to the square on Monday"},
	{"Schools extend lunch programme to all pupils", "Every pupil in the district will get a free hot lunch from autumn"},
	{"Bridge repairs finish two months early", "The old bridge reopens to lorries on Friday after repairs"},
	{"Power cut leaves 20,000 homes dark for hours", "A fault at a substation cut power across the eastern districts"},
}

// Digest returns a digest of n invented stories (at most 20 distinct
// events, repeated beyond that) with the variety a real one has: outlets
// on both sides and on one, unrated outlets, opinion pieces with loaded
// words, blindspots, long summaries and, every fifth story, a dozen
// outlets. Nothing in it comes from a real outlet.
func Digest(n int, until time.Time) digest.Digest {
	d := digest.Digest{GeneratedAt: until, Since: until.Add(-24 * time.Hour), Until: until}
	for i := 0; i < n; i++ {
		d.Stories = append(d.Stories, story(i, until))
	}
	return d
}

func story(i int, until time.Time) digest.Story {
	ev := events[i%len(events)]
	title := ev.title
	if i >= len(events) {
		title += fmt.Sprintf(" (part %d)", i/len(events)+1)
	}
	count := 1 + i%4
	if i%5 == 0 {
		count = len(outlets)
	}
	s := digest.Story{ID: int64(100 + i), Title: title, Coverage: map[string]int{}, Latest: until.Add(-time.Duration(i) * time.Minute)}
	s.Summary = []string{
		ev.what + ", according to the outlets that reported it on " + until.Format("Monday") + ".",
		"Officials said more details would follow later in the week, and several outlets added background on earlier decisions.",
		"A third sentence that a brief digest never shows.",
	}
	if i%3 == 0 {
		s.Summary[0] += " " + strings.Repeat("The report went on at length about the details of the decision and its history. ", 4)
	}
	for k := 0; k < count; k++ {
		o := outlets[(i+k)%len(outlets)]
		a := digest.StoryArticle{
			Title:     title,
			URL:       fmt.Sprintf("https://%s/news/%d/%d", o.host, i, k),
			Source:    o.name,
			Lean:      o.lean,
			Published: s.Latest.Add(-time.Duration(k) * time.Minute),
			Genre:     framing.Reporting,
			Tone:      framing.ToneNeutral,
		}
		if k == 1 {
			a.Title = "Why " + strings.ToLower(title[:1]) + title[1:] + " matters"
		}
		if k == 1 && i%2 == 0 {
			a.Genre, a.Tone = framing.Opinion, framing.ToneAnti
			a.Cues = []framing.Cue{{Type: framing.LoadedLanguage, Text: "a reckless gamble"}, {Type: framing.Hedge, Text: "could"}}
			a.Actors = []framing.Actor{{Name: "the council", Stance: framing.Negative, Voice: framing.VoiceAuthor,
				Evidence: []text.Span{{Text: "the council has once again failed the people it serves"}}}}
		}
		a.Line = a.Genre + " · tone " + a.Tone
		s.Articles = append(s.Articles, a)
		s.Outlets = append(s.Outlets, o.name)
		lean := o.lean
		if lean == "" {
			lean = "unrated"
		}
		s.Coverage[lean]++
	}
	left, right := 0, 0
	for lean, c := range s.Coverage {
		switch {
		case strings.Contains(lean, "left"):
			left += c
		case strings.Contains(lean, "right"):
			right += c
		}
	}
	if count > 1 && (left == 0) != (right == 0) {
		s.Blindspot = true
		if left == 0 {
			s.BlindspotNote = "no coverage yet from outlets you rated left"
		} else {
			s.BlindspotNote = "no coverage yet from outlets you rated right"
		}
	}
	return s
}

// SampleDigest is the digest `newsdigest digest -format json` makes of the
// sample feeds under examples/ (written by the team), saved in testdata so
// renderers can be tested on it without polling. When the analysis changes,
// replace its "stories" with those of `go run . digest -format json` (the
// fixed period and empty "feeds" at its top stay), then rewrite the chat
// goldens with `go test ./bot/... -update` and read the diff.
func SampleDigest(t testing.TB) digest.Digest {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(file), "testdata", "sample_digest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d digest.Digest
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// EventStore is Store with one article for each of the 20 invented events
// (so 20 stories), spread over five operator feeds with lean labels.
func EventStore(t testing.TB, now time.Time) *store.Store {
	t.Helper()
	feeds := []store.Feed{
		{URL: "https://civicwire.example/rss", Name: "Civic Wire", Lean: "left"},
		{URL: "https://valleycourier.example/rss", Name: "Valley Courier", Lean: "center-left"},
		{URL: "https://harbourgazette.example/rss", Name: "Harbour Gazette", Lean: "center"},
		{URL: "https://meridiandaily.example/rss", Name: "Meridian Daily", Lean: "right"},
		{URL: "https://tarrowbulletin.example/rss", Name: "Tarrow Bulletin"},
	}
	var arts []Article
	for i, ev := range events {
		arts = append(arts, Article{Feed: i % len(feeds), Title: ev.title, Body: ev.what + "."})
	}
	return Store(t, now, feeds, arts)
}
