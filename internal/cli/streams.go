package cli

import (
	"io"
	"os"
	"os/exec"

	"github.com/mattn/go-isatty"

	"github.com/zentra-cli/zentra/internal/secret"
)

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

	// Secrets draws the keys for .env. Nil means crypto/rand, or the seeded source when
	// ZENTRA_SECRET_SEED is set.
	Secrets secret.Source
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
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// CanPrompt is true when a person can answer questions: both ends are terminals and no
// CI system is running us.
func (s *System) CanPrompt() bool {
	return s.StdinTTY && s.StdoutTTY && s.Getenv("CI") == ""
}
