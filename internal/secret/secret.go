// Package secret makes the secret keys written into a generated project.
//
// Keys come from crypto/rand. For golden-file tests a caller may opt in to a Seeded
// source, which derives each key from a seed text with HKDF-SHA256; nothing uses it
// unless asked to.
package secret

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
)

// DefaultBytes is the length of a generated key in random bytes. 64 bytes suit every
// HMAC-SHA2 algorithm, HS512 included, and encode to 86 characters.
const DefaultBytes = 64

// MinBytes is the shortest key New accepts.
const MinBytes = 32

// Source yields the random bytes for one named key.
type Source interface {
	// Bytes returns n bytes for the key called label.
	Bytes(label string, n int) ([]byte, error)
}

// Random is the default Source: every call reads fresh bytes from crypto/rand.
type Random struct{}

// Bytes reads n bytes from crypto/rand; label is ignored.
func (Random) Bytes(_ string, n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		return nil, fmt.Errorf("read random bytes: %w", err)
	}

	return b, nil
}

// Seeded derives keys from a seed text, so that the same seed and label always give the
// same key and different labels give unrelated keys. It is for reproducible test output
// only: anyone who knows the seed knows the keys.
type Seeded struct {
	Seed string
}

// Bytes derives n bytes for label from the seed with HKDF-SHA256.
func (s Seeded) Bytes(label string, n int) ([]byte, error) {
	b, err := hkdf.Key(sha256.New, []byte(s.Seed), []byte("zentra secret seed"), label, n)
	if err != nil {
		return nil, fmt.Errorf("derive key %s: %w", label, err)
	}

	return b, nil
}

// New returns a key of n bytes from src for label, encoded as url-safe base64 without
// padding.
func New(src Source, label string, n int) (string, error) {
	if n < MinBytes {
		return "", fmt.Errorf("a key needs at least %d bytes, got %d", MinBytes, n)
	}

	b, err := src.Bytes(label, n)
	if err != nil {
		return "", err
	}

	return base64.RawURLEncoding.EncodeToString(b), nil
}
