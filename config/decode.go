package config

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"
)

// decoder copies the generic values the TOML parser produced into the Config
// struct, following the `toml` tags. Doing this ourselves, rather than with
// toml.Decode into the struct, gives every problem its exact key path
// (with array indices) and so its line, and reports unknown keys with a
// suggestion instead of silently dropping them.
type decoder struct {
	problems
}

var durationType = reflect.TypeFor[time.Duration]()

// defaulter is implemented by element types of arrays of tables whose
// elements have their own defaults.
type defaulter interface{ setDefaults() }

// table decodes a TOML table into the struct v.
func (d *decoder) table(path string, data map[string]any, v reflect.Value) {
	fields := tomlFields(v.Type())
	keys := make([]string, 0, len(data))
	for k := range data {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		key := joinPath(path, k)
		i, ok := fields[k]
		if !ok {
			d.unknown(key, k, fields)
			continue
		}
		d.value(key, data[k], v.Field(i))
	}
}

// unknown reports a key the struct has no field for.
func (d *decoder) unknown(key, name string, fields map[string]int) {
	best, bestDist := "", 3
	for f := range fields {
		if len(name) > 2*len(f) { // too far apart to be a typo; spares the work
			continue
		}
		if dist := editDistance(name, f); dist < bestDist || dist == bestDist && f < best {
			best, bestDist = f, dist
		}
	}
	if best != "" {
		d.add(key, "unknown key (did you mean %q?)", best)
		return
	}
	d.add(key, "unknown key")
}

// value decodes one TOML value into v.
func (d *decoder) value(key string, data any, v reflect.Value) {
	if v.Type() == durationType {
		d.duration(key, data, v)
		return
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := data.(string)
		if !ok {
			d.add(key, "want a string, got %s", describe(data))
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := data.(bool)
		if !ok {
			d.add(key, "want true or false, got %s", describe(data))
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, ok := data.(int64)
		if !ok {
			d.add(key, "want an integer, got %s", describe(data))
			return
		}
		if v.Kind() == reflect.Int && (n > math.MaxInt32 || n < math.MinInt32) {
			d.add(key, "%d is out of range", n)
			return
		}
		v.SetInt(n)
	case reflect.Float64:
		switch n := data.(type) {
		case float64:
			v.SetFloat(n)
		case int64: // per_host_rate = 2 is a rate of 2.0
			v.SetFloat(float64(n))
		default:
			d.add(key, "want a number, got %s", describe(data))
		}
	case reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			d.add(key, "want a table, got %s", describe(data))
			return
		}
		d.table(key, m, v)
	case reflect.Slice:
		d.slice(key, data, v)
	default:
		// Only reachable if a field of an unsupported type is added to Config.
		d.add(key, "cannot decode into %s", v.Type())
	}
}

// slice decodes an array, or an array of tables, into v.
func (d *decoder) slice(key string, data any, v reflect.Value) {
	var elems []any
	switch arr := data.(type) {
	case []any:
		elems = arr
	case []map[string]any:
		elems = make([]any, len(arr))
		for i, m := range arr {
			elems[i] = m
		}
	default:
		d.add(key, "want an array, got %s", describe(data))
		return
	}
	out := reflect.MakeSlice(v.Type(), len(elems), len(elems))
	for i, e := range elems {
		elem := out.Index(i)
		if def, ok := elem.Addr().Interface().(defaulter); ok {
			def.setDefaults()
		}
		d.value(indexPath(key, i), e, elem)
	}
	v.Set(out)
}

// duration decodes a Go duration string such as "15m" or "1h30m".
func (d *decoder) duration(key string, data any, v reflect.Value) {
	s, ok := data.(string)
	if !ok {
		d.add(key, "want a duration string such as \"15m\" or \"1h30m\", got %s", describe(data))
		return
	}
	dur, err := time.ParseDuration(s)
	if err != nil {
		d.add(key, "%q is not a duration; write it like \"90s\", \"15m\" or \"1h30m\"", s)
		return
	}
	v.SetInt(int64(dur))
}

// describe names a TOML value's type for an error message.
func describe(data any) string {
	switch x := data.(type) {
	case string:
		return fmt.Sprintf("the string %q", x)
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return fmt.Sprintf("the number %g", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	default:
		return fmt.Sprintf("a %T value", x)
	}
}

// tomlFields maps the toml tag names of a struct type to field indices.
func tomlFields(t reflect.Type) map[string]int {
	fields := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		fields[name] = i
	}
	return fields
}

// editDistance is the Levenshtein distance between a and b, for suggesting
// the key a typo meant.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
