package feed

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// decodeBody undoes the Content-Encoding of body. The decompressed size is
// bounded by limit, so a compression bomb fails with ErrTooLarge instead of
// exhausting memory.
func decodeBody(body []byte, contentEncoding string, limit int64) ([]byte, error) {
	encodings := strings.Split(contentEncoding, ",")
	// Encodings are listed in the order they were applied: undo from the end.
	for i := len(encodings) - 1; i >= 0; i-- {
		enc := strings.ToLower(strings.TrimSpace(encodings[i]))
		var r io.Reader
		switch enc {
		case "", "identity":
			continue
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				return nil, fmt.Errorf("gzip: %w", err)
			}
			r = zr
		case "deflate":
			// "deflate" is meant to be zlib-wrapped, but some servers send raw
			// deflate data.
			if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
				r = zr
			} else {
				r = flate.NewReader(bytes.NewReader(body))
			}
		case "br":
			r = brotli.NewReader(bytes.NewReader(body))
		default:
			return nil, fmt.Errorf("unsupported content encoding %q", enc)
		}
		out, err := readLimited(r, limit)
		if err != nil {
			return nil, fmt.Errorf("decode %s: %w", enc, err)
		}
		body = out
	}
	return body, nil
}
