package text

import (
	"slices"
	"strings"
	"unicode"
)

// Language detection from stop-word profiles: news prose in any language is
// full of its function words ("the", "der", "le", "el"), and a few dozen of
// them per language tell the languages apart on a paragraph. Scripts other
// than Latin decide by themselves (Cyrillic, Greek, Arabic, Hebrew,
// Devanagari, Hangul, kana, Han, Thai). The lists are ours, written from the
// grammar of each language.

// stopProfiles are the most frequent function words of each language, by
// ISO 639-1 code.
var stopProfiles = map[string]string{
	"en": "the of and to in is was that for on with as by at from his her are were be been has have had it its this which who will would not but they their said an or after about than more also",
	"de": "der die das und ist nicht ein eine einen dem den des mit sich auf für von zu im auch als wird werden wurde hat haben sind war bei nach aus noch wie über oder aber nur sie er",
	"fr": "le la les des et est une un du dans pour que qui pas sur au aux ce cette il elle ont été sont avec par plus ne se son sa ses mais ou leur nous vous",
	"es": "el la los las del y es en que un una por para con no se su sus al lo como más pero fue ha han son está este esta entre sobre también muy",
	"it": "il lo la gli le dei delle della del di che è un una per con non si sono nel nella alla al da ha hanno anche come più ma questo questa essere stato",
	"pt": "o a os as do da dos das e é em um uma que para com não se por no na ao mais como mas foi são está pelo pela também seu sua ele ela",
	"nl": "de het een en van is dat die in op te niet met voor zijn er aan ook als bij door wordt werd heeft hebben maar om nog uit naar over",
	"sv": "och att det som en är av för på med den till har inte om var ett jag de från men vi kan så eller efter när också sig vid",
	"da": "og at det som en er af for på med den til har ikke om var et jeg de fra men vi kan så eller efter når også sig ved",
	"no": "og at det som en er av for på med den til har ikke om var et jeg de fra men vi kan så eller etter når også seg ved",
	"pl": "i w na z że się nie do to jest o jak po od za przez dla ale jego ich czy był była są także oraz który która które",
	"tr": "ve bir bu da de için ile olarak olan gibi daha çok ama ancak değil kadar sonra göre her en ise şu ki mi",
	"id": "dan yang di ke dari ini itu dengan untuk tidak pada adalah dalam akan juga oleh karena bahwa ada sudah atau mereka kami",
	"ro": "și în la cu de pe că nu se este din un o pentru mai care sunt au fost ca dar iar sau acest această",
	"fi": "ja on ei että se oli ovat hän mutta tai kun myös joka jotka kuin sen ole niin mukaan vielä",
}

// langWeight is one language a word belongs to, with the word's weight
// there: 1 divided by how many profiles share the word, so "de" (Dutch,
// Spanish, Portuguese, …) counts for little and "the" for much.
type langWeight struct {
	lang   int // index into profileLangs
	weight float64
}

// profileLangs are the profiled languages, in a fixed order.
var profileLangs = func() []string {
	var out []string
	for lang := range stopProfiles {
		out = append(out, lang)
	}
	slices.Sort(out)
	return out
}()

// profileWeight maps a word to the languages that use it.
var profileWeight = func() map[string][]langWeight {
	langsOf := map[string][]int{}
	for i, lang := range profileLangs {
		for _, w := range strings.Fields(stopProfiles[lang]) {
			langsOf[w] = append(langsOf[w], i)
		}
	}
	out := make(map[string][]langWeight, len(langsOf))
	for w, langs := range langsOf {
		for _, l := range langs {
			out[w] = append(out[w], langWeight{l, 1 / float64(len(langs))})
		}
	}
	return out
}()

// Detection limits.
const (
	// minLanguageWords is the fewest words Language decides on; a shorter
	// text (a headline alone) is too little to tell.
	minLanguageWords = 8
	// minStopShare is the share of words that must be the winner's function
	// words: running prose has a third or more; a list of names has none.
	minStopShare = 0.08
	// scriptShare is the share of letters in one non-Latin script that
	// decides the language by itself.
	scriptShare = 0.4
	// sampleBytes bounds the text looked at: the first paragraphs decide.
	sampleBytes = 2000
)

