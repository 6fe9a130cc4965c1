package eval

import (
	"os"
	"testing"
)

func TestCuesDumpPred(t *testing.T) {
	out := os.Getenv("CUES_DUMP")
	if out == "" {
		t.Skip("CUES_DUMP not set")
	}
	f, _ := os.Create(out)
	defer f.Close()
	if _, err := runCues(t.Context(), cuesSharedFile(t, os.Getenv("CUES_FILE")), f); err != nil {
		t.Fatal(err)
	}
}
