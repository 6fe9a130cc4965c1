package chart

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// The Go fonts (BSD licence, like Go itself) are compiled into the binary,
// so drawing needs no system fonts and no network.
var (
	parseOnce     sync.Once
	regular, bold *opentype.Font
	parseErr      error
)

func fonts() (*opentype.Font, *opentype.Font, error) {
	parseOnce.Do(func() {
		if regular, parseErr = opentype.Parse(goregular.TTF); parseErr != nil {
			return
		}
		bold, parseErr = opentype.Parse(gobold.TTF)
	})
	return regular, bold, parseErr
}

// faces are the type sizes of one drawing. A font.Face keeps scratch
// buffers and is not safe for concurrent use, so each drawing makes its
// own (cheap: the parsed fonts are shared).
type faces struct {
	heading, sub, title, label, small font.Face
}

func newFaces() (*faces, error) {
	reg, bo, err := fonts()
	if err != nil {
		return nil, fmt.Errorf("chart: font: %w", err)
	}
	mk := func(f *opentype.Font, size float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	}
	var fs faces
	for _, x := range []struct {
		dst  *font.Face
		f    *opentype.Font
		size float64
	}{
		{&fs.heading, bo, sizeHeading}, {&fs.sub, reg, sizeSub}, {&fs.title, bo, sizeTitle},
		{&fs.label, bo, sizeLabel}, {&fs.small, reg, sizeSmall},
	} {
		face, err := mk(x.f, x.size)
		if err != nil {
			return nil, fmt.Errorf("chart: face: %w", err)
		}
		*x.dst = face
	}
	return &fs, nil
}

func (fs *faces) close() {
	for _, f := range []font.Face{fs.heading, fs.sub, fs.title, fs.label, fs.small} {
		f.Close()
	}
}

// width is the advance of s in face, in pixels.
func width(face font.Face, s string) int {
	return font.MeasureString(face, s).Ceil()
}

// wrap breaks s into at most maxLines lines no wider than w; what does not
// fit ends the last line with "…". A single word wider than w is cut.
func wrap(face font.Face, s string, w, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for i := 0; i < len(words); i++ {
		word := words[i]
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if width(face, try) <= w {
			cur = try
			continue
		}
		if cur == "" { // one word wider than the line
			cur = clip(face, word, w)
			continue
		}
		lines = append(lines, cur)
		cur = ""
		if len(lines) == maxLines {
			lines[maxLines-1] = ellipsize(face, lines[maxLines-1], w)
			return lines
		}
		i-- // the word starts the next line
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// ellipsize ends line with "…", keeping the longest prefix that fits in w
// (found by halving, so a long line costs a few measurements, not one per
// character).
func ellipsize(face font.Face, line string, w int) string {
	runes := []rune(line)
	fits := func(n int) bool {
		return width(face, strings.TrimRight(string(runes[:n]), " ,;:-–—")+"…") <= w
	}
	lo, hi := 0, len(runes) // fits(lo) holds or lo == 0; the answer is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "…"
	}
	return strings.TrimRight(string(runes[:lo]), " ,;:-–—") + "…"
}

// clip cuts a word that is wider than w on its own.
func clip(face font.Face, word string, w int) string {
	if width(face, word) <= w {
		return word
	}
	return ellipsize(face, word, w)
}
