package framing

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

func TestGenreDist(t *testing.T) {
	p := os.Getenv("GENRE_FILE")
	if p == "" {
		t.Skip()
	}
	f, _ := os.Open(p)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	genre, tone := map[string]int{}, map[string]int{}
	stance := map[string]int{}
	n := 0
	for sc.Scan() {
		var r struct {
			Text  string `json:"text"`
			Title string `json:"title"`
		}
		json.Unmarshal(sc.Bytes(), &r)
		l := Analyze(r.Title, r.Text)
		genre[l.Genre.Label]++
		tone[l.Tone]++
		for _, a := range l.Actors {
			stance[a.Stance]++
		}
		if l.Genre.Label == Opinion && os.Getenv("GENRE_SHOW") != "" && n < 60 {
			d := newDoc(r.Title, r.Text)
			f := collectGenre(d, l.Cues)
			ev := []string{}
			for _, e := range f.evaluative {
				ev = append(ev, e.Text)
			}
			t.Logf("words=%d fp=%d sp=%d q=%d presc=%d eval=%d %v op=%d attr=%d qs=%.2f", f.words, len(f.firstPerson), len(f.secondPerson), len(f.questions), len(f.prescriptive), len(f.evaluative), ev, len(f.opinionMarks), f.attributions, f.quotedShare)
		}
		n++
	}
	t.Log(n, genre, tone, stance)
}
