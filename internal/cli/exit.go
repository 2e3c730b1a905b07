package cli

import (
	"context"
	"errors"
	"fmt"
)

// Exit codes of zentra, the same for every command.
const (
	ExitOK          = 0   // done
	ExitFailed      = 1   // the command ran and failed
	ExitUsage       = 2   // bad flags, arguments or answers; nothing was written
	ExitInterrupted = 130 // stopped by Ctrl-C or SIGTERM; nothing left behind unless it says
)

// ExitError carries the exit code that an error should end the process with.
type ExitError struct {
	Code int
	Err  error
	// Hint is an optional second line telling the user what to do.
	Hint string
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// usageError marks err as a usage or validation problem (exit 2).
func usageError(err error) error {
	return &ExitError{Code: ExitUsage, Err: err}
}

// interruptedWith is an interruption whose message tells what the run left behind, for
// when that is not nothing. It wraps context.Canceled.
func interruptedWith(format string, args ...any) error {
	return &ExitError{Code: ExitInterrupted, Err: &canceled{fmt.Sprintf(format, args...)}}
}

// canceled is context.Canceled with a message of its own.
type canceled struct{ msg string }

func (e *canceled) Error() string { return e.msg }
func (e *canceled) Unwrap() error { return context.Canceled }

// CodeOf returns the exit code for an error returned by a command.
func CodeOf(err error) int {
	var ee *ExitError

	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &ee):
		return ee.Code
	default:
		return ExitFailed
	}
}
