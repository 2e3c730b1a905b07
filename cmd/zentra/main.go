// Command zentra creates FastAPI projects with user authentication built in.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/zentra-cli/zentra/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, cli.OSSystem(), os.Args[1:])
	stop()
	os.Exit(code)
}
