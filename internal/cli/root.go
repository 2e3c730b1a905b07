// Package cli wires zentra's commands: each file holds one command with its options,
// its flags and a run function that takes its streams from a System.
package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/version"
)

// NewRoot builds the zentra command tree. started is set once a command's own code
// begins, so that errors before it (flags, arguments) can be told apart as usage errors.
func NewRoot(sys *System, started *bool) *cobra.Command {
	root := &cobra.Command{
		Use:   "zentra",
		Short: "Create FastAPI projects with user authentication built in",
		Long: "zentra creates ready-to-run FastAPI projects: SQLAlchemy models, Alembic\n" +
			"migrations, tests, and JWT user authentication that --no-auth leaves out.",
		Version:       version.Get().String(),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRun: func(*cobra.Command, []string) {
			*started = true
		},
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(sys.Err)
			_ = cmd.Usage()

			return usageError(errors.New("missing command: try \"zentra init my-api\""))
		},
	}

	root.SetIn(sys.In)
	root.SetOut(sys.Out)
	root.SetErr(sys.Err)
	root.SetVersionTemplate("zentra {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError(err)
	})

	root.AddCommand(
		newInitCmd(sys),
		newNewKeyCmd(sys),
		newTokenCmd(sys),
		newKeysCmd(sys),
		newVersionCmd(sys),
	)

	return root
}

// Run executes zentra with args and returns the exit code. It prints the final error,
// once, to sys.Err.
func Run(ctx context.Context, sys *System, args []string) int {
	started := false
	root := NewRoot(sys, &started)
	root.SetArgs(args)

	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}

	if ctx.Err() != nil && !errors.Is(err, context.Canceled) {
		err = errors.Join(context.Canceled, err)
	}

	code := CodeOf(err)
	if !started && code == ExitFailed {
		code = ExitUsage
	}

	switch code {
	case ExitInterrupted:
		fmt.Fprintln(sys.Err, "zentra: interrupted; nothing was written")
	default:
		fmt.Fprintf(sys.Err, "zentra: %v\n", err)
	}

	var ee *ExitError
	if errors.As(err, &ee) && ee.Hint != "" {
		fmt.Fprintln(sys.Err, ee.Hint)
	} else if code == ExitUsage && !started {
		fmt.Fprintln(sys.Err, "Run 'zentra --help' for usage.")
	}

	return code
}
