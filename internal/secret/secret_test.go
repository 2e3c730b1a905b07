package secret

import (
	"encoding/base64"
	"errors"
	"regexp"
	"testing"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts go test ./... -update
)

// urlSafe is the alphabet of base64url without padding.
var urlSafe = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func TestNewDefaultKey(t *testing.T) {
	sources := map[string]Source{"random": Random{}, "seeded": Seeded{Seed: "s"}}
	for name, src := range sources {
		t.Run(name, func(t *testing.T) {
			key, err := New(src, "AUTH__SECRET_ACCESS_KEY", DefaultBytes)
			if err != nil {
				t.Fatal(err)
			}

			if len(key) != 86 {
				t.Errorf("len(key) = %d, want 86", len(key))
			}

			if !urlSafe.MatchString(key) {
				t.Errorf("key %q has characters outside the url-safe alphabet", key)
			}

			raw, err := base64.RawURLEncoding.DecodeString(key)
			if err != nil || len(raw) != DefaultBytes {
				t.Errorf("key decodes to %d bytes (%v), want %d", len(raw), err, DefaultBytes)
			}
		})
	}
}

func TestNewLengths(t *testing.T) {
	tests := []struct {
		bytes, chars int
	}{
		{MinBytes, 43},
		{48, 64},
		{DefaultBytes, 86},
		{1024, 1366},
	}
	for _, tt := range tests {
		key, err := New(Random{}, "", tt.bytes)
		if err != nil {
			t.Fatalf("New(%d bytes): %v", tt.bytes, err)
		}

		if len(key) != tt.chars {
			t.Errorf("New(%d bytes) gave %d characters, want %d", tt.bytes, len(key), tt.chars)
		}
	}
}

func TestNewEnforcesMinBytes(t *testing.T) {
	for _, n := range []int{-1, 0, 16, MinBytes - 1} {
		if key, err := New(Random{}, "", n); err == nil {
			t.Errorf("New(%d bytes) = %q, want an error", n, key)
		}
	}
}

func TestRandomKeysAreDistinct(t *testing.T) {
	const draws = 200

	seen := map[string]bool{}
	for range draws {
		key, err := New(Random{}, "same label", DefaultBytes)
		if err != nil {
			t.Fatal(err)
		}

		if seen[key] {
			t.Fatalf("key %q drawn twice", key)
		}

		seen[key] = true
	}
}

func TestSeeded(t *testing.T) {
	key := func(seed, label string) string {
		t.Helper()

		k, err := New(Seeded{Seed: seed}, label, DefaultBytes)
		if err != nil {
			t.Fatal(err)
		}

		return k
	}

	base := key("golden", "AUTH__SECRET_ACCESS_KEY")
	if again := key("golden", "AUTH__SECRET_ACCESS_KEY"); again != base {
		t.Errorf("same seed and label gave %q then %q", base, again)
	}

	if other := key("golden", "AUTH__SECRET_REFRESH_KEY"); other == base {
		t.Error("two labels gave the same key")
	}

	if other := key("golden2", "AUTH__SECRET_ACCESS_KEY"); other == base {
		t.Error("two seeds gave the same key")
	}

	if other := key("", "AUTH__SECRET_ACCESS_KEY"); other == base {
		t.Error("an empty seed gave the same key as a real one")
	}

	short, err := New(Seeded{Seed: "golden"}, "AUTH__SECRET_ACCESS_KEY", MinBytes)
	if err != nil {
		t.Fatal(err)
	}

	if len(short) != 43 {
		t.Errorf("a %d-byte seeded key is %q, want 43 characters", MinBytes, short)
	}
}

type failing struct{}

var errSource = errors.New("no entropy")

func (failing) Bytes(string, int) ([]byte, error) { return nil, errSource }

func TestNewPassesSourceErrors(t *testing.T) {
	if _, err := New(failing{}, "x", DefaultBytes); !errors.Is(err, errSource) {
		t.Errorf("New with a failing source = %v, want %v", err, errSource)
	}
}
