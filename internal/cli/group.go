package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// newProjectGroup builds a command that only groups the subcommands working on a
// project made by zentra. It holds their --dir flag, and a missing or mistyped
// subcommand is a usage error.
func newProjectGroup(sys *System, use, short, long string, dir *string,
	subs ...*cobra.Command,
) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        use,
		Short:                      short,
		Long:                       long,
		Args:                       groupArgs,
		RunE:                       groupRun(sys),
		SuggestionsMinimumDistance: 2,
	}
	cmd.PersistentFlags().StringVar(dir, "dir", "",
		"project folder or any folder inside it (default: the current folder)")
	cmd.AddCommand(subs...)

	return cmd
}

// groupArgs refuses the arguments of a command that only groups others: the first is a
// mistyped or unknown command name, and the error suggests the closest real one.
func groupArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}

	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", near[0])
	}

	return &ExitError{Code: ExitUsage, Err: errors.New(msg),
		Hint: fmt.Sprintf("Run '%s --help' for usage.", cmd.CommandPath())}
}

// groupRun runs a command that only groups others when it is given none of them: it
// prints the usage on stderr and fails with a usage error naming the commands.
func groupRun(sys *System) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		cmd.SetOut(sys.Err)
		_ = cmd.Usage()

		var names []string
		for _, c := range cmd.Commands() {
			if c.IsAvailableCommand() {
				names = append(names, c.Name())
			}
		}

		return usageError(fmt.Errorf("missing command: %q needs one of %s",
			cmd.CommandPath(), strings.Join(names, ", ")))
	}
}
