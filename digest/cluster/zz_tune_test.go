package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

type tuneRec struct{ ID, Title, Text, Gold string }

func loadTune(t *testing.T, name string) []tuneRec {
	f, err := os.Open("/work/shared/eval/cluster/" + name + ".jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var out []tuneRec
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r tuneRec
		json.Unmarshal(sc.Bytes(), &r)
		out = append(out, r)
	}
	return out
}

func b3(gold []string, sys []int64) (float64, float64, float64) {
	both := map[string]int{}
	g := map[string]int{}
	s := map[int64]int{}
	for i := range gold {
		both[fmt.Sprint(gold[i], "|", sys[i])]++
		g[gold[i]]++
		s[sys[i]]++
	}
	var p, r float64
	for i := range gold {
		n := float64(both[fmt.Sprint(gold[i], "|", sys[i])])
		p += n / float64(s[sys[i]])
		r += n / float64(g[gold[i]])
	}
	p /= float64(len(gold))
	r /= float64(len(gold))
	return p, r, 2 * p * r / (p + r)
}

func runTune(recs []tuneRec, th float64) (float64, float64, float64) {
	ix := New(Config{Threshold: th})
	gold := make([]string, len(recs))
	sys := make([]int64, len(recs))
	for i, r := range recs {
		gold[i] = r.Gold
		sys[i] = ix.Add(Doc{ID: int64(i + 1), Title: r.Title, Text: r.Text}).Story
	}
	return b3(gold, sys)
}

func TestZZTune(t *testing.T) {
	ecb := loadTune(t, "ecb-dev")
	as := loadTune(t, "allsides-dev")
	for th := 0.10; th <= 0.50; th += 0.025 {
		_, _, f1 := runTune(ecb, th)
		_, _, f2 := runTune(as, th)
		fmt.Printf("th %.3f ecb %.4f as %.4f mean %.4f\n", th, f1, f2, (f1+f2)/2)
	}
}

func runOracle(recs []tuneRec, th float64) (float64, float64, float64) {
	ix := New(Config{Threshold: th})
	for i, r := range recs {
		ix.df.observe(docTerms(Doc{ID: int64(i + 1), Title: r.Title, Text: r.Text}).all)
	}
	gold := make([]string, len(recs))
	sys := make([]int64, len(recs))
	for i, r := range recs {
		gold[i] = r.Gold
		sys[i] = ix.Add(Doc{ID: int64(i + 1), Title: r.Title, Text: r.Text}).Story
	}
	return b3(gold, sys)
}

func TestZZOracle(t *testing.T) {
	ecb := loadTune(t, "ecb-dev")
	as := loadTune(t, "allsides-dev")
	for th := 0.20; th <= 0.45; th += 0.025 {
		_, _, f1 := runOracle(ecb, th)
		_, _, f2 := runOracle(as, th)
		fmt.Printf("oracle th %.3f ecb %.4f as %.4f mean %.4f\n", th, f1, f2, (f1+f2)/2)
	}
}

func TestZZErrors(t *testing.T) {
	name := os.Getenv("TUNE_SET")
	recs := loadTune(t, name)
	ix := New(Config{Threshold: 0.33})
	first := map[int64]int{}
	goldFirst := map[string]int{}
	for i, r := range recs {
		a := ix.Add(Doc{ID: int64(i + 1), Title: r.Title, Text: r.Text})
		if a.Story == int64(i+1) {
			first[a.Story] = i
			if j, ok := goldFirst[r.Gold]; ok {
				fmt.Printf("MISS  %q\n      joined-gold-with %q (story head %q)\n", r.Title, recs[j].Title, "")
			}
		} else {
			j := first[a.Story]
			if recs[j].Gold != r.Gold {
				fmt.Printf("WRONG %.3f %q\n      -> %q\n", a.Score, r.Title, recs[j].Title)
			}
		}
		if _, ok := goldFirst[r.Gold]; !ok {
			goldFirst[r.Gold] = i
		}
	}
}

func sweep(t *testing.T, label string, set func(float64), vals []float64) {
	ecb := loadTune(t, "ecb-dev")
	as := loadTune(t, "allsides-dev")
	for _, v := range vals {
		set(v)
		be, ba, bm := 0.0, 0.0, 0.0
		var te, ta, tm float64
		for th := 0.15; th <= 0.55; th += 0.025 {
			_, _, f1 := runTune(ecb, th)
			_, _, f2 := runTune(as, th)
			if f1 > be {
				be, te = f1, th
			}
			if f2 > ba {
				ba, ta = f2, th
			}
			if (f1+f2)/2 > bm {
				bm, tm = (f1+f2)/2, th
			}
		}
		fmt.Printf("%s=%.2f ecb %.4f@%.3f as %.4f@%.3f mean %.4f@%.3f\n", label, v, be, te, ba, ta, bm, tm)
	}
}

