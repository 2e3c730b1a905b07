package vcs

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
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
