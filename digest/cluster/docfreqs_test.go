package cluster

import (
	"strings"
	"testing"

	"github.com/newsdigest/newsdigest/digest/text"
)

func TestBackgroundTable(t *testing.T) {
	bg := loadBackground()
	if bg.docs < 1000 || len(bg.df) < 5000 {
		t.Fatalf("embedded table: %v documents, %d terms; want a real table", bg.docs, len(bg.df))
	}
	// Function words of news are common in it, names of this test's places are not.
	ix := New(Config{})
	key := func(word string) uint32 {
		term, ok := termOf(text.Tokens(word)[0])
		if !ok {
			t.Fatalf("%q is not a term", word)
		}
		return termKey(term)
	}
	common, rare := key("president"), key("Lindenport")
	if !(ix.df.idf(common) < ix.df.idf(rare)-2) {
		t.Errorf("idf(president) %.2f, idf(Lindenport) %.2f: want the common word much lighter", ix.df.idf(common), ix.df.idf(rare))
	}
	for _, bad := range []string{"", "# only a comment\n", "said\t3\n", "docs\t0\n", "docs\t10\nsaid\tmany\n", "docs\t10\nsaid\t-1\n"} {
		if _, err := ReadBackground(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadBackground(%q) succeeded", bad)
		}
	}
}

func TestDocFreqChangesAndLoad(t *testing.T) {
	docs := fixtureDocs(t0, 1)
	ix := New(Config{})
	first := ix.DocFreqChanges()
	if !first.Full || first.Docs != loadBackground().docs*backgroundWeight || len(first.Terms) != len(loadBackground().df) {
		t.Fatalf("first changes: full %v, %v docs, %d terms; want the whole background table", first.Full, first.Docs, len(first.Terms))
	}
	ix.Add(docs[0])
	changed := ix.DocFreqChanges()
	if changed.Full || changed.Docs != first.Docs+1 || len(changed.Terms) == 0 || len(changed.Terms) > 60 {
		t.Fatalf("after one doc: full %v, %v docs, %d terms; want only that doc's terms", changed.Full, changed.Docs, len(changed.Terms))
	}
	if again := ix.DocFreqChanges(); len(again.Terms) != 0 {
		t.Errorf("nothing added, yet %d terms changed", len(again.Terms))
	}

	// A restarted index loads what was saved and does not count the docs
	// it restores a second time.
	saved := DocFreqs{Docs: changed.Docs, Terms: map[uint32]float64{}}
	for k, c := range first.Terms {
		saved.Terms[k] = c
	}
	for k, c := range changed.Terms {
		saved.Terms[k] = c
	}
	restarted := New(Config{})
	restarted.LoadDocFreqs(saved)
	restarted.Restore(docs[0], docs[0].ID)
	if restarted.df.n != ix.df.n {
		t.Errorf("restored index counts %v docs, the first %v", restarted.df.n, ix.df.n)
	}
	for k, c := range ix.df.df {
		if restarted.df.df[k] != c {
			t.Fatalf("term %d: restored %v, first %v", k, restarted.df.df[k], c)
		}
	}
	a := ix.Add(docs[2])
	b := restarted.Add(docs[2])
	if a != b {
		t.Errorf("the restarted index decided %+v, the first %+v", b, a)
	}
	// Nothing stored yet: keep the background table.
	fresh := New(Config{})
	fresh.LoadDocFreqs(DocFreqs{})
	if fresh.df.n != loadBackground().docs*backgroundWeight {
		t.Errorf("loading nothing replaced the background table")
	}
}

func TestHalvingSavesEverything(t *testing.T) {
	ix := New(Config{})
	ix.DocFreqChanges()
	ix.df.n = dfHorizon - 1
	ix.Add(fixtureDocs(t0, 1)[0])
	if d := ix.DocFreqChanges(); !d.Full || d.Docs != dfHorizon/2 {
		t.Errorf("after halving: full %v, %v docs; want a full save of %v", d.Full, d.Docs, dfHorizon/2)
	}
}
