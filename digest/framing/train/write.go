package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/newsdigest/newsdigest/digest/framing/stance"
)

// writeModel writes m as JSON with one feature per line, in sorted
// order, so the same model always gives the same bytes and a retrained file
// diffs line by line.
func writeModel(w io.Writer, m *stance.Model) error {
	var buf bytes.Buffer
	header := struct {
		About   string             `json:"about"`
		Classes []string           `json:"classes"`
		Config  stance.TrainConfig `json:"config"`
		Bias    []float64          `json:"bias"`
	}{m.About, m.Classes, m.Config, m.Bias}
	b, err := json.Marshal(header)
	if err != nil {
		return fmt.Errorf("encode stance model: %w", err)
	}
	buf.Write(b[:len(b)-1]) // the header object, left open
	buf.WriteString(",\n\"weights\": {")
	names := slices.Sorted(maps.Keys(m.Weights))
	for i, name := range names {
		key, err := json.Marshal(name)
		if err != nil {
			return fmt.Errorf("encode stance model: %w", err)
		}
		vals, err := json.Marshal(m.Weights[name])
		if err != nil {
			return fmt.Errorf("encode stance model: feature %q: %w", name, err)
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n")
		buf.Write(key)
		buf.WriteByte(':')
		buf.Write(vals)
	}
	buf.WriteString("\n}}\n")
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write stance model: %w", err)
	}
	return nil
}
