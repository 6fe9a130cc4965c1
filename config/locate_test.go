package config

import (
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"

	"github.com/newsdigest/newsdigest/examples"
)

func TestLocateKeys(t *testing.T) {
	doc := `# comment with [brackets] and key = "value"
title = "a # not a comment"
"quoted key" = 1
multi = """
line two
poll.interval = "not a key"
"""
literal = '''
[not.a.table]
'''
arr = [
  "x", # comment
  [1, 2],
  { a = 1 },
]
inline = { b = 2, c = { d = 3 } }
a.b.c = true

[[items]]
name = "first"

[items.sub]
k = 1

[[items]]
name = "second"
[[items.parts]]
p = 1
[[items.parts]]
p = 2
`
	want := map[string]int{
		"title":                  2,
		"quoted key":             3,
		"multi":                  4,
		"literal":                8,
		"arr":                    11,
		"arr[0]":                 12,
		"arr[1]":                 13,
		"arr[1][1]":              13,
		"arr[2]":                 14,
		"arr[2].a":               14,
		"inline.c.d":             16,
		"a.b.c":                  17,
		"items":                  19,
		"items[0]":               19,
		"items[0].name":          20,
		"items[0].sub":           22,
		"items[0].sub.k":         23,
		"items[1]":               25,
		"items[1].name":          26,
		"items[1].parts[0]":      27,
		"items[1].parts[1].p":    30,
		"items[1].parts[0].p":    28,
		"items[1].parts":         27,
		"items[1].parts[1]":      29,
		"inline":                 16,
		"inline.b":               16,
		"inline.c":               16,
		"a":                      17,
		"a.b":                    17,
		"arr[1][0]":              13,
		"poll.interval (absent)": 0,
	}
	if _, err := toml.Decode(doc, new(map[string]any)); err != nil {
		t.Fatalf("test document is not valid TOML: %v", err)
	}
	lines := locateKeys(doc)
	got := map[string]int{}
	for k := range want {
		got[k] = lines[k]
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("locateKeys mismatch (-want +got):\n%s", diff)
	}
	for _, bogus := range []string{"poll.interval", "not.a.table", "not"} {
		if n, ok := lines[bogus]; ok {
			t.Errorf("%q found at line %d inside a string", bogus, n)
		}
	}
}

func TestLookupLineFallsBackToParent(t *testing.T) {
	lines := map[string]int{"feeds": 3, "feeds[1]": 7, "feeds[1].tags": 9}
	tests := map[string]int{
		"feeds[1].tags[4]": 9,
		"feeds[1].url":     7,
		"feeds[5]":         3,
		"channels[0]":      0,
		"":                 0,
	}
	for key, want := range tests {
		if got := lookupLine(lines, key); got != want {
			t.Errorf("lookupLine(%q) = %d, want %d", key, got, want)
		}
	}
}

var indexPattern = regexp.MustCompile(`\[\d+\]`)

// FuzzParse feeds arbitrary documents to Parse and the key locator: nothing
// may panic or hang, and every line found must exist in the document.
func FuzzParse(f *testing.F) {
	f.Add("database = \"sqlite://x.db\"\n[[feeds]]\nurl = \"https://a.example/\"\n")
	f.Add("[[channels]]\nplatform = \"slack\"\nid = \"C\"\nlive = true\ninclude = [\n'(a',\n]\n")
	f.Add("a = \"\"\"\nx\n\"\"\"\"\nb = '''y'''\n")
	f.Add("x = { a = [1, {b = 2}], c = \"}\" }\n[a.\"b.c\"]\nd = 1\n")
	f.Add("[[a]]\n[[a.b]]\n[a.b.c]\n")
	f.Add("\"q\\\"k\" = 1\n\"\\u00e9\" = 2\n'l\\t' = 3\n")
	f.Add("\"unterminated = 1\n[")
	f.Fuzz(func(t *testing.T, doc string) {
		_, _ = Parse([]byte(doc), nil)
		n := strings.Count(doc, "\n") + 1
		lines := locateKeys(doc)
		found := map[string]bool{}
		for key, line := range lines {
			if line < 1 || line > n {
				t.Fatalf("key %q at line %d of a %d-line document", key, line, n)
			}
			found[indexPattern.ReplaceAllString(key, "")] = true
		}
		// Every key the TOML library saw must have been located.
		md, err := toml.Decode(doc, new(map[string]any))
		if err != nil {
			return
		}
		for _, k := range md.Keys() {
			if len(k) > maxRecordDepth {
				continue // deeper keys are deliberately not recorded
			}
			if path := strings.Join(k, "."); !found[path] {
				t.Fatalf("key %q of %q not located; found %v", path, doc, lines)
			}
		}
	})
}

// BenchmarkParseExample measures loading the example deployment config.
func BenchmarkParseExample(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(examples.ExampleConfig, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// locateKeys is scanKeys without the depth.
func locateKeys(src string) map[string]int {
	lines, _ := scanKeys(src)
	return lines
}
