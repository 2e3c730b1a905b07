// Package cli wires zentra's commands: each file holds one command with its options,
// its flags and a run function that takes its streams from a System.
package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
	root.SetHelpCommand(newHelpCmd())
	strictCompletion(root, sys)

	return root
}

// newHelpCmd replaces cobra's help command, which prints the usage and succeeds when it
// does not know the topic: here an unknown topic is a usage error.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help shows the help of any command, such as \"zentra help init\".",
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) (
			[]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}

			var names []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}

			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return &ExitError{Code: ExitUsage,
					Err:  fmt.Errorf("unknown help topic %q", strings.Join(args, " ")),
					Hint: "Run 'zentra --help' for the list of commands."}
			}

			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()

			return cmd.Help()
		},
	}
}

// strictCompletion makes "zentra completion" with no shell, or with an unknown one, a
// usage error: cobra's own prints the help and succeeds.
func strictCompletion(root *cobra.Command, sys *System) {
	root.InitDefaultCompletionCmd()

	comp, _, err := root.Find([]string{"completion"})
	if err != nil || comp == root {
		return
	}

	var shells []string
	for _, sub := range comp.Commands() {
		shells = append(shells, sub.Name())
	}

	choose := "choose one of " + strings.Join(shells, ", ")
	comp.Args = func(_ *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageError(fmt.Errorf("unknown shell %q for \"zentra completion\": %s",
				args[0], choose))
		}

		return nil
	}
	comp.RunE = func(cmd *cobra.Command, _ []string) error {
		cmd.SetOut(sys.Err)
		_ = cmd.Usage()

		return usageError(fmt.Errorf("missing shell: %s, such as \"zentra completion bash\"",
			choose))
	}
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

	var ee *ExitError

	switch {
	case code == ExitInterrupted && !errors.As(err, &ee):
		fmt.Fprintln(sys.Err, "zentra: interrupted; nothing was written")
	default:
		fmt.Fprintf(sys.Err, "zentra: %v\n", err)
	}

	if errors.As(err, &ee) && ee.Hint != "" {
		fmt.Fprintln(sys.Err, ee.Hint)
	} else if code == ExitUsage && !started {
		fmt.Fprintln(sys.Err, "Run 'zentra --help' for usage.")
	}

	return code
}
