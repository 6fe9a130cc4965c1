package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Reasons a signed request is refused; all answer 401.
var (
	errNoSignature  = errors.New("missing X-Signature-Ed25519 or X-Signature-Timestamp")
	errBadSignature = errors.New("signature does not verify")
	errStale        = errors.New("timestamp outside the accepted window")
)

// verifySignature checks Discord's Ed25519 signature over timestamp+body and
// that the timestamp (Unix seconds) is within maxSkew of now, so a captured
// request cannot be replayed later.
func verifySignature(pub ed25519.PublicKey, sigHex, timestamp string, body []byte, now time.Time, maxSkew time.Duration) error {
	if sigHex == "" || timestamp == "" {
		return errNoSignature
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return errBadSignature
	}
	secs, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: %q is not Unix seconds", errStale, timestamp)
	}
	age := now.Sub(time.Unix(secs, 0))
	if age > maxSkew || age < -maxSkew {
		return fmt.Errorf("%w: %s old", errStale, age.Round(time.Second))
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(msg, timestamp...)
	msg = append(msg, body...)
	if !ed25519.Verify(pub, msg, sig) {
		return errBadSignature
	}
	return nil
}
