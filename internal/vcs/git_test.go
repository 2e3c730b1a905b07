package vcs

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts -update
)

func TestAuthor(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatalf("git is not installed: %v", err)
	}

	tests := []struct {
		name, config, want string
	}{
		{"name and email", "[user]\n\tname = Pat Doe\n\temail = pat@example.com\n",
			"Pat Doe <pat@example.com>"},
		{"email that is not an address", "[user]\n\tname = Pat Doe\n\temail = pat\n", "Pat Doe"},
		{"email only", "[user]\n\temail = pat@example.com\n", "<pat@example.com>"},
		{"bad email only", "[user]\n\temail = pat at example\n", ""},
		{"name only", "[user]\n\tname = Pat Doe\n", "Pat Doe"},
		{"nothing", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			config := filepath.Join(dir, "gitconfig")
			if err := os.WriteFile(config, []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}

			t.Setenv("GIT_CONFIG_GLOBAL", config)
			t.Setenv("GIT_CONFIG_NOSYSTEM", "1")

			if got := Author(context.Background(), git, dir); got != tt.want {
				t.Errorf("Author = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInit(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatalf("git is not installed: %v", err)
	}

	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")

	root := t.TempDir()
	file := filepath.Join(root, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		dir     string
		created bool
		errHas  string // a piece of git's own message; "" for no error
	}{
		{name: "new repository", dir: filepath.Join(root, "proj"), created: true},
		{name: "inside a work tree", dir: filepath.Join(root, "proj", "sub")},
		{name: "below a file", dir: filepath.Join(file, "sub"), errHas: "fatal: cannot mkdir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.MkdirAll(filepath.Join(root, "proj", "sub"), 0o755); err != nil {
				t.Fatal(err)
			}

			created, err := Init(context.Background(), git, tt.dir)
			if created != tt.created {
				t.Errorf("Init created = %v, want %v", created, tt.created)
			}

			switch {
			case tt.errHas == "" && err != nil:
				t.Errorf("Init = %v, want no error", err)
			case tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)):
				t.Errorf("Init = %v, want an error with git's message %q", err, tt.errHas)
			case tt.errHas != "" && strings.Contains(err.Error(), "\n"):
				t.Errorf("Init = %q, want one line", err)
			}
		})
	}

	if _, err := os.Stat(filepath.Join(root, "proj", ".git")); err != nil {
		t.Errorf("no repository in the new project: %v", err)
	}

	if _, err := os.Stat(filepath.Join(root, "proj", "sub", ".git")); err == nil {
		t.Error("a repository was nested inside a work tree")
	}
}
