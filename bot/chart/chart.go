// Package chart draws a digest's coverage as a PNG: one row per story with
// its title and a bar of its outlets split by the operator's lean labels,
// left to right, with the counts written out and blindspots marked. It is
// drawn in Go with the embedded Go fonts: no browser, no network.
package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
)

// FileName is the name the chart goes by as an attachment.
const FileName = "coverage.png"

// Layout, in pixels. The picture is 800 wide and chat apps show it about
// 320–400 wide on a phone, so every size here is about twice what should
// be legible there: story titles (27 px) land near 12 pt.
const (
	imageWidth  = 800
	margin      = 28
	sizeHeading = 30
	sizeSub     = 20
	sizeTitle   = 27
	sizeLabel   = 20
	sizeSmall   = 20
	titleLine   = 34 // line height of story titles
	smallLine   = 28 // line height of the counts and notes
	barHeight   = 34
	maxTitle    = 2 // lines of a story title before "…"
	rowPad      = 18
	gap         = 2 // white line between two segments of a bar
	swatch      = 18
	badgePad    = 8
)

var (
	white     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ink       = color.RGBA{0x1A, 0x1A, 0x1A, 0xFF}
	muted     = color.RGBA{0x55, 0x55, 0x55, 0xFF}
	rule      = color.RGBA{0xDD, 0xDD, 0xDD, 0xFF}
	badgeFill = color.RGBA{0x1A, 0x1A, 0x1A, 0xFF}
)

