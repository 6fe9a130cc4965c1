package discord

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A button's custom_id is "nd:<action>:<value>", at most 100 characters
// (Discord's limit), so a press carries everything needed to run it.
const (
	customIDPrefix = "nd:"
	maxCustomID    = 100
)

var errBadCustomID = errors.New("unrecognised button")

// encodeCustomID packs an action and its value into a custom_id.
func encodeCustomID(action, value string) (string, error) {
	if !validActionID(action) {
		return "", fmt.Errorf("%w: action %q", errBadCustomID, action)
	}
	if !utf8.ValidString(value) || strings.ContainsFunc(value, unicode.IsControl) {
		return "", fmt.Errorf("%w: value %q is not printable text", errBadCustomID, value)
	}
	id := customIDPrefix + action + ":" + value
	if utf8.RuneCountInString(id) > maxCustomID {
		return "", fmt.Errorf("%w: %q is longer than %d characters", errBadCustomID, id, maxCustomID)
	}
	return id, nil
}

// decodeCustomID reverses encodeCustomID.
func decodeCustomID(id string) (action, value string, err error) {
	rest, ok := strings.CutPrefix(id, customIDPrefix)
	if !ok || utf8.RuneCountInString(id) > maxCustomID || !utf8.ValidString(id) {
		return "", "", errBadCustomID
	}
	action, value, ok = strings.Cut(rest, ":")
	if !ok || !validActionID(action) || value == "" {
		return "", "", errBadCustomID
	}
	return action, value, nil
}

func validActionID(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}
