package cluster

import (
	"fmt"
	"strings"
	"testing"
)

func TestZZConfusion(t *testing.T) {
	recs := loadTune(t, "ecb-dev")
	for _, th := range []float64{0.25, 0.3, 0.35} {
		ix := New(Config{Threshold: th})
		sys := make([]int64, len(recs))
		for i, r := range recs {
			sys[i] = ix.Add(Doc{ID: int64(i + 1), Title: r.Title, Text: r.Text}).Story
		}
		// pairs in same predicted cluster: same gold / same topic diff gold / diff topic
		var same, topic, cross int
		for i := range recs {
			for j := i + 1; j < len(recs); j++ {
				if sys[i] != sys[j] {
					continue
				}
				switch {
				case recs[i].Gold == recs[j].Gold:
					same++
				case strings.Split(recs[i].Gold, "_")[0] == strings.Split(recs[j].Gold, "_")[0]:
					topic++
				default:
					cross++
				}
			}
		}
		fmt.Printf("th %.2f same %d within-topic %d cross %d\n", th, same, topic, cross)
	}
}

func TestZZTopics(t *testing.T) {
	recs := loadTune(t, "ecb-dev")
	ix := New(Config{Threshold: 0.3})
	sys := make([]int64, len(recs))
	for i, r := range recs {
		sys[i] = ix.Add(Doc{ID: int64(i + 1), Title: r.Title, Text: r.Text}).Story
	}
	bad := map[string]int{}
	for i := range recs {
		for j := i + 1; j < len(recs); j++ {
			if sys[i] == sys[j] && recs[i].Gold != recs[j].Gold {
				bad[strings.Split(recs[i].Gold, "_")[0]]++
			}
		}
	}
	fmt.Println(bad)
	// print titles of topic with most
	for _, tp := range []string{"ecb-1", "ecb-13", "ecb-12"} {
		for i, r := range recs {
			if strings.Split(r.Gold, "_")[0] == tp {
				fmt.Printf("%s %s story %d: %.80s\n", tp, r.Gold, sys[i], r.Title)
			}
		}
	}
}
