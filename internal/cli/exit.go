package cli

import (
	"context"
	"errors"
)

// Exit codes of zentra, the same for every command.
const (
	ExitOK          = 0   // done
	ExitFailed      = 1   // the command ran and failed
	ExitUsage       = 2   // bad flags, arguments or answers; nothing was written
	ExitInterrupted = 130 // stopped by Ctrl-C or SIGTERM; nothing was left behind
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
