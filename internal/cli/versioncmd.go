package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/version"
)

func newVersionCmd(sys *System) *cobra.Command {
	asJSON := false
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print zentra's version, commit and commit date",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			info := version.Get()
			if asJSON {
				return json.NewEncoder(sys.Out).Encode(info)
			}

			_, err := fmt.Fprintf(sys.Out, "zentra %s\n", info)

			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the version as a JSON object")

	return cmd
}