// PNG draws the chart of stories and encodes it.
func PNG(stories []digest.Story) ([]byte, error) {
	img, err := Draw(stories)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("chart: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// row is one story, laid out.
type row struct {
	title     []string
	split     []LeanCount
	counts    string
	blindspot string
	height    int
}

// Draw draws the chart of stories.
func Draw(stories []digest.Story) (*image.Paletted, error) {
	fs, err := newFaces()
	if err != nil {
		return nil, err
	}
	defer fs.close()
	inner := imageWidth - 2*margin
	rows := make([]row, len(stories))
	most := 0
	for i, s := range stories {
		r := &rows[i]
		r.split = Split(s.Coverage)
		most = max(most, total(r.split))
		r.title = wrap(fs.title, strconv.Itoa(i+1)+". "+oneLine(s.Title), inner, maxTitle)
		r.counts = countsText(r.split)
		if s.Blindspot {
			r.blindspot = oneLine(s.BlindspotNote)
			if r.blindspot == "" {
				r.blindspot = "one side of your lean labels is missing"
			}
		}
		r.height = rowPad + len(r.title)*titleLine + 6 + barHeight + 6 + smallLine + rowPad
		if r.blindspot != "" {
			r.height += smallLine + 4
		}
	}
	legend := legendItems(rows)
	headerH := margin + sizeHeading + 12 + smallLine + legendHeight(fs, legend, inner) + 10
	h := headerH
	for _, r := range rows {
		h += r.height
	}
	if len(rows) == 0 {
		h += smallLine + 2*rowPad
	}
	h += margin
	img := newCanvas(imageWidth, h)

	y := margin + sizeHeading
	img.text(fs.heading, ink, margin, y, "Coverage by outlet lean")
	y += 12 + sizeSub
	img.text(fs.sub, muted, margin, y, "Outlets per story, by the lean labels you gave the feeds")
	y = drawLegend(img, fs, legend, margin, y+10, inner)
	y += 10
	if len(rows) == 0 {
		img.text(fs.small, muted, margin, y+rowPad+sizeSmall, "No stories in this digest.")
		return img.img, nil
	}
	unit := float64(inner) / float64(max(most, 1))
	for _, r := range rows {
		img.fill(margin, y, inner, 1, rule)
		drawRow(img, fs, r, y, unit)
		y += r.height
	}
	return img.img, nil
}

// drawRow draws one story starting at top.
func drawRow(img *canvas, fs *faces, r row, top int, unit float64) {
	y := top + rowPad
	for _, line := range r.title {
		img.text(fs.title, ink, margin, y+sizeTitle-4, line)
		y += titleLine
	}
	y += 6
	drawBar(img, fs, r.split, margin, y, unit)
	y += barHeight + 6
	img.text(fs.small, muted, margin, y+sizeSmall, r.counts)
	y += smallLine
	if r.blindspot != "" {
		y += 4
		drawBadge(img, fs, margin, y, "BLINDSPOT", r.blindspot)
	}
}

// drawBar draws the outlets of one story as segments of unit pixels each,
// left to right, with each segment's count inside it when it fits.
func drawBar(img *canvas, fs *faces, split []LeanCount, x, y int, unit float64) {
	start := 0
	for _, c := range split {
		x0 := x + int(float64(start)*unit+0.5)
		x1 := x + int(float64(start+c.Count)*unit+0.5)
		start += c.Count
		if start > c.Count { // a white gap tells two neighbours apart without colour
			x0 += gap
		}
		if x1 <= x0 {
			continue
		}
		img.fill(x0, y, x1-x0, barHeight, c.Bucket.Colour())
		n := strconv.Itoa(c.Count)
		if w := width(fs.label, n); w+8 <= x1-x0 {
			tc := ink
			if c.Bucket.darkFill() {
				tc = white
			}
			img.text(fs.label, tc, x0+(x1-x0-w)/2, y+barHeight/2+sizeLabel/2-3, n)
		}
	}
}

// drawBadge draws a dark "BLINDSPOT" tag followed by the note.
func drawBadge(img *canvas, fs *faces, x, y int, tag, note string) {
	w := width(fs.label, tag) + 2*badgePad
	img.fill(x, y, w, smallLine, badgeFill)
	img.text(fs.label, white, x+badgePad, y+smallLine-7, tag)
	rest := imageWidth - margin - (x + w + 10)
	lines := wrap(fs.small, note, rest, 1)
	if len(lines) > 0 {
		img.text(fs.small, ink, x+w+10, y+smallLine-7, lines[0])
	}
}

// countsText writes a story's split out: "1 left · 2 center · 1 right · 4 outlets".
func countsText(split []LeanCount) string {
	if len(split) == 0 {
		return "no outlets"
	}
	parts := make([]string, 0, len(split)+1)
	for _, c := range split {
		parts = append(parts, strconv.Itoa(c.Count)+" "+c.Lean)
	}
	n := total(split)
	word := "outlets"
	if n == 1 {
		word = "outlet"
	}
	return strings.Join(parts, " · ") + "  (" + strconv.Itoa(n) + " " + word + ")"
}

// legendItems are the buckets that occur in rows, left to right.
func legendItems(rows []row) []Bucket {
	used := map[Bucket]bool{}
	for _, r := range rows {
		for _, c := range r.split {
			used[c.Bucket] = true
		}
	}
	var out []Bucket
	for _, b := range Buckets {
		if used[b] {
			out = append(out, b)
		}
	}
	return out
}

// legendHeight is the height drawLegend will take.
func legendHeight(fs *faces, items []Bucket, w int) int {
	return legendLines(fs, items, w) * smallLine
}

func legendLines(fs *faces, items []Bucket, w int) int {
	if len(items) == 0 {
		return 0
	}
	lines, x := 1, 0
	for _, b := range items {
		iw := swatch + 6 + width(fs.small, b.Name()) + 18
		if x > 0 && x+iw > w {
			lines++
			x = 0
		}
		x += iw
	}
	return lines
}

// drawLegend draws a swatch and name per bucket and returns the y below it.
func drawLegend(img *canvas, fs *faces, items []Bucket, x0, y, w int) int {
	if len(items) == 0 {
		return y
	}
	x := 0
	for _, b := range items {
		iw := swatch + 6 + width(fs.small, b.Name()) + 18
		if x > 0 && x+iw > w {
			y += smallLine
			x = 0
		}
		img.fill(x0+x, y+(smallLine-swatch)/2, swatch, swatch, b.Colour())
		img.text(fs.small, muted, x0+x+swatch+6, y+smallLine-7, b.Name())
		x += iw
	}
	return y + smallLine
}

// maxText bounds the text the chart measures: two lines of a title hold
// about 110 characters, so more is never drawn, and measuring it all would
// let one giant headline cost seconds.
const maxText = 400

// oneLine folds whitespace, including line breaks, into single spaces, and
// keeps at most maxText characters.
func oneLine(s string) string {
	if len(s) > 4*maxText {
		s = s[:4*maxText]
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxText {
		s = string(r[:maxText])
	}
	return s
}
