//go:build unix

// Package e2e proves that generated projects work: it builds zentra, generates each
// variant, installs it from PyPI with uv, runs its own linters, tests and migrations,
// then starts its server and talks to it over HTTP.
//
// Outside CI the tests skip with a reason when Python or uv is missing; under CI (the CI
// variable set) a missing tool fails the run.
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts -update
)

// zentraBin is the binary built once for all tests.
var zentraBin string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "zentra-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)

	zentraBin = filepath.Join(dir, "zentra")
	build := exec.Command("go", "build", "-o", zentraBin, "../../cmd/zentra")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build zentra: %v\n%s", err, out)
		return 1
	}

	return m.Run()
}

// requireTools skips (or, under CI, fails) when the Python toolchain is missing.
func requireTools(t *testing.T) {
	t.Helper()

	var missing []string
	for _, tool := range []string{"python3", "uv"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}

	if len(missing) == 0 {
		return
	}

	msg := fmt.Sprintf("end-to-end tests need %s on PATH (pip install uv)",
		strings.Join(missing, " and "))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}

	t.Skip(msg)
}

// toolEnv is the environment for uv and the generated project: the test's own, with uv
// kept from downloading interpreters and from reusing an outer virtualenv.
func toolEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "VIRTUAL_ENV=") && !strings.HasPrefix(kv, "DB__URL=") {
			env = append(env, kv)
		}
	}

	env = append(env, "UV_PYTHON_DOWNLOADS=never", "UV_NO_PROGRESS=1", "NO_COLOR=1")

	return append(env, extra...)
}

// run runs a command in dir and fails the test with its output when it fails.
func run(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()

	out, err := runErr(dir, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}

	return out
}

// runErr runs a command in dir with a time limit and returns its combined output.
func runErr(dir string, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = toolEnv()

	var buf bytes.Buffer
	cmd.Stdout = &buf
	cmd.Stderr = &buf
	err := cmd.Run()

	return buf.String(), err
}

// server is a generated project's app running under "fastapi run".
type server struct {
	cmd  *exec.Cmd
	base string
	log  *syncBuffer
}

// syncBuffer collects a process's output while tests read it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()

	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()

	return b.buf.String()
}

// output is everything the server printed so far, its access log included.
func (s *server) output() string { return s.log.String() }

// logged reports whether the server's output holds text, waiting a few seconds for the
// log line of a request that has just been answered.
func (s *server) logged(t *testing.T, text string) bool {
	t.Helper()

	for deadline := time.Now().Add(5 * time.Second); ; {
		if strings.Contains(s.output(), text) {
			return true
		}

		if time.Now().After(deadline) {
			return false
		}

		time.Sleep(100 * time.Millisecond)
	}
}

// startServer starts the project in dir on a free loopback port, the way its README
// says, and waits until it answers.
func startServer(t *testing.T, dir string) *server {
	t.Helper()

	port := freePort(t)
	cmd := exec.Command("uv", "run", "fastapi", "run", "--host", "127.0.0.1",
		"--port", fmt.Sprint(port))
	cmd.Dir = dir
	cmd.Env = toolEnv()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}

	log := &syncBuffer{}
	cmd.Stdout = log
	cmd.Stderr = log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start server: %v", err)
	}

	s := &server{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), log: log}
	t.Cleanup(s.stop)

	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(s.base + "/api/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}

		time.Sleep(300 * time.Millisecond)
	}

	s.stop()
	t.Fatalf("server did not answer on %s within 90s; its output:\n%s", s.base, log.String())

	return nil
}

// stop ends the server and everything it started, and waits for it.
func (s *server) stop() {
	if s.cmd.Process == nil || s.cmd.ProcessState != nil {
		return
	}

	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		_ = s.cmd.Wait()
		close(done)
	}()

	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

func freePort(t *testing.T) int {
	t.Helper()

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	return l.Addr().(*net.TCPAddr).Port
}
