package config

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// ErrInvalid is matched (with errors.Is) by every error about the content of
// a configuration: syntax, unknown keys and invalid values.
var ErrInvalid = errors.New("invalid configuration")

// Error is one problem with one key. Line is 0 when the key's line is not
// known (a Config built in code, or a value from the environment).
type Error struct {
	Line int    // 1-based line in the file, 0 if unknown
	Key  string // key path such as "feeds[2].url"; "" for a syntax error
	Msg  string // what is wrong and, where it helps, what to do
}

// Error formats the problem as "config: line 12: feeds[2].url: msg".
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Key != "":
		return fmt.Sprintf("config: line %d: %s: %s", e.Line, e.Key, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("config: line %d: %s", e.Line, e.Msg)
	case e.Key != "":
		return fmt.Sprintf("config: %s: %s", e.Key, e.Msg)
	default:
		return "config: " + e.Msg
	}
}

// Is makes errors.Is(err, ErrInvalid) true for every *Error.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// problems collects *Error values while decoding or validating.
type problems struct {
	lines map[string]int
	list  []*Error
}

// add records a problem with key, looking up its line.
func (p *problems) add(key, format string, args ...any) {
	p.list = append(p.list, &Error{Line: lookupLine(p.lines, key), Key: key, Msg: fmt.Sprintf(format, args...)})
}

// err returns nil, the single problem, or all of them joined in line order.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	slices.SortStableFunc(p.list, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
	if len(p.list) == 1 {
		return p.list[0]
	}
	errs := make([]error, len(p.list))
	for i, e := range p.list {
		errs[i] = e
	}
	return errors.Join(errs...)
}
