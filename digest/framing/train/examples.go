package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// record is the part of a NewsMTSC JSON line that training reads.
type record struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Start *int   `json:"start"`
	End   *int   `json:"end"`
	Label string `json:"label"`
}

// decodeExamples reads mention-level stance records, one JSON object per
// line with "text", "start", "end" (byte offsets) and "label", as in
// NewsMTSC's train.jsonl. Every record must have a mention.
func decodeExamples(r io.Reader) ([]example, error) {
	var out []example
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var rec record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if rec.Start == nil || rec.End == nil {
			return nil, fmt.Errorf("line %d (%s): no mention offsets (start, end)", line, rec.ID)
		}
		ex := example{Sentence: rec.Text, Start: *rec.Start, End: *rec.End, Label: rec.Label}
		if ex.Start < 0 || ex.End < ex.Start || ex.End > len(ex.Sentence) {
			return nil, fmt.Errorf("line %d (%s): mention [%d,%d) outside the %d-byte text", line, rec.ID, ex.Start, ex.End, len(ex.Sentence))
		}
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read stance examples: %w", err)
	}
	return out, nil
}
