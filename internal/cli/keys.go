package cli

import (
	"fmt"

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
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Manage the secret keys in the project's .env",
		Long: "Manage the secret keys in the .env of a project made by zentra: the one\n" +
			"around the current folder, or around --dir.",
		Args: cobra.NoArgs,
	}
	cmd.PersistentFlags().StringVar(&o.Dir, "dir", "",
		"project folder or any folder inside it (default: the current folder)")
	cmd.AddCommand(newKeysRotateCmd(o))

	return cmd
}

func newKeysRotateCmd(o *keysOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rotate",
		Short: "Write new random secret keys into .env",
		Long: "Write new random keys into .env in place: both by default, or only those\n" +
			"named by --access and --refresh. Every other line stays as it was, the file\n" +
			"keeps its permissions, and it is replaced in one step, so a failure leaves\n" +
			"the old file. The new values are not printed.\n\n" +
			"Once the server restarts, tokens signed with an old key stop working: rotating\n" +
			"the access key signs everyone out within the access lifetime, rotating the\n" +
			"refresh key makes everyone log in again.\n\n" +
			"Exit codes: 0 done, 1 the file could not be written (it is left as it was),\n" +
			"2 bad flags or no usable project (not inside one, made with --no-auth).",
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

func runKeysRotate(o *keysOptions) error {
	names := []string{token.EnvAccessKey, token.EnvRefreshKey}
	switch {
	case o.Access && !o.Refresh:
		names = names[:1]
	case o.Refresh && !o.Access:
		names = names[1:]
	}

	p, err := openAuthProject(o.sys, o.Dir)
	if err != nil {
		return err
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

	if err := envfile.Update(p.EnvPath(), values); err != nil {
		return fmt.Errorf("rotate keys: %w", err)
	}

	for _, name := range names {
		fmt.Fprintf(o.sys.Out, "new %s written to %s\n", name, p.EnvPath())
	}

	them, keys := "it", "key"
	if len(names) > 1 {
		them, keys = "them", "keys"
	}

	_, err = fmt.Fprintf(o.sys.Out, "Restart the server to use %s; tokens signed with the "+
		"old %s stop working then.\n", them, keys)

	return err
}
