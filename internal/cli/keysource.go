package cli

import (
	"github.com/zentra-cli/zentra/internal/secret"
)

// drawKey returns a new key of n random bytes for label, from the injected
// System.Secrets or else crypto/rand. "zentra new-key" and "zentra keys rotate" draw
// their keys here. The seed of "zentra init" (ZENTRA_SECRET_SEED) is deliberately not
// honoured: a key printed or rotated into place must never be one that can be worked
// out again.
func drawKey(sys *System, label string, n int) (string, error) {
	var src secret.Source = secret.Random{}
	if sys.Secrets != nil {
		src = sys.Secrets
	}

	return secret.New(src, label, n)
}
