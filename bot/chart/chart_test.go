package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdigest/newsdigest/digest"
	"github.com/newsdigest/newsdigest/internal/golden"
)

// sampleStories are eight stories written for these tests, with the kinds
// of coverage a digest has: balanced, one-sided (a blindspot), unrated,
// one outlet, a long title.
func sampleStories() []digest.Story {
	return []digest.Story{
		{ID: 1, Title: "Harbour authority approves night ferries between Eastpoint and the islands",
			Coverage: map[string]int{"left": 2, "center": 3, "right": 2}},
		{ID: 2, Title: "Rail workers vote to strike over rosters",
			Coverage: map[string]int{"left": 3, "center-left": 1}, Blindspot: true,
			BlindspotNote: "no coverage yet from outlets you rated right"},
		{ID: 3, Title: "City library opens a seed bank for gardeners",
			Coverage: map[string]int{"center": 1, "unrated": 2}},
		{ID: 4, Title: "Senate committee rejects the fishing quota bill after a long and heated session that ran past midnight and into the next morning",
			Coverage: map[string]int{"right": 3, "center-right": 2}, Blindspot: true,
			BlindspotNote: "no coverage yet from outlets you rated left"},
		{ID: 5, Title: "Local bakery wins national bread prize",
			Coverage: map[string]int{"center-left": 1}},
		{ID: 6, Title: "Storm closes mountain pass for the weekend",
			Coverage: map[string]int{"left": 1, "center-left": 1, "center": 1, "center-right": 1, "right": 1, "unrated": 1}},
		{ID: 7, Title: "Museum returns carved panels to their village",
			Coverage: map[string]int{"lean left": 2, "right": 1}},
		{ID: 8, Title: "Water utility raises prices by four percent",
			Coverage: map[string]int{"center": 2}},
	}
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	return img
}

func TestPNGDecodesAndIsLargeEnough(t *testing.T) {
	for _, n := range []int{0, 1, 8, 20} {
		stories := sampleStories()
		for len(stories) < n {
			stories = append(stories, sampleStories()...)
		}
		stories = stories[:n]
		b, err := PNG(stories)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			t.Fatalf("%d stories: not a PNG", n)
		}
		size := decode(t, b).Bounds().Size()
		if size.X < 600 || size.Y < 200 {
			t.Errorf("%d stories: %v, want at least 600×200", n, size)
		}
	}
}

// bar is one bar found in the picture: its colour runs, left to right.
type bar struct {
	y    int
	runs []run
}

