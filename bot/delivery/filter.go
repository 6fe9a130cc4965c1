package delivery

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
)

// errBadPattern is returned for a stored include/exclude pattern that is
// not RE2 (the config refuses those at start; a database edited by hand
// may still hold one).
var errBadPattern = errors.New("bad live filter pattern")

// storyFilter returns a function that reports whether a story's text (see
// storyText) may be posted to a live channel: it must match one of include
// when include is set, and none of exclude. Patterns are RE2 and match
// case-insensitively; blank ones are ignored.
func storyFilter(include, exclude []string) (func(text string) bool, error) {
	in, err := compileAll(include)
	if err != nil {
		return nil, fmt.Errorf("include: %w", err)
	}
	out, err := compileAll(exclude)
	if err != nil {
		return nil, fmt.Errorf("exclude: %w", err)
	}
	return func(text string) bool {
		for _, re := range out {
			if re.MatchString(text) {
				return false
			}
		}
		if len(in) == 0 {
			return true
		}
		for _, re := range in {
			if re.MatchString(text) {
				return true
			}
		}
		return false
	}, nil
}

func compileAll(patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for _, p := range patterns {
		if strings.TrimSpace(p) == "" {
			continue
		}
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return nil, fmt.Errorf("%w: %q: %w", errBadPattern, p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// storyText is what live filters match against: the story's title,
// summary and its articles' headlines.
func storyText(s digest.Story) string {
	parts := append([]string{s.Title}, s.Summary...)
	for _, a := range s.Articles {
		parts = append(parts, a.Title)
	}
	return strings.Join(parts, "\n")
}
