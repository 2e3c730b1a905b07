package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/internal/token"
)

// maxKeyBytes is the longest key "zentra new-key" makes.
const maxKeyBytes = 1024

func newNewKeyCmd(sys *System) *cobra.Command {
	n := secret.DefaultBytes
	cmd := &cobra.Command{
		Use:   "new-key",
		Short: "Print a new random secret key",
		Long: "Print a new secret key: random bytes from the system's secure source, as\n" +
			"url-safe base64 without padding, ready for " + token.EnvAccessKey + " or\n" +
			token.EnvRefreshKey + " in .env. " + SeedEnv + " does not apply here.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runNewKey(sys, n)
		},
	}
	cmd.Flags().IntVar(&n, "bytes", n, "how many random bytes the key holds")

	return cmd
}

func runNewKey(sys *System, n int) error {
	if n < secret.MinBytes || n > maxKeyBytes {
		return usageError(fmt.Errorf("--bytes must be between %d and %d", secret.MinBytes,
			maxKeyBytes))
	}

	key, err := drawKey(sys, "new-key", n)
	if err != nil {
		return err
	}

	_, err = fmt.Fprintln(sys.Out, key)

	return err
}
