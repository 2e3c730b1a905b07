package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zentra-cli/zentra/internal/envfile"
	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/internal/token"
)

// countingSource yields the bytes 0, 1, 2 and so on for every key.
type countingSource struct{}

func (countingSource) Bytes(_ string, n int) ([]byte, error) {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i)
	}

	return b, nil
}

// keySystem is a System whose keys come from src, in the folder dir.
func keySystem(dir string, src secret.Source, env map[string]string) (*System, *bytes.Buffer,
	*bytes.Buffer,
) {
	var out, errb bytes.Buffer

	return &System{
		In:      strings.NewReader(""),
		Out:     &out,
		Err:     &errb,
		Getenv:  func(k string) string { return env[k] },
		Getwd:   func() (string, error) { return dir, nil },
		Now:     func() time.Time { return tokenNow },
		Secrets: src,
	}, &out, &errb
}

func TestNewKeyDrawsFromTheInjectedSource(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{want: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4" +
			"OTo7PD0-Pw\n"},
		{args: []string{"--bytes", "32"}, want: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\n"},
	}

	for _, tt := range tests {
		t.Run(strings.Join(append([]string{"new-key"}, tt.args...), " "), func(t *testing.T) {
			sys, out, errb := keySystem(t.TempDir(), countingSource{}, nil)

			code := Run(context.Background(), sys, append([]string{"new-key"}, tt.args...))
			if code != 0 || errb.Len() != 0 {
				t.Fatalf("exit %d, stderr %q", code, errb.String())
			}

			if out.String() != tt.want {
				t.Errorf("stdout = %q, want %q", out.String(), tt.want)
			}
		})
	}
}

// TestKeysIgnoreTheSeed checks that new-key and keys rotate never make a key that the
// seed of "zentra init" could work out: without an injected source, keys are random.
func TestKeysIgnoreTheSeed(t *testing.T) {
	seeded := map[string]string{SeedEnv: "test"}

	t.Run("new-key", func(t *testing.T) {
		var keys []string
		for range 2 {
			sys, out, _ := keySystem(t.TempDir(), nil, seeded)
			if code := Run(context.Background(), sys, []string{"new-key"}); code != 0 {
				t.Fatalf("exit %d", code)
			}

			keys = append(keys, out.String())
		}

		if keys[0] == keys[1] {
			t.Errorf("two keys made with %s set are the same", SeedEnv)
		}
	})

	t.Run("keys rotate", func(t *testing.T) {
		var keys []string
		for range 2 {
			dir := testProject(t, "true", testEnv)
			sys, _, errb := keySystem(dir, nil, seeded)
			if code := Run(context.Background(), sys, []string{"keys", "rotate"}); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errb.String())
			}

			env, err := envfile.Read(filepath.Join(dir, ".env"))
			if err != nil {
				t.Fatal(err)
			}

			keys = append(keys, env[token.EnvAccessKey])
		}

		if keys[0] == keys[1] {
			t.Errorf("two rotations with %s set wrote the same key", SeedEnv)
		}
	})
}

func TestKeysRotateDrawsFromTheInjectedSource(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	sys, _, errb := keySystem(dir, countingSource{}, nil)

	if code := Run(context.Background(), sys, []string{"keys", "rotate", "--access"}); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}

	got, err := os.ReadFile(filepath.Join(dir, ".env"))
	if err != nil {
		t.Fatal(err)
	}

	want := "\n" + token.EnvAccessKey + "=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIj" +
		"JCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw\n"
	if !strings.Contains(string(got), want) {
		t.Errorf(".env = %s\nwant the line %q", got, want)
	}
}
