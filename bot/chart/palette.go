package chart

import (
	"image"
	"image/color"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// The chart is drawn straight into an image with a palette of at most 256
// colours: encoding an 8-bit paletted PNG is several times faster than a
// 32-bit one (no per-row filter search, a quarter of the bytes to compress)
// and the file is smaller to upload. The picture has only a dozen flat
// colours plus the anti-aliased edges of text, which keep 16 steps.

// blendSteps is how many shades between a text colour and its background
// the palette keeps for anti-aliasing.
const blendSteps = 16

// textPairs are the text colours drawn over each background.
func textPairs() [][2]color.RGBA {
	pairs := [][2]color.RGBA{{ink, white}, {muted, white}, {white, badgeFill}}
	for _, b := range Buckets {
		fg := ink
		if b.darkFill() {
			fg = white
		}
		pairs = append(pairs, [2]color.RGBA{fg, b.Colour()})
	}
	return pairs
}

// palette is every flat colour of the chart (white first, so a new image
// is white) and the blends of each text colour over its backgrounds;
// paletteIndex finds a colour's place in it.
var palette, paletteIndex = func() (color.Palette, map[color.RGBA]uint8) {
	index := map[color.RGBA]uint8{}
	var p color.Palette
	add := func(c color.RGBA) {
		if _, ok := index[c]; !ok {
			index[c] = uint8(len(p))
			p = append(p, c)
		}
	}
	for _, c := range []color.RGBA{white, ink, muted, rule, badgeFill} {
		add(c)
	}
	for _, b := range Buckets {
		add(b.Colour())
	}
	for _, pair := range textPairs() {
		for i := 1; i < blendSteps; i++ {
			add(mix(pair[0], pair[1], i, blendSteps))
		}
	}
	if len(p) > 256 {
		panic("chart: palette has more than 256 colours")
	}
	return p, index
}()

// mix is fg over bg at coverage i/n.
func mix(fg, bg color.RGBA, i, n int) color.RGBA {
	f := func(a, b uint8) uint8 { return uint8((int(a)*i + int(b)*(n-i) + n/2) / n) }
	return color.RGBA{f(fg.R, bg.R), f(fg.G, bg.G), f(fg.B, bg.B), 0xFF}
}

// canvas draws flat rectangles and text into a paletted image.
type canvas struct {
	img   *image.Paletted
	blend map[uint32]uint8 // fg<<16 | bg<<8 | step → palette index
}

func newCanvas(w, h int) *canvas {
	return &canvas{img: image.NewPaletted(image.Rect(0, 0, w, h), palette), blend: map[uint32]uint8{}}
}

func index(c color.RGBA) uint8 {
	if i, ok := paletteIndex[c]; ok {
		return i
	}
	return uint8(palette.Index(c))
}

// fill paints a rectangle in c, clipped to the picture.
func (cv *canvas) fill(x, y, w, h int, c color.RGBA) {
	r := image.Rect(x, y, x+w, y+h).Intersect(cv.img.Rect)
	i := index(c)
	for yy := r.Min.Y; yy < r.Max.Y; yy++ {
		row := cv.img.Pix[cv.img.PixOffset(r.Min.X, yy):cv.img.PixOffset(r.Max.X, yy)]
		for k := range row {
			row[k] = i
		}
	}
}

// text draws s with its baseline at (x, y), glyph by glyph with kerning
// like font.Drawer, blending each glyph's coverage with what is under it
// in blendSteps steps.
func (cv *canvas) text(face font.Face, c color.RGBA, x, y int, s string) {
	fg := index(c)
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, mp, advance, ok := face.Glyph(dot, r)
		if ok {
			cv.glyph(dr, mask, mp, fg)
		}
		dot.X += advance
		prev = r
	}
}

// glyph blends one glyph's coverage mask in colour fg into the picture.
func (cv *canvas) glyph(dr image.Rectangle, mask image.Image, mp image.Point, fg uint8) {
	clipped := dr.Intersect(cv.img.Rect)
	if clipped.Empty() {
		return
	}
	mp = mp.Add(clipped.Min.Sub(dr.Min))
	alpha, fast := mask.(*image.Alpha)
	for y := 0; y < clipped.Dy(); y++ {
		for x := 0; x < clipped.Dx(); x++ {
			var a uint8
			if fast {
				a = alpha.Pix[alpha.PixOffset(mp.X+x, mp.Y+y)]
			} else {
				_, _, _, a32 := mask.At(mp.X+x, mp.Y+y).RGBA()
				a = uint8(a32 >> 8)
			}
			step := (int(a)*blendSteps + 127) / 255
			if step == 0 {
				continue
			}
			o := cv.img.PixOffset(clipped.Min.X+x, clipped.Min.Y+y)
			if step >= blendSteps {
				cv.img.Pix[o] = fg
				continue
			}
			cv.img.Pix[o] = cv.shade(fg, cv.img.Pix[o], step)
		}
	}
}

// shade is the palette colour nearest fg over bg at coverage step/blendSteps.
func (cv *canvas) shade(fg, bg uint8, step int) uint8 {
	key := uint32(fg)<<16 | uint32(bg)<<8 | uint32(step)
	if i, ok := cv.blend[key]; ok {
		return i
	}
	i := index(mix(palette[fg].(color.RGBA), palette[bg].(color.RGBA), step, blendSteps))
	cv.blend[key] = i
	return i
}
