package chart

import (
	"image"
	"image/color"
)

// The chart is drawn in full colour, then stored with a palette of at
// most 256 colours. Encoding an 8-bit paletted PNG is several times faster
// than a 32-bit one (no per-row filter search, a quarter of the bytes to
// compress) and the file is smaller to upload; the picture has only a dozen
// flat colours plus the anti-aliased edges of text, which keep 16 steps.

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

// palette is every flat colour of the chart and the blends of each text
// colour over its backgrounds.
var palette = func() color.Palette {
	seen := map[color.RGBA]bool{}
	var p color.Palette
	add := func(c color.RGBA) {
		if !seen[c] {
			seen[c] = true
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
	return p
}()

// mix is fg over bg at coverage i/n.
func mix(fg, bg color.RGBA, i, n int) color.RGBA {
	f := func(a, b uint8) uint8 { return uint8((int(a)*i + int(b)*(n-i) + n/2) / n) }
	return color.RGBA{f(fg.R, bg.R), f(fg.G, bg.G), f(fg.B, bg.B), 0xFF}
}

// toPaletted maps img onto palette: flat colours exactly, text edges to
// the nearest shade. Most pixels repeat their left neighbour, so the
// nearest-colour search runs once per change of colour, from a cache.
func toPaletted(img *image.RGBA) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), palette)
	cache := make(map[color.RGBA]uint8, 512)
	for i, c := range palette {
		cache[c.(color.RGBA)] = uint8(i)
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	for y := 0; y < h; y++ {
		src := img.Pix[y*img.Stride : y*img.Stride+4*w]
		dst := out.Pix[y*out.Stride : y*out.Stride+w]
		var prev color.RGBA
		var idx uint8
		for x := 0; x < w; x++ {
			c := color.RGBA{src[4*x], src[4*x+1], src[4*x+2], src[4*x+3]}
			if x == 0 || c != prev {
				var ok bool
				if idx, ok = cache[c]; !ok {
					idx = uint8(palette.Index(c))
					cache[c] = idx
				}
				prev = c
			}
			dst[x] = idx
		}
	}
	return out
}
