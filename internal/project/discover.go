package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"
)

// ErrNotFound is wrapped by Discover's error when no folder from the start up to the
// root holds a pyproject.toml with a [tool.zentra] table.
var ErrNotFound = errors.New("not inside a zentra project")

// Found is a generated project located on disk.
type Found struct {
	// Dir is the absolute path of the folder that holds pyproject.toml.
	Dir string
	// Version is the zentra version that generated the project, as recorded in it.
	Version string
	// Auth is false for a project made with --no-auth. A table without the key counts
	// as auth on; callers still check that the settings exist.
	Auth bool
}

// EnvPath is the path of the project's .env file.
func (f Found) EnvPath() string {
	return filepath.Join(f.Dir, ".env")
}

// pyproject is the part of pyproject.toml that zentra reads.
type pyproject struct {
	Tool struct {
		Zentra *struct {
			Version string `toml:"version"`
			Auth    *bool  `toml:"auth"`
		} `toml:"zentra"`
	} `toml:"tool"`
}

// Discover walks from start up to the file system root and returns the first folder
// whose pyproject.toml has a [tool.zentra] table. A pyproject.toml without that table
// (a nested package, say) is passed over; one that is not valid TOML is an error, and
// so is a start that does not exist or is not a folder.
func Discover(start string) (Found, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return Found{}, fmt.Errorf("resolve %s: %w", start, err)
	}

	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Found{}, fmt.Errorf("the folder %s does not exist", start)
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // it names the absolute path; the message names start instead
		}

		return Found{}, fmt.Errorf("look at the folder %s: %w", start, err)
	case !st.IsDir():
		return Found{}, fmt.Errorf("%s is not a folder", start)
	}

	for {
		found, ok, err := readPyproject(dir)
		if err != nil {
			return Found{}, err
		}

		if ok {
			return found, nil
		}

		parent := filepath.Dir(dir)
		if parent == dir {
			return Found{}, fmt.Errorf("%w: no pyproject.toml with a [tool.zentra] table "+
				"in %s or any folder above it", ErrNotFound, start)
		}

		dir = parent
	}
}

// readPyproject reads dir/pyproject.toml; ok is false when it is missing or has no
// [tool.zentra] table.
func readPyproject(dir string) (found Found, ok bool, err error) {
	path := filepath.Join(dir, "pyproject.toml")

	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Found{}, false, nil
	}

	if err != nil {
		// A folder named pyproject.toml, for one, is not a project file.
		if st, serr := os.Stat(path); serr == nil && st.IsDir() {
			return Found{}, false, nil
		}

		return Found{}, false, fmt.Errorf("read %s: %w", path, err)
	}

	var doc pyproject
	if err := toml.Unmarshal(data, &doc); err != nil {
		return Found{}, false, fmt.Errorf("parse %s: %w", path, err)
	}

	z := doc.Tool.Zentra
	if z == nil {
		return Found{}, false, nil
	}

	auth := z.Auth == nil || *z.Auth

	return Found{Dir: dir, Version: z.Version, Auth: auth}, true, nil
}
