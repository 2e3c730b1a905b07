package cli_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zentra-cli/zentra/internal/cli"
	"github.com/zentra-cli/zentra/internal/golden"
	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/internal/version"
)

// TestMain lets the test binary act as the zentra command: testscript puts a copy named
// "zentra" on PATH, for the scripts and for the tests here that run it as a process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"zentra": zentraMain})
}

// zentraMain does what cmd/zentra's main does.
func zentraMain() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, cli.OSSystem(), os.Args[1:])
	stop()
	os.Exit(code)
}

// TestScripts runs the command-line scripts in testdata/script. They compare files with
// "cmp" to prove that files survive byte for byte, so -update does not rewrite them.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "testdata", "script"),
		Cmds:                scriptCmds,
		Condition:           condition,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
	})
}

// condition answers [git]: whether git is installed. Under CI a missing git is an error,
// not a reason to leave the git checks out.
func condition(cond string) (bool, error) {
	if cond != "git" {
		return false, errors.New("unknown condition " + cond)
	}

	_, err := exec.LookPath("git")
	if err != nil && os.Getenv("CI") != "" {
		return false, errors.New("git is not installed, and CI must run the git checks")
	}

	return err == nil, nil
}

// processEnv is the environment of the test process without CI, so that a run proves
// that a missing terminal alone stops every question.
func processEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CI=") {
			env = append(env, kv)
		}
	}

	return env
}

// TestStdinFromDevNull runs zentra as a process with /dev/null for input and no CI
// variable: it must finish promptly with the defaults instead of waiting for answers.
func TestStdinFromDevNull(t *testing.T) {
	dir := t.TempDir()

	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "zentra", "init", "my-api", "--no-git")
	cmd.Dir = dir
	cmd.Env = processEnv()
	cmd.Stdin = devNull
	cmd.Stderr = &stderr
	cmd.WaitDelay = time.Second

	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("zentra init was still running after 30s with stdin from %s", os.DevNull)
	}

	if err != nil {
		t.Fatalf("zentra init failed: %v\n%s", err, stderr.String())
	}

	if _, err := os.Stat(filepath.Join(dir, "my-api", "pyproject.toml")); err != nil {
		t.Errorf("no project written: %v", err)
	}
}

// TestCtrlCAtAQuestion interrupts zentra while it waits for an answer: exit 130, and
// nothing written. Plain prompts (ZENTRA_ACCESSIBLE=1) read from a pipe that never
// answers, so the process is surely waiting when the signal comes.
func TestCtrlCAtAQuestion(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}

	dir := t.TempDir()

	silent, answers, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer answers.Close()
	defer silent.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	cmd := exec.CommandContext(ctx, "zentra", "init", "my-api", "--no-git")
	cmd.Dir = dir
	cmd.Env = append(processEnv(), cli.AccessibleEnv+"=1")
	cmd.Stdin = silent

	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}

	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	// The first output is the first question.
	var shown bytes.Buffer
	buf := make([]byte, 256)
	for shown.Len() == 0 {
		n, err := stderr.Read(buf)
		if err != nil {
			t.Fatalf("zentra stopped before asking: %v", err)
		}

		shown.Write(buf[:n])
	}

	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}

	rest, _ := io.ReadAll(stderr)
	shown.Write(rest)

	err = cmd.Wait()
	if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != cli.ExitInterrupted {
		t.Fatalf("zentra ended with %v, want exit %d; it said:\n%s",
			err, cli.ExitInterrupted, shown.String())
	}

	if !strings.Contains(shown.String(), "nothing was written") {
		t.Errorf("zentra did not say that nothing was written:\n%s", shown.String())
	}

	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("an interrupted init left %v behind", entries)
	}
}

// testSystem is a System for running zentra in this process, in dir.
func testSystem(dir string, stderr *bytes.Buffer) *cli.System {
	return &cli.System{
		In:       strings.NewReader(""),
		Out:      &bytes.Buffer{},
		Err:      stderr,
		Getenv:   func(string) string { return "" },
		Getwd:    func() (string, error) { return dir, nil },
		LookPath: exec.LookPath,
		Now:      func() time.Time { return time.Unix(1_700_000_000, 0) },
	}
}

// cancelling is a secret source that cancels the run's context when the keys are drawn:
// Ctrl-C after the command started and before anything was written.
type cancelling struct{ cancel context.CancelFunc }

func (c cancelling) Bytes(label string, n int) ([]byte, error) {
	c.cancel()
	return secret.Seeded{Seed: "x"}.Bytes(label, n)
}

func TestInterruptWritesNothing(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var stderr bytes.Buffer
	sys := testSystem(dir, &stderr)
	sys.Secrets = cancelling{cancel}

	code := cli.Run(ctx, sys, []string{"init", "my-api", "--yes", "--no-git"})
	if code != cli.ExitInterrupted {
		t.Errorf("exit code = %d, want %d; stderr:\n%s", code, cli.ExitInterrupted, stderr.String())
	}

	if !strings.Contains(stderr.String(), "interrupted; nothing was written") {
		t.Errorf("stderr does not say that nothing was written:\n%s", stderr.String())
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}

	if len(entries) > 0 {
		t.Errorf("an interrupted init left %v behind", entries)
	}
}

// TestInitWritesTheGoldenTree runs init as a user would, with the seeded source and the
// golden version, and compares what lands on disk, modes included, with the golden
// archives: the goldens show exactly what users get.
func TestInitWritesTheGoldenTree(t *testing.T) {
	saved := version.Version
	version.Version = "0.0.0-golden"
	t.Cleanup(func() { version.Version = saved })

	tests := []struct {
		variant string
		flags   []string
	}{
		{"default", nil},
		{"no-auth", []string{"--no-auth"}},
	}
	for _, tt := range tests {
		t.Run(tt.variant, func(t *testing.T) {
			dir := t.TempDir()

			var stderr bytes.Buffer
			sys := testSystem(dir, &stderr)
			sys.Secrets = secret.Seeded{Seed: "golden"}

			args := append([]string{"init", "my-api", "--yes", "--no-git"}, tt.flags...)
			if code := cli.Run(context.Background(), sys, args); code != cli.ExitOK {
				t.Fatalf("exit code %d:\n%s", code, stderr.String())
			}

			raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", tt.variant+".txtar"))
			if err != nil {
				t.Fatal(err)
			}

			want, err := golden.Parse(raw)
			if err != nil {
				t.Fatal(err)
			}

			for i := range want {
				want[i].Mode = onDisk(t, want[i].Mode)
			}

			got, err := golden.ReadTree(filepath.Join(dir, "my-api"))
			if err != nil {
				t.Fatal(err)
			}

			if err := golden.Same(want, got); err != nil {
				t.Errorf("the project on disk differs from the golden archive:\n%v", err)
			}
		})
	}
}

// onDisk is the permission a file created with mode gets under the process umask.
func onDisk(t *testing.T, mode fs.FileMode) fs.FileMode {
	t.Helper()

	p := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		t.Fatal(err)
	}

	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}

	return mode.Perm() & st.Mode().Perm()
}
