package text

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ word, want string }{
		// Short words and exceptions.
		{"at", "at"}, {"news", "news"}, {"dying", "die"}, {"skies", "sky"}, {"only", "onli"},
		// Step 0 and 1a.
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "tie"}, {"cats", "cat"},
		{"gas", "gas"}, {"gaps", "gap"}, {"kiwis", "kiwi"}, {"president's", "presid"},
		// Step 1b and 1c.
		{"agreed", "agre"}, {"feed", "feed"}, {"plastered", "plaster"}, {"hopping", "hop"},
		{"sized", "size"}, {"filing", "file"}, {"falling", "fall"}, {"happy", "happi"},
		{"cried", "cri"}, {"obeyed", "obey"}, {"saying", "say"}, {"succeeded", "succeed"},
		{"innings", "inning"},
		// Steps 2 to 5.
		{"relational", "relat"}, {"generalization", "general"}, {"communication", "communic"},
		{"hopefulness", "hope"}, {"electricity", "electr"}, {"adjustable", "adjust"},
		{"adoption", "adopt"}, {"fluently", "fluentli"}, {"generously", "generous"},
		{"controlling", "control"}, {"roll", "roll"}, {"cease", "ceas"}, {"rate", "rate"},
		// Inflections meet.
		{"talks", "talk"}, {"talked", "talk"}, {"talking", "talk"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestStemKeepsUTF8(t *testing.T) {
	for _, w := range []string{"café", "naïvely", "über", "zürich's", "'", "''s", "ééé"} {
		got := Stem(w)
		if !validUTF8(got) {
			t.Errorf("Stem(%q) = %q: not valid UTF-8", w, got)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"generalization", "talking", "presidents", "the", "controlling", "happily"}
	for i := 0; b.Loop(); i++ {
		Stem(words[i%len(words)])
	}
}
