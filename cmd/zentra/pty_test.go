//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// screenTimeout bounds every wait for the terminal to show something. It is generous,
// for a busy two-core machine; a hang still fails the test instead of blocking it.
const screenTimeout = 30 * time.Second

// terminal runs a command in a pseudo-terminal and records everything it shows.
type terminal struct {
	t         *testing.T
	ptmx, tty *os.File
	cmd       *exec.Cmd

	mu   sync.Mutex
	seen bytes.Buffer

	exited  chan struct{}
	waitErr error
}

func startTerminal(t *testing.T, dir string, env []string, bin string, args ...string) *terminal {
	t.Helper()

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open a pseudo-terminal: %v", err)
	}

	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 120}); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}

	term := &terminal{t: t, ptmx: ptmx, tty: tty, cmd: cmd, exited: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	go term.record()

	go func() {
		term.waitErr = cmd.Wait()
		close(term.exited)
	}()

	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-term.exited
		_ = ptmx.Close()
		_ = tty.Close()
	})

	return term
}

// Queries that a program may send to learn about the terminal, and the answers of a
// terminal with a black background and the cursor at the top left. Real terminals
// answer them; unanswered, the program waits seconds for a reply.
var queries = []struct{ query, answer string }{
	{"\x1b]11;?", "\x1b]11;rgb:0000/0000/0000\x1b\\"},
	{"\x1b[6n", "\x1b[1;1R"},
}

// record keeps what the command shows and answers its queries, in the order sent.
func (term *terminal) record() {
	buf := make([]byte, 4096)
	answered := make([]int, len(queries))

	for {
		n, err := term.ptmx.Read(buf)

		term.mu.Lock()
		term.seen.Write(buf[:n])
		seen := term.seen.String()
		term.mu.Unlock()

		for i, q := range queries {
			for ; answered[i] < strings.Count(seen, q.query); answered[i]++ {
				_, _ = io.WriteString(term.ptmx, q.answer)
			}
		}

		if err != nil {
			return
		}
	}
}

// screen is what the terminal was sent so far, without escape sequences.
func (term *terminal) screen() string {
	term.mu.Lock()
	defer term.mu.Unlock()

	return ansi.Strip(term.seen.String())
}

// waitFor waits until the terminal shows text.
func (term *terminal) waitFor(text string) {
	term.t.Helper()

	deadline := time.Now().Add(screenTimeout)
	for !strings.Contains(term.screen(), text) {
		if time.Now().After(deadline) {
			term.t.Fatalf("the terminal never showed %q; it showed:\n%s", text, term.screen())
		}

		time.Sleep(25 * time.Millisecond)
	}
}

func (term *terminal) typeKeys(keys string) {
	term.t.Helper()

	if _, err := io.WriteString(term.ptmx, keys); err != nil {
		term.t.Fatal(err)
	}
}

// exitCode waits for the command to end and returns its exit code.
func (term *terminal) exitCode() int {
	term.t.Helper()

	select {
	case <-term.exited:
	case <-time.After(screenTimeout):
		term.t.Fatalf("zentra did not end; the terminal showed:\n%s", term.screen())
	}

	var ee *exec.ExitError
	if errors.As(term.waitErr, &ee) {
		return ee.ExitCode()
	}

	if term.waitErr != nil {
		term.t.Fatal(term.waitErr)
	}

	return 0
}

// checkRestored checks that the terminal is back in line mode with echo, as it was.
func (term *terminal) checkRestored() {
	term.t.Helper()

	stty := exec.Command("stty", "-a")
	stty.Stdin = term.tty

	out, err := stty.Output()
	if err != nil {
		term.t.Fatalf("stty -a: %v", err)
	}

	for _, field := range strings.Fields(string(out)) {
		if field == "-icanon" || field == "-echo" {
			term.t.Errorf("the terminal was left in raw mode: %s", out)
		}
	}
}

// TestTerminalInitTypedAnswers types answers into the real form and checks the project,
// then runs the command zentra printed and checks that it makes the same project.
func TestTerminalInitTypedAnswers(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git is not installed: %v", err)
	}

	bin := buildZentra(t)
	parent := t.TempDir()
	term := startTerminal(t, parent, childEnv(t, "TERM=xterm-256color"), bin, "init")

	// "┃" marks the question in focus: wait for it before typing each answer.
	term.waitFor("┃ Project name")
	term.typeKeys("\x15shop-api\r") // Ctrl-U clears the proposed name.
	term.waitFor("┃ Description")
	term.typeKeys("\r")
	term.waitFor("┃ Author")
	term.waitFor("> Pty Tester <pty@example.com>")
	term.typeKeys("\r")
	term.waitFor("┃ Add user authentication?")
	term.typeKeys("n")
	term.waitFor("┃ Initialise a git repository?")
	term.typeKeys("\r")

	if code := term.exitCode(); code != 0 {
		t.Fatalf("exit %d; the terminal showed:\n%s", code, term.screen())
	}

	term.checkRestored()

	project := filepath.Join(parent, "shop-api")
	pyproject, err := os.ReadFile(filepath.Join(project, "pyproject.toml"))
	if err != nil {
		t.Fatal(err)
	}

	for _, want := range []string{`name = "shop-api"`, `name = "Pty Tester"`} {
		if !strings.Contains(string(pyproject), want) {
			t.Errorf("pyproject.toml lacks %s:\n%s", want, pyproject)
		}
	}

	for _, p := range []string{"app/auth/__init__.py", "app/core/security.py"} {
		if _, err := os.Stat(filepath.Join(project, p)); err == nil {
			t.Errorf("%s written with authentication turned off", p)
		}
	}

	if _, err := os.Stat(filepath.Join(project, ".git")); err != nil {
		t.Errorf("no git repository: %v", err)
	}

	command := regexp.MustCompile(`zentra init shop-api .*--yes`).FindString(term.screen())
	want := `zentra init shop-api --author 'Pty Tester <pty@example.com>' --no-auth --yes`
	if command != want {
		t.Fatalf("equivalent command %q, want %q; the terminal showed:\n%s",
			command, want, term.screen())
	}

	sameWithoutQuestions(t, bin, command, project)
}

