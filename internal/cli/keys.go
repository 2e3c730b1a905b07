package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/envfile"
	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/internal/token"
)

// keysOptions are the inputs of "zentra keys rotate".
type keysOptions struct {
	sys *System

	Dir     string
	Access  bool
	Refresh bool
}

func newKeysCmd(sys *System) *cobra.Command {
	o := &keysOptions{sys: sys}
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Manage the secret keys in the project's .env",
		Long: "Manage the secret keys in the .env of a project made by zentra: the one\n" +
			"around the current folder, or around --dir.",
		Args:                       groupArgs,
		RunE:                       groupRun(sys),
		SuggestionsMinimumDistance: 2,
	}
	cmd.PersistentFlags().StringVar(&o.Dir, "dir", "",
		"project folder or any folder inside it (default: the current folder)")
	cmd.AddCommand(newKeysRotateCmd(o))

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

func newKeysRotateCmd(o *keysOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rotate",
		Short: "Write new random secret keys into .env",
		Long: "Write new random keys into .env in place: both by default, or only those\n" +
			"named by --access and --refresh; a key missing from .env is always added.\n" +
			"Every other line stays as it was, and the file is replaced in one step, so a\n" +
			"failure leaves the old file. The new file keeps the owner's permissions but\n" +
			"none for group or others (a 0644 .env becomes 0600), since it holds secrets.\n" +
			"A read-only .env (no write permission for its owner) is left alone. The new\n" +
			"values are not printed.\n\n" +
			"Once the server restarts, tokens signed with an old key stop working: rotating\n" +
			"the access key signs everyone out within the access lifetime, rotating the\n" +
			"refresh key makes everyone log in again.\n\n" +
			"Exit codes: 0 done, 1 the file could not be written or is read-only (it is\n" +
			"left as it was), 2 bad flags or no usable project (not inside one, made with\n" +
			"--no-auth).",
		Example: "  zentra keys rotate\n" +
			"  zentra keys rotate --refresh --dir ./my-api",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runKeysRotate(o)
		},
	}

	f := cmd.Flags()
	f.BoolVar(&o.Access, "access", false, "rotate "+token.EnvAccessKey)
	f.BoolVar(&o.Refresh, "refresh", false, "rotate "+token.EnvRefreshKey)

	return cmd
}

// namedKeys returns the keys the flags ask to rotate: both, unless just one is named.
func (o *keysOptions) namedKeys() []string {
	names := []string{token.EnvAccessKey, token.EnvRefreshKey}
	switch {
	case o.Access && !o.Refresh:
		return names[:1]
	case o.Refresh && !o.Access:
		return names[1:]
	}

	return names
}

func runKeysRotate(o *keysOptions) error {
	p, err := openAuthProject(o.sys, o.Dir)
	if err != nil {
		return err
	}

	missing := token.MissingKeys(p.Env)
	names := o.namedKeys()
	for _, k := range missing {
		if !slices.Contains(names, k) {
			names = append(names, k)
		}
	}

	// The seed of "zentra init" is deliberately not honoured: a rotated key must never
	// be one that can be worked out again.
	var src secret.Source = secret.Random{}
	if o.sys.Secrets != nil {
		src = o.sys.Secrets
	}

	values := make(map[string]string, len(names))
	for _, name := range names {
		v, err := secret.New(src, name, secret.DefaultBytes)
		if err != nil {
			return err
		}

		values[name] = v
	}

	modes, err := envfile.Update(p.EnvPath(), values)
	if errors.Is(err, envfile.ErrReadOnly) {
		return &ExitError{Code: ExitFailed, Err: fmt.Errorf("rotate keys: %w", err),
			Hint: "It was left as it was; make it writable first (chmod u+w) to rotate keys."}
	}

	if err != nil {
		return fmt.Errorf("rotate keys: %w", err)
	}

	return reportRotation(o.sys, p.EnvPath(), names, missing, modes)
}

// reportRotation says which keys were written, and whether the file lost permissions.
func reportRotation(sys *System, path string, names, missing []string,
	modes envfile.Modes,
) error {
	for _, name := range names {
		if slices.Contains(missing, name) {
			fmt.Fprintf(sys.Out, "%s was missing; a new one was added to %s\n", name, path)
			continue
		}

		fmt.Fprintf(sys.Out, "new %s written to %s\n", name, path)
	}

	if modes.Tightened() {
		fmt.Fprintf(sys.Out, "note: %s was readable by group or others (mode %04o); "+
			"it is now %04o\n", path, modes.Old, modes.New)
	}

	them, keys := "it", "key"
	if len(names) > 1 {
		them, keys = "them", "keys"
	}

	if len(missing) == len(names) {
		_, err := fmt.Fprintf(sys.Out, "Restart the server to use %s.\n", them)
		return err
	}

	_, err := fmt.Fprintf(sys.Out, "Restart the server to use %s; tokens signed with the "+
		"old %s stop working then.\n", them, keys)

	return err
}

// authProject is a project with auth, found around a folder, and its .env variables.
type authProject struct {
	project.Found
	Env map[string]string
}

// openAuthProject finds the project around dir (the working folder when empty) and
// reads its .env. Not finding one, or finding one without auth, is a usage error.
// Whether the project has auth is what its pyproject.toml says, not what .env holds:
// missing keys in .env are for the caller to report or mend.
func openAuthProject(sys *System, dir string) (authProject, error) {
	wd, err := sys.Getwd()
	if err != nil {
		return authProject{}, err
	}

	start := wd
	if dir != "" {
		start = dir
		if !filepath.IsAbs(dir) {
			start = filepath.Join(wd, dir)
		}
	}

	found, err := project.Discover(start)
	if errors.Is(err, project.ErrNotFound) {
		return authProject{}, &ExitError{
			Code: ExitUsage,
			Err:  err,
			Hint: "Run this inside a project made by \"zentra init\", or pass --dir.",
		}
	}

	if err != nil {
		return authProject{}, usageError(err)
	}

	if !found.Auth {
		return authProject{}, usageError(noAuthError(found.Dir))
	}

	env, err := envfile.Read(found.EnvPath())
	if errors.Is(err, fs.ErrNotExist) {
		return authProject{}, &ExitError{
			Code: ExitUsage,
			Err:  fmt.Errorf("%s is missing", found.EnvPath()),
			Hint: "Copy .env.example to .env and fill in the AUTH__ keys " +
				"(\"zentra new-key\" makes one).",
		}
	}

	if err != nil {
		return authProject{}, usageError(err)
	}

	return authProject{Found: found, Env: env}, nil
}

func noAuthError(dir string) error {
	return fmt.Errorf("the project in %s was made with --no-auth (its pyproject.toml has "+
		"auth = false under [tool.zentra]): it has no tokens or keys", dir)
}
