// Package prompt asks a person for the answers that flags left open. The questions sit
// behind the small Prompter interface so that commands can be tested without a
// terminal; Huh is the implementation that draws them with charmbracelet/huh.
package prompt

import (
	"context"
	"errors"
	"fmt"

	"github.com/zentra-cli/zentra/internal/project"
)

// ErrInterrupted is returned when the person stops the questions with Ctrl-C or Esc. It
// wraps context.Canceled, which callers treat as an interruption.
var ErrInterrupted = fmt.Errorf("questions interrupted: %w", context.Canceled)

// ErrEndOfInput is returned when the input ends before every question has an answer.
var ErrEndOfInput = errors.New("input ended before every question was answered")

// Choices are what the init questions fill in: the project answers, and whether to run
// "git init" in the new project.
type Choices struct {
	project.Answers

	Git bool
}

// Ask says which questions to ask. A question left out keeps the value it has in
// Choices; a question asked starts from that value as its default.
type Ask struct {
	Name        bool
	Description bool
	Author      bool
	Auth        bool
	Git         bool

	// CheckName, when set, runs after project.ValidateName on a proposed name, such as
	// to refuse a name whose folder already holds files.
	CheckName func(name string) error
}

// Any reports whether at least one question is to be asked.
func (a Ask) Any() bool {
	return a.Name || a.Description || a.Author || a.Auth || a.Git
}

// Prompter completes Choices by asking the questions that ask selects. It changes c only
// when every question was answered; on error c is left as it was.
type Prompter interface {
	Complete(ctx context.Context, c *Choices, ask Ask) error
}