// Language returns the ISO 639-1 code of the language s is written in
// ("en", "de", "ru", "zh", …), or "" when s is too short or too unlike any
// profile to tell.
func Language(s string) string {
	if len(s) > sampleBytes {
		s = s[:sampleBytes]
		for len(s) > 0 && !utf8Start(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
	}
	if lang := scriptLanguage(s); lang != "" {
		return lang
	}
	scores := make([]float64, len(profileLangs))
	words := 0
	var buf [32]byte
	for i := 0; i < len(s); {
		// A word is a run of letters (and apostrophes); only ASCII letters
		// are lower-cased here, which is all the profiles' words need.
		j := i
		for j < len(s) && (isWordByte(s[j]) || s[j] >= 0x80) {
			j++
		}
		if j == i {
			i++
			continue
		}
		w := s[i:j]
		i = j
		words++
		if len(w) > len(buf) {
			continue
		}
		n := copy(buf[:], w)
		for k := range n {
			if c := buf[k]; c >= 'A' && c <= 'Z' {
				buf[k] = c + 'a' - 'A'
			}
		}
		for _, lw := range profileWeight[string(buf[:n])] {
			scores[lw.lang] += lw.weight
		}
	}
	if words < minLanguageWords {
		return ""
	}
	best, bestScore := "", 0.0
	for i, lang := range profileLangs {
		if scores[i] > bestScore {
			best, bestScore = lang, scores[i]
		}
	}
	if bestScore/float64(words) < minStopShare {
		return ""
	}
	return best
}

func utf8Start(b byte) bool { return b < 0x80 || b >= 0xC0 }

// isWordByte reports whether an ASCII byte belongs to a word.
func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' }

// scriptLanguage decides by writing system when most letters are of one
// non-Latin script.
func scriptLanguage(s string) string {
	counts := map[string]int{}
	letters := 0
	ukrainian := 0
	nonLatin := 0
	for _, r := range s {
		if r < 0x80 {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				letters++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case r < 0x250:
			continue
		case unicode.Is(unicode.Cyrillic, r):
			counts["ru"]++
			if strings.ContainsRune("іїєґІЇЄҐ", r) {
				ukrainian++
			}
		case unicode.Is(unicode.Greek, r):
			counts["el"]++
		case unicode.Is(unicode.Arabic, r):
			counts["ar"]++
		case unicode.Is(unicode.Hebrew, r):
			counts["he"]++
		case unicode.Is(unicode.Devanagari, r):
			counts["hi"]++
		case unicode.Is(unicode.Hangul, r):
			counts["ko"]++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts["ja"]++
		case unicode.Is(unicode.Han, r):
			counts["zh"]++
		case unicode.Is(unicode.Thai, r):
			counts["th"]++
		}
	}
	for _, n := range counts {
		nonLatin += n
	}
	if letters == 0 || float64(nonLatin)/float64(letters) < scriptShare {
		return ""
	}
	// Japanese mixes kana with Han; any real share of kana makes it Japanese.
	if counts["ja"] > 0 && float64(counts["ja"]+counts["zh"])/float64(letters) >= scriptShare && counts["ja"]*10 >= counts["zh"] {
		return "ja"
	}
	for _, lang := range []string{"ru", "el", "ar", "he", "hi", "ko", "zh", "th"} {
		if float64(counts[lang])/float64(letters) >= scriptShare {
			if lang == "ru" && ukrainian*50 >= counts["ru"] {
				return "uk"
			}
			return lang
		}
	}
	return ""
}

// LanguageNames are the English names of the languages Language returns.
var LanguageNames = map[string]string{
	"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
	"nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "pl": "Polish", "tr": "Turkish",
	"id": "Indonesian", "ro": "Romanian", "fi": "Finnish", "ru": "Russian", "uk": "Ukrainian", "el": "Greek",
	"ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "th": "Thai",
}
