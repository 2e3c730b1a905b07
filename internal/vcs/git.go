// Package vcs asks git, when it is installed, what zentra needs to know: the user's
// name for the author field, and whether a folder already sits inside a repository.
package vcs

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"

	"github.com/zentra-cli/zentra/internal/project"
)

// Author is "Name <email>" from git's user.name and user.email in dir, or as much of
// it as is set and valid: the name alone when the email is not a plain address, and ""
// when nothing valid is left.
func Author(ctx context.Context, git, dir string) string {
	get := func(key string) string {
		cmd := exec.CommandContext(ctx, git, "config", "--get", key)
		cmd.Dir = dir

		out, err := cmd.Output()
		if err != nil {
			return ""
		}

		return strings.TrimSpace(string(out))
	}

	name, email := get("user.name"), get("user.email")
	candidates := []string{name}
	switch {
	case name != "" && email != "":
		candidates = []string{fmt.Sprintf("%s <%s>", name, email), name}
	case email != "":
		candidates = []string{fmt.Sprintf("<%s>", email)}
	}

	for _, author := range candidates {
		if author != "" && project.ValidateAuthor(author) == nil {
			return author
		}
	}

	return ""
}

// InsideWorkTree reports whether dir lies inside a git work tree, where "git init" is
// left out so as not to nest repositories.
func InsideWorkTree(ctx context.Context, git, dir string) bool {
	out, err := exec.CommandContext(ctx, git, "-C", dir, "rev-parse", "--is-inside-work-tree").
		Output()

	return err == nil && strings.TrimSpace(string(out)) == "true"
}

// Init runs "git init" in dir unless dir already lies inside a work tree. It never
// commits. It reports whether it created a repository.
func Init(ctx context.Context, git, dir string) (bool, error) {
	if InsideWorkTree(ctx, git, dir) {
		return false, nil
	}

	var stderr bytes.Buffer

	cmd := exec.CommandContext(ctx, git, "init", "-q", dir)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if line := firstLine(stderr.String()); line != "" {
			return false, fmt.Errorf("git init: %s (%w)", line, err)
		}

		return false, fmt.Errorf("git init: %w", err)
	}

	return true, nil
}

// firstLine is the first line of s that is not blank, trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}

	return ""
}
