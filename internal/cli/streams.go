package cli

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/zentra-cli/zentra/internal/prompt"
	"github.com/zentra-cli/zentra/internal/secret"
)

// AccessibleEnv names the environment variable that, set to 1, asks questions one plain
// line at a time instead of with an interactive form. It also lets answers come from a
// pipe, for scripts and tests.
const AccessibleEnv = "ZENTRA_ACCESSIBLE"

// System is everything a command takes from the world outside it: streams, terminal
// state, environment and tools. Tests build one by hand; main builds it from the process.
type System struct {
	In       io.Reader
	Out, Err io.Writer

	// StdinTTY and StdoutTTY say whether In and Out are terminals.
	StdinTTY, StdoutTTY bool

	Getenv   func(string) string
	Getwd    func() (string, error)
	LookPath func(string) (string, error)

	// Now tells the time; tokens take their iat and exp from it.
	Now func() time.Time

	// Secrets draws the keys for .env. Nil means crypto/rand, or the seeded source when
	// ZENTRA_SECRET_SEED is set.
	Secrets secret.Source

	// Prompter asks for what flags left open. Nil means the huh form on In and Err.
	Prompter prompt.Prompter
}

// OSSystem returns the System of the running process.
func OSSystem() *System {
	return &System{
		In:        os.Stdin,
		Out:       os.Stdout,
		Err:       os.Stderr,
		StdinTTY:  isTerminal(os.Stdin),
		StdoutTTY: isTerminal(os.Stdout),
		Getenv:    os.Getenv,
		Getwd:     os.Getwd,
		LookPath:  exec.LookPath,
		Now:       time.Now,
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Abs returns dir as a clean absolute path, resolved against the working folder when it
// is relative; "" is the working folder itself.
func (s *System) Abs(dir string) (string, error) {
	if filepath.IsAbs(dir) {
		return filepath.Clean(dir), nil
	}

	wd, err := s.Getwd()
	if err != nil {
		return "", fmt.Errorf("cannot find the current folder: %w", err)
	}

	return filepath.Join(wd, dir), nil
}

// CanPrompt is true when questions may be asked: no CI system is running us, and either
// both ends are terminals or ZENTRA_ACCESSIBLE=1 asks for plain prompts, which read
// their answers from any input.
func (s *System) CanPrompt() bool {
	if inCI(s.Getenv("CI")) {
		return false
	}

	return (s.StdinTTY && s.StdoutTTY) || s.Getenv(AccessibleEnv) == "1"
}

// inCI reads the CI variable: set to anything but "", "0" or "false" (in any case), a CI
// system is running us.
func inCI(v string) bool {
	v = strings.TrimSpace(v)

	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// Accessible is true when questions are asked one plain line at a time: with
// ZENTRA_ACCESSIBLE=1, or on a terminal that cannot redraw (TERM=dumb).
func (s *System) Accessible() bool {
	return s.Getenv(AccessibleEnv) == "1" || s.Getenv("TERM") == "dumb"
}

// prompter returns the Prompter to ask with: the injected one, or the huh form drawn on
// standard error so that standard output stays clean.
func (s *System) prompter() prompt.Prompter {
	if s.Prompter != nil {
		return s.Prompter
	}

	return &prompt.Huh{
		In:         s.In,
		Out:        s.Err,
		Accessible: s.Accessible(),
		NoColor:    s.Getenv("NO_COLOR") != "",
	}
}