type run struct {
	colour color.RGBA
	width  int
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func isBucketColour(c color.RGBA) bool {
	for _, b := range Buckets {
		if b.Colour() == c {
			return true
		}
	}
	return false
}

// findBars scans the picture for blocks exactly barHeight tall that start
// at the left margin in a bucket colour, and reads each one's colour runs
// along its top line (text sits in the middle of a bar, never at its top).
func findBars(img image.Image) []bar {
	var bars []bar
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; {
		if !isBucketColour(rgba(img.At(margin, y))) {
			y++
			continue
		}
		top := y
		for y < bounds.Max.Y && isBucketColour(rgba(img.At(margin, y))) {
			y++
		}
		if y-top != barHeight {
			continue // a legend swatch
		}
		b := bar{y: top}
		line := top + 2
		for x := margin; x < bounds.Max.X; x++ {
			c := rgba(img.At(x, line))
			if !isBucketColour(c) {
				continue
			}
			if n := len(b.runs); n > 0 && b.runs[n-1].colour == c && x > 0 && rgba(img.At(x-1, line)) == c {
				b.runs[n-1].width++
				continue
			}
			b.runs = append(b.runs, run{colour: c, width: 1})
		}
		bars = append(bars, b)
	}
	return bars
}

func TestBarWidthsAreProportionalToOutletCounts(t *testing.T) {
	stories := sampleStories()
	img, err := Draw(stories)
	if err != nil {
		t.Fatal(err)
	}
	bars := findBars(img)
	if len(bars) != len(stories) {
		t.Fatalf("found %d bars, want %d", len(bars), len(stories))
	}
	most := 0
	for _, s := range stories {
		most = max(most, total(Split(s.Coverage)))
	}
	unit := float64(imageWidth-2*margin) / float64(most)
	for i, s := range stories {
		split := Split(s.Coverage)
		if len(bars[i].runs) != len(split) {
			t.Errorf("story %d: %d segments, want %d (%v)", i+1, len(bars[i].runs), len(split), split)
			continue
		}
		for j, c := range split {
			got := bars[i].runs[j]
			if got.colour != c.Bucket.Colour() {
				t.Errorf("story %d segment %d: colour %v, want %v (%s)", i+1, j, got.colour, c.Bucket.Colour(), c.Lean)
			}
			want := float64(c.Count) * unit
			if j > 0 {
				want -= gap
			}
			if math.Abs(float64(got.width)-want) > 1.5 {
				t.Errorf("story %d segment %d (%d %s): %d px wide, want %.1f", i+1, j, c.Count, c.Lean, got.width, want)
			}
		}
	}
	// Left to right: no segment of a story may come from a bucket left of
	// the one before it.
	for i, s := range stories {
		split := Split(s.Coverage)
		for j := 1; j < len(split); j++ {
			if split[j].Bucket < split[j-1].Bucket {
				t.Errorf("story %d: %s after %s", i+1, split[j].Lean, split[j-1].Lean)
			}
		}
	}
}

// inked counts dark (text) pixels in a rectangle.
func inked(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := rgba(img.At(x, y))
			if int(c.R)+int(c.G)+int(c.B) < 3*0x80 {
				n++
			}
		}
	}
	return n
}

func TestTextIsDrawn(t *testing.T) {
	stories := sampleStories()[:2]
	img, err := Draw(stories)
	if err != nil {
		t.Fatal(err)
	}
	bars := findBars(img)
	if len(bars) != 2 {
		t.Fatalf("found %d bars", len(bars))
	}
	// The title of story 1 ends on the line above its bar: ink must be
	// there, and less of it when the title is blank (only "1." is left).
	titleBox := func(b bar) image.Rectangle {
		return image.Rect(margin, b.y-6-titleLine, imageWidth-margin, b.y-6)
	}
	withTitle := inked(img, titleBox(bars[0]))
	blank := sampleStories()[:2]
	blank[0].Title = ""
	img2, err := Draw(blank)
	if err != nil {
		t.Fatal(err)
	}
	bars2 := findBars(img2)
	if len(bars2) != 2 {
		t.Fatalf("found %d bars with a blank title", len(bars2))
	}
	if without := inked(img2, titleBox(bars2[0])); withTitle < 500 || without >= withTitle/3 {
		t.Errorf("title ink %d px, blank title %d px: the title is not drawn", withTitle, without)
	}
	// The counts line under each bar is text too.
	countsBox := image.Rect(margin, bars[0].y+barHeight+6, imageWidth-margin, bars[0].y+barHeight+6+smallLine)
	if n := inked(img, countsBox); n < 100 {
		t.Errorf("counts line has %d dark pixels", n)
	}
	// The blindspot badge of story 2 is a dark block under its counts.
	badge := image.Rect(margin, bars[1].y+barHeight+6+smallLine+4, margin+40, bars[1].y+barHeight+6+2*smallLine+4)
	if n := inked(img, badge); n < badge.Dx()*badge.Dy()/2 {
		t.Errorf("story 2 (a blindspot) has no badge: %d dark pixels", n)
	}
	if n := inked(img, badge.Sub(image.Pt(0, bars[1].y-bars[0].y))); n > badge.Dx()*badge.Dy()/2 {
		t.Errorf("story 1 (no blindspot) has a badge")
	}
}

