package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/vcs"
)

// result is what "zentra init" did, as printed for people and, with --json, for tools.
type result struct {
	Path        string          `json:"path"`
	Answers     project.Answers `json:"options"`
	DryRun      bool            `json:"dry_run"`
	Files       []string        `json:"files"`
	Overwritten []string        `json:"overwritten"`
	Git         bool            `json:"git_initialized"`
	Next        []string        `json:"next"`
}

func (o *initOptions) report(r result) error {
	if r.Overwritten == nil {
		r.Overwritten = []string{}
	}

	if o.JSON {
		enc := json.NewEncoder(o.sys.Out)
		enc.SetIndent("", "  ")

		return enc.Encode(r)
	}

	if r.DryRun {
		fmt.Fprintf(o.sys.Out, "Would create %d files in %s:\n", len(r.Files), r.Path)
		for _, f := range r.Files {
			fmt.Fprintf(o.sys.Out, "  %s\n", f)
		}

		return nil
	}

	if o.Quiet {
		return nil
	}

	w := o.sys.Err
	fmt.Fprintf(w, "Created %s in %s: %d files", r.Answers.Name, r.Path, len(r.Files))
	if len(r.Overwritten) > 0 {
		fmt.Fprintf(w, ", %d of them overwritten", len(r.Overwritten))
	}
	fmt.Fprintf(w, ".\n  %s\n", strings.Join(topLevel(r.Files), "  "))
	if r.Answers.Auth {
		fmt.Fprintln(w, "  .env holds fresh secret keys; it is git-ignored, keep it private.")
	}
	if r.Git {
		fmt.Fprintln(w, "  Initialised a git repository (nothing committed).")
	}

	fmt.Fprintln(w, "\nNext:")
	for _, c := range r.Next {
		fmt.Fprintf(w, "  %s\n", c)
	}

	return nil
}

// topLevel lists the first path element of each file once, folders with a slash.
func topLevel(files []string) []string {
	var out []string

	seen := map[string]bool{}
	for _, f := range files {
		top, _, isDir := strings.Cut(f, "/")
		if isDir {
			top += "/"
		}

		if !seen[top] {
			seen[top] = true
			out = append(out, top)
		}
	}

	return out
}

// nextSteps are the commands to run after init, relative to the current folder.
func nextSteps(sys *System, target string, a project.Answers) []string {
	var steps []string

	if wd, err := sys.Getwd(); err == nil && wd != target {
		rel, err := filepath.Rel(wd, target)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = target
		}

		steps = append(steps, "cd "+shellQuote(rel))
	}

	steps = append(steps,
		"uv sync",
		"uv run alembic upgrade head",
		"uv run pytest",
		"uv run fastapi dev",
	)

	return steps
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}

	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// gitInit runs "git init" in dir when git is installed and dir is not already inside a
// work tree. It never commits and never fails the run: it reports whether it worked.
func gitInit(ctx context.Context, sys *System, dir string) bool {
	git, err := sys.LookPath("git")
	if err != nil {
		return false
	}

	created, err := vcs.Init(ctx, git, dir)
	if err != nil {
		fmt.Fprintf(sys.Err, "warning: %v; the project is complete without it\n", err)
	}

	return created
}