// sameWithoutQuestions runs command through the shell, as CI would, and checks that it
// makes the project that the questions made.
func sameWithoutQuestions(t *testing.T, bin, command, project string) {
	t.Helper()

	again := t.TempDir()
	path := filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")
	cmd := exec.Command("sh", "-c", command)
	cmd.Dir, cmd.Env = again, childEnv(t, "CI=true", "PATH="+path)

	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", command, err, out)
	}

	for _, f := range []string{"pyproject.toml", "README.md"} {
		first, err1 := os.ReadFile(filepath.Join(project, f))
		second, err2 := os.ReadFile(filepath.Join(again, "shop-api", f))
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}

		if !bytes.Equal(first, second) {
			t.Errorf("%s differs between the questions and the command:\n%s\n---\n%s",
				f, first, second)
		}
	}

	if got, want := listDir(t, filepath.Join(again, "shop-api")), listDir(t, project); got != want {
		t.Errorf("the command made %q, the questions %q", got, want)
	}
}

// TestTerminalInitInterrupted stops the questions at the first one: exit 130, the
// terminal restored, and nothing new in the folder, hidden temporary folders included.
func TestTerminalInitInterrupted(t *testing.T) {
	bin := buildZentra(t)

	tests := []struct {
		name, term, prompt, keys string
	}{
		{"ctrl-c", "xterm-256color", "Project name", "\x03"},
		{"esc", "xterm-256color", "Project name", "\x1b"},
		{"ctrl-c in accessible mode", "dumb", "Project name (my-api):", "\x03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			if err := os.WriteFile(filepath.Join(parent, "notes.txt"), []byte("mine\n"), 0o644); err != nil {
				t.Fatal(err)
			}

			before := listDir(t, parent)
			term := startTerminal(t, parent, childEnv(t, "TERM="+tt.term), bin, "init")

			term.waitFor(tt.prompt)
			term.typeKeys(tt.keys)

			if code := term.exitCode(); code != 130 {
				t.Fatalf("exit %d, want 130; the terminal showed:\n%s", code, term.screen())
			}

			term.waitFor("interrupted; nothing was written")
			term.checkRestored()

			if after := listDir(t, parent); after != before {
				t.Errorf("the folder holds %q after the interrupt, %q before", after, before)
			}
		})
	}
}

// TestTerminalWithCIAsksNothing runs zentra on a terminal with CI set: no question, the
// defaults with a folder, and a usage error without one.
func TestTerminalWithCIAsksNothing(t *testing.T) {
	bin := buildZentra(t)

	tests := []struct {
		name  string
		args  []string
		code  int
		shows string
	}{
		{"with a dir", []string{"init", "demo"}, 0, "Created demo"},
		{"without a dir", []string{"init"}, 2, `missing project folder: run "zentra init <dir>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			term := startTerminal(t, parent, childEnv(t, "TERM=xterm-256color", "CI=true"),
				bin, tt.args...)

			code := term.exitCode()
			term.waitFor(tt.shows)

			if code != tt.code {
				t.Fatalf("exit %d, want %d; the terminal showed:\n%s", code, tt.code, term.screen())
			}

			if strings.Contains(term.screen(), "Description") {
				t.Errorf("a question was shown with CI set:\n%s", term.screen())
			}
		})
	}
}

// TestTerminalNoColor checks that NO_COLOR leaves every colour out of the form, while
// the chosen answer of a yes/no question still shows.
func TestTerminalNoColor(t *testing.T) {
	bin := buildZentra(t)
	parent := t.TempDir()
	term := startTerminal(t, parent, childEnv(t, "TERM=xterm-256color", "NO_COLOR=1"),
		bin, "init", "demo", "--description", "D.", "--author", "A")

	term.waitFor("┃ Add user authentication?")
	term.waitFor("[ Yes ]")
	term.typeKeys("\x03")

	if code := term.exitCode(); code != 130 {
		t.Fatalf("exit %d, want 130; the terminal showed:\n%s", code, term.screen())
	}

	term.mu.Lock()
	raw := term.seen.String()
	term.mu.Unlock()

	if m := firstColour(raw); m != "" {
		t.Errorf("a colour sequence %q was sent with NO_COLOR set", m)
	}
}
