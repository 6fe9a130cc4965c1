package config

import (
	"strconv"
	"strings"
)

// scanner walks a TOML document far enough to know which key starts on which
// line; it skips values without interpreting them.
type scanner struct {
	src   string
	pos   int
	line  int
	lines map[string]int
	// arrays counts the elements of each array of tables, keyed by the
	// path of its header; current maps a header path without indices to the
	// indexed path of its latest element, so sub-tables land in it.
	arrays  map[string]int
	current map[string]string
	table   string // indexed path of the table that keys belong to now
	depth   int    // nesting of arrays and inline tables at pos
	deepest int    // the largest depth seen
}

// maxRecordDepth bounds the nesting whose keys are recorded: deeper paths
// would only grow quadratically in length for no useful error message.
const maxRecordDepth = 16

func (s *scanner) record(path string) {
	if s.depth > maxRecordDepth {
		return
	}
	if _, ok := s.lines[path]; !ok {
		s.lines[path] = s.line
	}
}

func (s *scanner) peek(off int) byte {
	if s.pos+off < len(s.src) {
		return s.src[s.pos+off]
	}
	return 0
}

func (s *scanner) advance() {
	if s.src[s.pos] == '\n' {
		s.line++
	}
	s.pos++
}

// skipSpace skips blanks, newlines (when multiline) and comments.
func (s *scanner) skipSpace(multiline bool) {
	for s.pos < len(s.src) {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.pos++
		case c == '\n' && multiline:
			s.advance()
		case c == '#':
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for s.pos < len(s.src) && s.src[s.pos] != '\n' {
		s.pos++
	}
}

func (s *scanner) document() {
	for {
		s.skipSpace(true)
		if s.pos >= len(s.src) {
			return
		}
		start := s.pos
		if s.src[s.pos] == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		if s.pos == start { // no progress: not a document we understand
			return
		}
		s.skipSpace(false)
		s.skipLine()
	}
}

// header reads "[a.b]" or "[[a.b]]" and makes it the current table.
func (s *scanner) header() {
	array := s.peek(1) == '['
	if array {
		s.pos += 2
	} else {
		s.pos++
	}
	names := s.key()
	if len(names) == 0 {
		return
	}
	raw, path := "", ""
	for i, name := range names {
		raw = joinPath(raw, name)
		path = joinPath(path, name)
		last := i == len(names)-1
		if cur, ok := s.current[raw]; ok && !(last && array) {
			path = cur
		}
	}
	if array {
		n := s.arrays[path]
		s.arrays[path] = n + 1
		s.record(path)
		path = indexPath(path, n)
		s.current[raw] = path
	}
	s.record(path)
	s.table = path
}

// keyValue reads "a.b = value" in the table at prefix.
func (s *scanner) keyValue(prefix string) {
	names := s.key()
	if len(names) == 0 {
		return
	}
	path := prefix
	for _, name := range names {
		if s.depth <= maxRecordDepth {
			path = joinPath(path, name)
		}
		s.record(path)
	}
	s.skipSpace(false)
	if s.peek(0) != '=' {
		return
	}
	s.pos++
	s.skipSpace(false)
	s.value(path)
}

// key reads a dotted key of bare and quoted parts.
func (s *scanner) key() []string {
	var names []string
	for {
		s.skipSpace(false)
		var name string
		switch c := s.peek(0); {
		case c == '"':
			name = s.quoted(c)
			// Decode escapes as the TOML parser does, so the path matches
			// the decoded key; TOML's escapes are a subset of Go's.
			if unquoted, err := strconv.Unquote(`"` + name + `"`); err == nil {
				name = unquoted
			}
		case c == '\'':
			name = s.quoted(c)
		case isBareKeyChar(c):
			start := s.pos
			for s.pos < len(s.src) && isBareKeyChar(s.src[s.pos]) {
				s.pos++
			}
			name = s.src[start:s.pos]
		default:
			return names
		}
		names = append(names, name)
		s.skipSpace(false)
		if s.peek(0) != '.' {
			return names
		}
		s.pos++
	}
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a one-line basic or literal string and returns its raw
// content (escapes are kept as written, which is enough for key names).
func (s *scanner) quoted(q byte) string {
	s.pos++
	start := s.pos
	for s.pos < len(s.src) && s.src[s.pos] != q && s.src[s.pos] != '\n' {
		if q == '"' && s.src[s.pos] == '\\' && s.pos+1 < len(s.src) {
			s.pos++
		}
		s.pos++
	}
	name := s.src[start:min(s.pos, len(s.src))]
	if s.peek(0) == q {
		s.pos++
	}
	return name
}

// value skips one value, recording array elements and inline-table keys
// under path.
func (s *scanner) value(path string) {
	switch c := s.peek(0); c {
	case '"', '\'':
		if s.peek(1) == c && s.peek(2) == c {
			s.multilineString(c)
		} else {
			s.quoted(c)
		}
	case '[':
		s.array(path)
	case '{':
		s.inlineTable(path)
	default: // numbers, booleans, dates: up to a delimiter
		for s.pos < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.src[s.pos])) {
			s.pos++
		}
	}
}

func (s *scanner) multilineString(q byte) {
	s.pos += 3
	for s.pos < len(s.src) {
		if q == '"' && s.src[s.pos] == '\\' && s.pos+1 < len(s.src) {
			s.advance()
			s.advance()
			continue
		}
		if s.src[s.pos] == q && s.peek(1) == q && s.peek(2) == q {
			s.pos += 3
			for s.peek(0) == q { // up to two quotes may end the content
				s.pos++
			}
			return
		}
		s.advance()
	}
}

func (s *scanner) array(path string) {
	s.pos++
	s.depth++
	s.deepest = max(s.deepest, s.depth)
	defer func() { s.depth-- }()
	for i := 0; ; i++ {
		s.skipSpace(true)
		if s.pos >= len(s.src) {
			return
		}
		if s.src[s.pos] == ']' {
			s.pos++
			return
		}
		elem := path
		if s.depth <= maxRecordDepth {
			elem = indexPath(path, i)
		}
		s.record(elem)
		start := s.pos
		s.value(elem)
		s.skipSpace(true)
		if s.peek(0) == ',' {
			s.pos++
		} else if s.pos == start {
			return
		}
	}
}

func (s *scanner) inlineTable(path string) {
	s.pos++
	s.depth++
	s.deepest = max(s.deepest, s.depth)
	defer func() { s.depth-- }()
	for {
		s.skipSpace(true)
		if s.pos >= len(s.src) {
			return
		}
		if s.src[s.pos] == '}' {
			s.pos++
			return
		}
		start := s.pos
		s.keyValue(path)
		s.skipSpace(true)
		if s.peek(0) == ',' {
			s.pos++
		} else if s.pos == start {
			return
		}
	}
}