func TestGolden(t *testing.T) {
	got, err := PNG(sampleStories())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "sample.golden.png")
	if golden.Update() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot/chart -update)", err)
	}
	// Compare pixels, not bytes: the encoder's output may change with Go.
	a, b := decode(t, got), decode(t, want)
	if a.Bounds() != b.Bounds() {
		t.Fatalf("size %v, golden %v (go test ./bot/chart -update if intended)", a.Bounds(), b.Bounds())
	}
	diff := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if rgba(a.At(x, y)) != rgba(b.At(x, y)) {
				diff++
			}
		}
	}
	if diff > 0 {
		t.Errorf("%d pixels differ from %s (go test ./bot/chart -update if intended)", diff, path)
	}
}

func TestBucketOf(t *testing.T) {
	tests := []struct {
		lean string
		want Bucket
	}{
		{"left", Left}, {"Far-Left", Left}, {"center-left", CenterLeft}, {"centre left", CenterLeft},
		{"lean left", CenterLeft}, {"center", Center}, {"Centre", Center}, {"centrist", Center},
		{"center-right", CenterRight}, {"lean right", CenterRight}, {"right", Right},
		{"unrated", Other}, {"", Other}, {"wire", Other}, {"left-right", Other},
	}
	for _, tc := range tests {
		if got := BucketOf(tc.lean); got != tc.want {
			t.Errorf("BucketOf(%q) = %s, want %s", tc.lean, got.Name(), tc.want.Name())
		}
	}
}

func TestWrap(t *testing.T) {
	fs, err := newFaces()
	if err != nil {
		t.Fatal(err)
	}
	defer fs.close()
	long := strings.Repeat("harbour ferries ", 30)
	lines := wrap(fs.title, long, 300, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("lines %q", lines)
	}
	for _, l := range lines {
		if w := width(fs.title, l); w > 300 {
			t.Errorf("line %q is %d px wide", l, w)
		}
	}
	if got := wrap(fs.title, "short", 300, 2); len(got) != 1 || got[0] != "short" {
		t.Errorf("short title: %q", got)
	}
	if got := wrap(fs.title, strings.Repeat("x", 200), 300, 2); len(got) != 1 || width(fs.title, got[0]) > 300 {
		t.Errorf("one long word: %q", got)
	}
}

func TestAltText(t *testing.T) {
	alt := AltText(sampleStories())
	for _, want := range []string{"1. Harbour authority", "2 left · 3 center · 2 right", "Blindspot: no coverage yet from outlets you rated right"} {
		if !strings.Contains(alt, want) {
			t.Errorf("alt text lacks %q: %s", want, alt)
		}
	}
	var many []digest.Story
	for range 10 {
		many = append(many, sampleStories()...)
	}
	if long := AltText(many); utf8.RuneCountInString(long) > MaxAlt || !strings.HasSuffix(long, "more.") {
		t.Errorf("alt text of 80 stories: %d characters, ends %q", utf8.RuneCountInString(long), long[max(0, len(long)-20):])
	}
}

func BenchmarkPNG8Stories(b *testing.B) {
	stories := sampleStories()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PNG(stories); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzDraw draws stories with whatever titles, labels and counts feeds
// and operators may produce: it must never panic and always decode.
func FuzzDraw(f *testing.F) {
	f.Add("Harbour authority approves night ferries", "left", 3, "right", 1, true)
	f.Add("", "", 0, "", -2, false)
	f.Add(strings.Repeat("W", 500), "centre-left", 1000000, "lean right", 1, true)
	f.Add("\xff\xfe\x00 Ünïcödé 日本語 📰", "far-left\n", 7, "\t", 2, false)
	f.Fuzz(func(t *testing.T, title, lean1 string, n1 int, lean2 string, n2 int, blind bool) {
		n1, n2 = n1%5000, n2%5000 // a story has at most a few thousand outlets
		s := digest.Story{Title: title, Coverage: map[string]int{lean1: n1, lean2: n2}, Blindspot: blind, BlindspotNote: title}
		b, err := PNG([]digest.Story{s, s})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatal(err)
		}
		if alt := AltText([]digest.Story{s}); utf8.RuneCountInString(alt) > MaxAlt {
			t.Errorf("alt text of %d characters", utf8.RuneCountInString(alt))
		}
	})
}
