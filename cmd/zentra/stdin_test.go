package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts -update
)

// runTimeout bounds every run of the built binary: a run that waits for answers fails
// the test instead of blocking it.
const runTimeout = 30 * time.Second

// buildZentra builds the zentra binary into a fresh folder and returns its path.
func buildZentra(t *testing.T) string {
	t.Helper()

	// "go test" puts its own toolchain first on PATH.
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is not on PATH: %v", err)
	}

	bin := filepath.Join(t.TempDir(), "zentra")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	return bin
}

// childEnv is the test's environment without what would change how zentra asks or
// whom git names, with a git identity of its own and extra added.
func childEnv(t *testing.T, extra ...string) []string {
	t.Helper()

	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case k == "CI", k == "NO_COLOR", k == "TERM", k == "HOME", k == "COLORTERM",
			strings.HasPrefix(k, "ZENTRA_"), strings.HasPrefix(k, "GIT_"):
			continue
		}

		env = append(env, kv)
	}

	home := t.TempDir()
	config := filepath.Join(home, ".gitconfig")
	identity := "[user]\n\tname = Pty Tester\n\temail = pty@example.com\n"
	if err := os.WriteFile(config, []byte(identity), 0o644); err != nil {
		t.Fatal(err)
	}

	env = append(env, "HOME="+home, "GIT_CONFIG_GLOBAL="+config, "GIT_CONFIG_NOSYSTEM=1")

	return append(env, extra...)
}

// listDir lists a folder, hidden entries included.
func listDir(t *testing.T, dir string) string {
	t.Helper()

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}

	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}

	return strings.Join(names, " ")
}

// TestNoTerminalNeverAsks runs zentra without a terminal: it must finish within the
// timeout, take the defaults with a folder, and name what to pass without one.
func TestNoTerminalNeverAsks(t *testing.T) {
	bin := buildZentra(t)

	tests := []struct {
		name  string
		stdin string // "devnull", or text piped in
		env   []string
		args  []string
		code  int
		shows string
	}{
		{"stdin from /dev/null with a dir", "devnull", nil, []string{"init", "demo"}, 0, ""},
		{"stdin from a pipe with a dir", "shop\nn\n", nil, []string{"init", "demo"}, 0, ""},
		{"ci set with a dir", "", []string{"CI=true"}, []string{"init", "demo"}, 0, ""},
		{"stdin from /dev/null without a dir", "devnull", nil, []string{"init"}, 2,
			`missing project folder: run "zentra init <dir>"`},
		{"stdin from a pipe without a dir", "shop\n", nil, []string{"init"}, 2,
			`missing project folder: run "zentra init <dir>"`},
		{"ci set without a dir", "", []string{"CI=true"}, []string{"init"}, 2,
			`missing project folder: run "zentra init <dir>"`},
		{"accessible opt-in meets the end of input", "devnull", []string{"ZENTRA_ACCESSIBLE=1"},
			[]string{"init", "demo"}, 2, "input ended before every question was answered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
			defer cancel()

			var stdout, stderr bytes.Buffer

			cmd := exec.CommandContext(ctx, bin, tt.args...)
			cmd.Dir, cmd.Env = dir, childEnv(t, tt.env...)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.WaitDelay = time.Second
			cmd.Stdin = strings.NewReader(tt.stdin)

			if tt.stdin == "devnull" {
				devNull, err := os.Open(os.DevNull)
				if err != nil {
					t.Fatal(err)
				}
				defer devNull.Close()

				cmd.Stdin = devNull
			}

			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("still running after %s:\n%s", runTimeout, stderr.String())
			}

			code := 0

			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}

			if code != tt.code || !strings.Contains(stderr.String(), tt.shows) {
				t.Fatalf("exit %d, want %d with %q; stderr:\n%s", code, tt.code, tt.shows,
					stderr.String())
			}

			checkOutcome(t, dir, code, stdout.String(), stderr.String())
		})
	}
}

// checkOutcome checks a run without questions: on success a project with the default
// answers, on failure nothing written; never a question, never anything on stdout.
func checkOutcome(t *testing.T, dir string, code int, stdout, stderr string) {
	t.Helper()

	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}

	if strings.Contains(stderr, "without questions") {
		t.Errorf("printed an equivalent command with no question asked:\n%s", stderr)
	}

	if code != 0 {
		if got := listDir(t, dir); got != "" {
			t.Errorf("a failed run left %q behind", got)
		}

		return
	}

	pyproject, err := os.ReadFile(filepath.Join(dir, "demo", "pyproject.toml"))
	if err != nil {
		t.Fatal(err)
	}

	for _, want := range []string{`name = "demo"`, `description = "A FastAPI service."`} {
		if !strings.Contains(string(pyproject), want) {
			t.Errorf("pyproject.toml lacks %s:\n%s", want, pyproject)
		}
	}

	if strings.Contains(string(pyproject), "authors") {
		t.Errorf("an author was taken without being asked:\n%s", pyproject)
	}
}
