package digest

import "strings"

// blindspot flags a story that outlets rated on one side of the operator's
// lean labels cover and the other side does not.
func blindspot(coverage map[string]int) (bool, string, []string) {
	left, right := 0, 0
	for lean, n := range coverage {
		switch side(lean) {
		case "left":
			left += n
		case "right":
			right += n
		}
	}
	switch {
	case left > 0 && right == 0:
		return true, "no coverage from outlets you rated right of center", []string{"right"}
	case right > 0 && left == 0:
		return true, "no coverage from outlets you rated left of center", []string{"left"}
	}
	return false, "", nil
}

func side(lean string) string {
	l := strings.ToLower(lean)
	switch {
	case strings.Contains(l, "left"):
		return "left"
	case strings.Contains(l, "right"):
		return "right"
	}
	return ""
}
