package cli

import (
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/envfile"
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

	return newProjectGroup(sys, "keys", "Manage the secret keys in the project's .env",
		"Manage the secret keys in the .env of a project made by zentra: the one\n"+
			"around the current folder, or around --dir.",
		&o.Dir, newKeysRotateCmd(o))
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

	values := make(map[string]string, len(names))
	for _, name := range names {
		v, err := drawKey(o.sys, name, secret.DefaultBytes)
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
