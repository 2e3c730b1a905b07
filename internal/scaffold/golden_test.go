package scaffold_test

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/zentra-cli/zentra/internal/golden"
	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/scaffold"
	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/internal/token"
	"github.com/zentra-cli/zentra/templates"
)

// goldenDir holds one archive per variant, at the module root.
var goldenDir = filepath.Join("..", "..", "testdata", "golden")

// variant is one combination of answers that has a golden archive.
type variant struct {
	name string
	auth bool
}

var variants = []variant{{"default", true}, {"no-auth", false}}

// Labels of the two keys, as the init command draws them.
const (
	accessLabel  = token.EnvAccessKey
	refreshLabel = token.EnvRefreshKey
)

// goldenData is what "zentra init my-api" renders with the seeded source and a fixed
// version.
func goldenData(t testing.TB, auth bool) scaffold.Data {
	t.Helper()

	src := secret.Seeded{Seed: "golden"}

	access, err := secret.New(src, accessLabel, secret.DefaultBytes)
	if err != nil {
		t.Fatal(err)
	}

	refresh, err := secret.New(src, refreshLabel, secret.DefaultBytes)
	if err != nil {
		t.Fatal(err)
	}

	a := project.Defaults("my-api")
	a.Auth = auth

	return scaffold.Data{Answers: a, AccessKey: access, RefreshKey: refresh, Version: "0.0.0-golden"}
}

func plan(t testing.TB, auth bool) []scaffold.File {
	t.Helper()

	files, err := scaffold.Plan(templates.Source(), goldenData(t, auth))
	if err != nil {
		t.Fatal(err)
	}

	return files
}

func toGolden(files []scaffold.File) []golden.File {
	out := make([]golden.File, len(files))
	for i, f := range files {
		out[i] = golden.File{Path: f.Path, Mode: f.Mode, Data: f.Data}
	}

	return out
}

func header(v variant) string {
	flags := ""
	if !v.auth {
		flags = " --no-auth"
	}

	return fmt.Sprintf("What \"zentra init my-api%s\" writes, rendered with the seeded secret "+
		"source\n(seed \"golden\", so the keys in .env are NOT secret) and version "+
		"0.0.0-golden.\nRewrite with: go test ./... -update\n\n"+
		"Permission and path of each file:", flags)
}

func TestGolden(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			first := toGolden(plan(t, v.auth))
			if err := golden.Same(first, toGolden(plan(t, v.auth))); err != nil {
				t.Fatalf("two renderings differ: %v", err)
			}

			out, err := golden.Archive(header(v), first)
			if err != nil {
				t.Fatal(err)
			}

			golden.Check(t, filepath.Join(goldenDir, v.name+".txtar"), out)
		})
	}
}

func TestEveryTemplateParses(t *testing.T) {
	n := 0
	err := fs.WalkDir(templates.FS, templates.Root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".tmpl") {
			return err
		}

		raw, err := fs.ReadFile(templates.FS, p)
		if err != nil {
			return err
		}

		n++
		_, err = template.New(p).Option("missingkey=error").Funcs(scaffold.Funcs()).Parse(string(raw))
		if err != nil {
			t.Errorf("%s: %v", p, err)
		}

		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	if n == 0 {
		t.Fatal("found no templates to parse")
	}
}

// junk are names that build tools and editors leave behind and that must never be
// embedded in the template tree.
var junk = []string{
	"__pycache__", ".venv", "venv", ".pytest_cache", ".ruff_cache", ".mypy_cache",
	".DS_Store", "node_modules", ".idea", "Thumbs.db",
}

var junkSuffixes = []string{
	".pyc", ".pyo", ".db", ".sqlite", ".sqlite3", ".egg-info", "~", ".swp", ".orig",
}

func TestTemplateTreeHasNoJunk(t *testing.T) {
	err := fs.WalkDir(templates.FS, templates.Root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}

		name := path.Base(p)
		for _, j := range junk {
			if name == j {
				t.Errorf("template tree holds build or editor junk: %s", p)
			}
		}

		for _, s := range junkSuffixes {
			if strings.HasSuffix(name, s) {
				t.Errorf("template tree holds build or editor junk: %s", p)
			}
		}

		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAuthOnlyEntriesExist keeps the manifest honest: an entry that matches no file of
// the default project is a typo or a stale path, and the files it meant would stay in
// --no-auth projects.
func TestAuthOnlyEntriesExist(t *testing.T) {
	files := plan(t, true)
	for _, entry := range templates.AuthOnly {
		found := false
		for _, f := range files {
			if f.Path == entry || (strings.HasSuffix(entry, "/") && strings.HasPrefix(f.Path, entry)) {
				found = true
				break
			}
		}

		if !found {
			t.Errorf("templates.AuthOnly lists %q, which matches no file of the default project", entry)
		}
	}
}
