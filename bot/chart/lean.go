package chart

import (
	"image/color"
	"slices"
	"strings"
)

// Bucket is a place on the left-to-right axis of the operator's lean
// labels. Labels are free text ("left", "lean left", "centre-right"), so
// they are sorted into buckets for colour and order; the chart still prints
// the operator's own words.
type Bucket int

// The buckets, left to right; Other holds "unrated" and labels that name
// no side.
const (
	Left Bucket = iota
	CenterLeft
	Center
	CenterRight
	Right
	Other
)

// Buckets lists every bucket in drawing order.
var Buckets = []Bucket{Left, CenterLeft, Center, CenterRight, Right, Other}

// BucketOf sorts an operator's lean label into its bucket.
func BucketOf(lean string) Bucket {
	l := strings.ToLower(strings.TrimSpace(lean))
	left, right := strings.Contains(l, "left"), strings.Contains(l, "right")
	// "center-left", "centre left", "lean left" sit next to the center.
	mild := strings.Contains(l, "center") || strings.Contains(l, "centre") || strings.Contains(l, "lean")
	switch {
	case left && right:
		return Other
	case left && mild:
		return CenterLeft
	case left:
		return Left
	case right && mild:
		return CenterRight
	case right:
		return Right
	case strings.Contains(l, "center") || strings.Contains(l, "centre") || l == "centrist":
		return Center
	}
	return Other
}

// Name is the bucket's name in the legend.
func (b Bucket) Name() string {
	switch b {
	case Left:
		return "left"
	case CenterLeft:
		return "center-left"
	case Center:
		return "center"
	case CenterRight:
		return "center-right"
	case Right:
		return "right"
	}
	return "unrated / other"
}

// Colour is the bucket's fill. Five are from the Okabe–Ito palette, which
// stays distinguishable with the common colour-vision deficiencies: a
// blue-to-vermillion diverging scale whose lightness also changes from
// step to step, so neighbours differ even in greyscale. Unrated is a
// neutral grey outside the scale. The counts are always printed as well, so
// nothing depends on colour alone.
func (b Bucket) Colour() color.RGBA {
	switch b {
	case Left:
		return color.RGBA{0x00, 0x72, 0xB2, 0xFF} // Okabe–Ito blue
	case CenterLeft:
		return color.RGBA{0x56, 0xB4, 0xE9, 0xFF} // sky blue
	case Center:
		return color.RGBA{0xF0, 0xE4, 0x42, 0xFF} // yellow
	case CenterRight:
		return color.RGBA{0xE6, 0x9F, 0x00, 0xFF} // orange
	case Right:
		return color.RGBA{0xD5, 0x5E, 0x00, 0xFF} // vermillion
	}
	return color.RGBA{0xBB, 0xBB, 0xBB, 0xFF}
}

// darkFill reports whether text on the bucket's colour should be white.
func (b Bucket) darkFill() bool { return b == Left || b == Right }

// LeanCount is how many of a story's outlets carry one lean label.
type LeanCount struct {
	Lean   string // the operator's label; "unrated" when a feed has none
	Bucket Bucket
	Count  int
}

// Split orders a story's coverage left to right: by bucket, then by label.
// Zero and negative counts are dropped.
func Split(coverage map[string]int) []LeanCount {
	out := make([]LeanCount, 0, len(coverage))
	for lean, n := range coverage {
		if n <= 0 {
			continue
		}
		label := strings.TrimSpace(lean)
		if label == "" {
			label = "unrated"
		}
		out = append(out, LeanCount{Lean: label, Bucket: BucketOf(label), Count: n})
	}
	slices.SortFunc(out, func(a, b LeanCount) int {
		if a.Bucket != b.Bucket {
			return int(a.Bucket - b.Bucket)
		}
		return strings.Compare(a.Lean, b.Lean)
	})
	return out
}

// total sums the counts of a split.
func total(split []LeanCount) int {
	n := 0
	for _, c := range split {
		n += c.Count
	}
	return n
}