func TestZZSweep(t *testing.T) {
	switch os.Getenv("SWEEP") {
	case "idf":
		sweep(t, "idfFloor", func(v float64) { idfFloor = v }, []float64{0, 0.25, 0.5, 1})
	case "title":
		sweep(t, "title", func(v float64) { titleMentions = v }, []float64{1, 2, 3, 5})
	case "entity":
		sweep(t, "entity", func(v float64) { entityBoost = v }, []float64{1, 1.5, 2, 3})
	case "lead":
		leadTokens = 50
		sweep(t, "lead50", func(v float64) { leadMentions = v }, []float64{1.5, 2, 3})
		leadTokens = 100
		sweep(t, "lead100", func(v float64) { leadMentions = v }, []float64{1.5, 2, 3})
	case "num":
		numberBoost = true
		sweep(t, "num", func(v float64) { entityBoost = v }, []float64{1.25, 1.5, 2})
	case "bigram":
		sweep(t, "bigram", func(v float64) { bigramWeight = v }, []float64{0.25, 0.5, 1})
	case "wtitle":
		sweep(t, "wtitle", func(v float64) { weightTitle = v }, []float64{0.25, 0.5, 1})
	case "wnames":
		sweep(t, "wnames", func(v float64) { weightNames = v }, []float64{0.25, 0.5, 1})
	case "link":
		sweep(t, "link", func(v float64) { linkMode = int(v) }, []float64{1, 2, 3, 4})
	case "year":
		sweep(t, "year", func(v float64) { yearPenalty = v }, []float64{0.2, 0.4, 0.6})
	case "combo":
		var lt, lm, nb, lk, yp, eb, tm float64
		fmt.Sscanf(os.Getenv("COMBO"), "%f %f %f %f %f %f %f", &lt, &lm, &nb, &lk, &yp, &eb, &tm)
		leadTokens, leadMentions, numberBoost, linkMode, yearPenalty, entityBoost, titleMentions = int(lt), lm, nb > 0, int(lk), yp, eb, tm
		sweep(t, os.Getenv("COMBO"), func(v float64) {}, []float64{0})
	case "story":
		sweep(t, "storyTerms", func(v float64) { storyTerms = int(v) }, []float64{50, 100, 200, 100000})
	}
}

func TestZZSimhash(t *testing.T) {
	for _, sw := range []int{1, 2, 3} {
	_ = sw
		hist := map[int]int{}
		for _, name := range []string{"ecb-dev", "allsides-dev"} {
			recs := loadTune(t, name)
			fps := make([]uint64, len(recs))
			for i, r := range recs {
				fps[i] = Fingerprint(r.Title + "\n" + r.Text)
			}
			for i := range recs {
				for j := i + 1; j < len(recs); j++ {
					d := popcount(fps[i] ^ fps[j])
					if d <= 8 {
						hist[d]++
					}
				}
			}
		}
		base := fixtures[0].text
		ed := popcount(Fingerprint(base) ^ Fingerprint(strings.Replace(base, "Monday", "Tuesday", 1)))
		orig := fixtures[4]
		c := "By a staff reporter. " + strings.Replace(orig.text, "No injuries were reported.", "", 1)
		ed2 := popcount(Fingerprint(orig.title+"\n"+orig.text) ^ Fingerprint(orig.title+"\n"+c))
		fmt.Println("shingle", sw, "pairs by distance<=8", hist, "edit", ed, ed2)
	}
}

func TestZZDupPairs(t *testing.T) {

	for _, name := range []string{"ecb-dev", "allsides-dev"} {
		recs := loadTune(t, name)
		fps := make([]uint64, len(recs))
		for i, r := range recs {
			fps[i] = Fingerprint(r.Text)
		}
		for i := range recs {
			for j := i + 1; j < len(recs); j++ {
				if d := popcount(fps[i] ^ fps[j]); d <= 5 {
					fmt.Printf("DUP %d %v %q | %q\n", d, recs[i].Gold == recs[j].Gold, recs[i].Title, recs[j].Title)
				}
			}
		}
	}
	orig := fixtures[4]
	for _, c := range []string{"By a staff reporter. " + orig.text, strings.Replace(orig.text, "No injuries were reported.", "", 1), orig.text + " More later."} {
		fmt.Println("edit", popcount(Fingerprint(orig.text)^Fingerprint(c)))
	}
}
