package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zentra-cli/zentra/internal/secret"
)

func TestGitFlags(t *testing.T) {
	tests := []struct {
		name         string
		set          []string // flags given on the command line
		git, noGit   bool     // their values (the defaults when not given)
		want, refuse bool
	}{
		{name: "neither", git: true, want: true},
		{name: "git", set: []string{"git"}, git: true, want: true},
		{name: "git false", set: []string{"git"}, git: false, want: false},
		{name: "no-git", set: []string{"no-git"}, git: true, noGit: true, want: false},
		{name: "no-git false", set: []string{"no-git"}, git: true, noGit: false, want: true},
		{name: "both on, agreeing", set: []string{"git", "no-git"}, git: true, noGit: false,
			want: true},
		{name: "both off, agreeing", set: []string{"git", "no-git"}, git: false, noGit: true,
			want: false},
		{name: "both saying yes to git and to no git", set: []string{"git", "no-git"},
			git: true, noGit: true, refuse: true},
		{name: "both saying no", set: []string{"git", "no-git"}, git: false, noGit: false,
			refuse: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			given := func(f string) bool { return slices.Contains(tt.set, f) }

			got, err := gitFlags(given, tt.git, tt.noGit)
			switch {
			case tt.refuse && (err == nil || CodeOf(err) != ExitUsage):
				t.Fatalf("gitFlags = %v, %v; want a usage error", got, err)
			case !tt.refuse && err != nil:
				t.Fatalf("gitFlags = %v", err)
			case !tt.refuse && got != tt.want:
				t.Errorf("gitFlags = %v, want %v", got, tt.want)
			}
		})
	}
}

// fakeGit writes a stand-in for git into a fresh folder and returns its path and the
// file it creates once "git init" has begun. It is never inside a work tree, knows no
// config, and its "init" starts a .git folder, then hangs until it is killed.
func fakeGit(t *testing.T) (git, started string) {
	t.Helper()

	if runtime.GOOS == "windows" {
		t.Skip("the stand-in for git is a shell script")
	}

	dir := t.TempDir()
	started = filepath.Join(dir, "init-started")
	git = filepath.Join(dir, "git")
	script := "#!/bin/sh\n" +
		"if [ \"$1\" = init ]; then\n" +
		"  mkdir -p \"$3/.git/objects\" && echo 'ref: refs/heads/main' > \"$3/.git/HEAD\"\n" +
		"  : > '" + started + "'\n" +
		"  exec sleep 60\n" +
		"fi\n" +
		"exit 1\n"
	if err := os.WriteFile(git, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	return git, started
}

// waitForFile waits until p exists, and fails the test after 20 seconds.
func waitForFile(t *testing.T, p string) {
	t.Helper()

	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(p); err == nil {
			return
		}

		if time.Now().After(deadline) {
			t.Fatalf("%s never appeared", p)
		}
	}
}

// TestInterruptDuringGitInit cancels a run while "git init" works: exit 130, no warning,
// and nothing left that the run can take back.
func TestInterruptDuringGitInit(t *testing.T) {
	tests := []struct {
		name     string
		existing map[string]string // files in the target before the run; nil: no target
		says     string
		left     []string // entries of the target after the run; nil: no target
		gone     []string // entries that must not be in the target after the run
	}{
		{name: "new folder is removed whole", says: "interrupted; nothing was written"},
		{name: "existing folder keeps the files but loses the new .git",
			existing: map[string]string{"LICENSE": "MIT\n"},
			says:     "which existed before: they stay, without a git repository",
			left:     []string{"LICENSE", "pyproject.toml", "app"}, gone: []string{".git"}},
		{name: "a .git that was there before stays",
			existing: map[string]string{".git/config": "mine\n"},
			says:     "which existed before: they stay",
			left:     []string{".git/config", "pyproject.toml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			git, started := fakeGit(t)
			wd := t.TempDir()
			target := filepath.Join(wd, "my-api")

			for p, data := range tt.existing {
				putFile(t, filepath.Join(target, p), data)
			}

			var out, errOut bytes.Buffer
			sys := &System{
				In: strings.NewReader(""), Out: &out, Err: &errOut,
				Getenv:   func(string) string { return "" },
				Getwd:    func() (string, error) { return wd, nil },
				LookPath: func(string) (string, error) { return git, nil },
				Secrets:  secret.Seeded{Seed: "git interrupt"},
			}

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()

			done := make(chan int, 1)
			go func() { done <- Run(ctx, sys, []string{"init", "my-api", "--yes"}) }()

			waitForFile(t, started)
			cancel()

			var code int
			select {
			case code = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("zentra did not stop after the interrupt")
			}

			checkInterrupted(t, code, errOut.String(), tt.says)
			checkLeft(t, target, tt.left, tt.existing)

			for _, p := range tt.gone {
				if exists(filepath.Join(target, p)) {
					t.Errorf("%s is still there", p)
				}
			}
		})
	}
}

func checkInterrupted(t *testing.T, code int, stderr, says string) {
	t.Helper()

	if code != ExitInterrupted {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitInterrupted, stderr)
	}

	if !strings.Contains(stderr, says) {
		t.Errorf("stderr does not say %q:\n%s", says, stderr)
	}

	if strings.Contains(stderr, "warning") || strings.Contains(stderr, "Created") {
		t.Errorf("stderr warns or reports success after an interrupt:\n%s", stderr)
	}
}

// checkLeft checks that target holds the entries left, and that the files it held
// before are unchanged; with left nil, that target is gone.
func checkLeft(t *testing.T, target string, left []string, before map[string]string) {
	t.Helper()

	if left == nil {
		if exists(target) {
			t.Errorf("%s is still there", target)
		}

		return
	}

	for _, p := range left {
		if !exists(filepath.Join(target, p)) {
			t.Errorf("%s is gone", p)
		}
	}

	for p, data := range before {
		if b, _ := os.ReadFile(filepath.Join(target, p)); string(b) != data {
			t.Errorf("%s changed to %q", p, b)
		}
	}
}

func putFile(t *testing.T, p, data string) {
	t.Helper()

	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}

	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestShellQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"my-api", "my-api"},
		{"", "''"},
		{"my api", "'my api'"},
		{"it's", `'it'\''s'`},
		{"café", "'café'"},
		{"a\nb", `$'a\x0ab'`},
		{"x\x1b[31m'\\", `$'x\x1b[31m\'\\'`},
		{"é\x01", `$'\xc3\xa9\x01'`},
		{"bad\xff", `$'bad\xff'`},
	}
	for _, tt := range tests {
		if got := shellQuote(tt.in); got != tt.want {
			t.Errorf("shellQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestCtrlCDuringGitInit sends SIGINT to a zentra process while "git init" works, as a
// user's Ctrl-C does: exit 130, and no project left behind.
func TestCtrlCDuringGitInit(t *testing.T) {
	git, started := fakeGit(t)
	wd := t.TempDir()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "zentra", "init", "my-api", "--yes")
	cmd.Dir = wd
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(git)+string(os.PathListSeparator)+
		os.Getenv("PATH"))
	cmd.Stderr = &stderr

	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	waitForFile(t, started)

	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}

	err := cmd.Wait()

	code := 0
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		code = ee.ExitCode()
	}

	checkInterrupted(t, code, stderr.String(), "interrupted; nothing was written")

	if entries, _ := os.ReadDir(wd); len(entries) > 0 {
		t.Errorf("an interrupted init left %v behind", entries)
	}
}
