package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/textutil"
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
		return writeJSON(o.sys.Out, r)
	}

	if r.DryRun {
		o.reportDryRun(r)

		return nil
	}

	if o.Quiet {
		return nil
	}

	w := o.sys.Err
	fmt.Fprintf(w, "Created %s in %s: %d files", r.Answers.Name, textutil.Printable(r.Path),
		len(r.Files))
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

// reportDryRun lists the files a run would write, marking those it would overwrite. The
// list is what --dry-run asks for, so --quiet does not hide it.
func (o *initOptions) reportDryRun(r result) {
	over := map[string]bool{}
	for _, f := range r.Overwritten {
		over[f] = true
	}

	w := o.sys.Out
	if len(over) > 0 {
		fmt.Fprintf(w, "Would write %d files in %s, overwriting %d of them:\n",
			len(r.Files), textutil.Printable(r.Path), len(over))
	} else {
		fmt.Fprintf(w, "Would create %d files in %s:\n", len(r.Files), textutil.Printable(r.Path))
	}

	for _, f := range r.Files {
		if over[f] {
			fmt.Fprintf(w, "  %s (overwrite)\n", f)
		} else {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
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
		// The relative path unless climbing up makes it the longer of the two.
		rel, err := filepath.Rel(wd, target)
		if err != nil || len(rel) >= len(target) {
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

// shellQuote quotes s for a POSIX shell, when it needs it. Text with characters that
// would not print as themselves takes the $'...' form with every such byte escaped, so
// that the command shows plainly and still pastes right into bash or zsh.
func shellQuote(s string) string {
	const safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./"
	if s != "" && strings.Trim(s, safe) == "" {
		return s
	}

	if textutil.Printable(s) == s {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}

	var b strings.Builder

	b.WriteString("$'")
	for i := range len(s) {
		switch c := s[i]; {
		case c == '\\' || c == '\'':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')

	return b.String()
}

// gitInit runs "git init" in dir when git is installed and dir is not already inside a
// work tree. It never commits and never fails the run: it reports whether it worked, and
// warns when it did not, even with --quiet, unless the run was interrupted.
func gitInit(ctx context.Context, sys *System, dir string) bool {
	git, err := sys.LookPath("git")
	if err != nil {
		return false
	}

	created, err := vcs.Init(ctx, git, dir)
	if err != nil && ctx.Err() == nil {
		fmt.Fprintf(sys.Err, "warning: %v; the project is complete without it\n", err)
	}

	return created
}
