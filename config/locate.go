package config

import (
	"strconv"
	"strings"
)

// scanKeys maps every key path in a TOML document to the line it starts on,
// and returns the deepest nesting of arrays and inline tables it met. Paths use the decoder's spelling: "poll.interval", "feeds[2].url",
// "channels[0].include[1]". The TOML library checks the syntax and decodes the
// values; it keeps no position per array element, so this scanner walks the
// text once to find them. It expects a document the library has accepted, and
// on anything else it stops early rather than fail: a missing line only makes
// an error message less precise.
func scanKeys(src string) (lines map[string]int, depth int) {
	src = strings.TrimPrefix(src, "\ufeff") // a byte-order mark is not a key
	s := &scanner{src: src, line: 1, lines: map[string]int{}, arrays: map[string]int{}, current: map[string]string{}}
	s.document()
	return s.lines, s.deepest
}

// lookupLine finds the line of key, or of its closest ancestor that has one.
func lookupLine(lines map[string]int, key string) int {
	for key != "" {
		if n, ok := lines[key]; ok {
			return n
		}
		key = parentPath(key)
	}
	return 0
}

// parentPath drops the last element of a key path: "a[1].b" → "a[1]" → "a".
func parentPath(key string) string {
	if strings.HasSuffix(key, "]") {
		if i := strings.LastIndexByte(key, '['); i >= 0 {
			return key[:i]
		}
	}
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}

// joinPath appends a key name to a path.
func joinPath(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// indexPath appends an array index to a path.
func indexPath(prefix string, i int) string {
	return prefix + "[" + strconv.Itoa(i) + "]"
}
