package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/zentra-cli/zentra/internal/envfile"
	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/token"
)

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
			Hint: "Copy .env.example to .env and fill in " + token.EnvAccessKey + " and " +
				token.EnvRefreshKey + " (\"zentra new-key\" makes one).",
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
