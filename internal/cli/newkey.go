package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/secret"
)

func newNewKeyCmd(sys *System) *cobra.Command {
	n := secret.DefaultBytes
	cmd := &cobra.Command{
		Use:   "new-key",
		Short: "Print a new random secret key",
		Long: "Print a new secret key: random bytes from the system's secure source, as\n" +
			"url-safe base64 without padding, ready for AUTH__SECRET_*_KEY in .env.",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if n < secret.MinBytes || n > 1024 {
				return usageError(fmt.Errorf("--bytes must be between %d and 1024", secret.MinBytes))
			}

			key, err := secret.New(secret.Random{}, "", n)
			if err != nil {
				return err
			}

			_, err = fmt.Fprintln(sys.Out, key)

			return err
		},
	}
	cmd.Flags().IntVar(&n, "bytes", n, "how many random bytes the key holds")

	return cmd
}
