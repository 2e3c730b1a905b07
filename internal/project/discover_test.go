package project_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/zentra-cli/zentra/internal/project"
)

const zentraPyproject = `[project]
name = "demo"

[tool.zentra]
version = "1.2.3"
auth = %s
description = "A FastAPI service."
author = ""
`

func writeFile(t *testing.T, path, text string) {
	t.Helper()

	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}

	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiscoverWalksUp(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "pyproject.toml"),
		strings.Replace(zentraPyproject, "%s", "true", 1))
	// A nested package with its own pyproject.toml is passed over.
	writeFile(t, filepath.Join(root, "libs", "inner", "pyproject.toml"),
		"[project]\nname = \"inner\"\n")

	start := filepath.Join(root, "libs", "inner", "src", "deep")
	if err := os.MkdirAll(start, 0o755); err != nil {
		t.Fatal(err)
	}

	for _, dir := range []string{root, start} {
		got, err := project.Discover(dir)
		if err != nil {
			t.Fatal(err)
		}

		want := project.Found{Dir: root, Version: "1.2.3", Auth: true}
		if got != want {
			t.Errorf("Discover(%s) = %+v, want %+v", dir, got, want)
		}

		if got.EnvPath() != filepath.Join(root, ".env") {
			t.Errorf("EnvPath = %s", got.EnvPath())
		}
	}
}

func TestDiscoverReadsAuth(t *testing.T) {
	tests := []struct {
		name, auth string
		want       bool
	}{
		{name: "auth on", auth: "auth = true", want: true},
		{name: "no-auth project", auth: "auth = false", want: false},
		{name: "no auth key", auth: "", want: true},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			text := strings.Replace(zentraPyproject, "auth = %s", tt.auth, 1)
			writeFile(t, filepath.Join(root, "pyproject.toml"), text)

			got, err := project.Discover(root)
			if err != nil {
				t.Fatal(err)
			}

			if got.Auth != tt.want {
				t.Errorf("Auth = %v, want %v", got.Auth, tt.want)
			}
		})
	}
}

func TestDiscoverOutsideAProject(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "pyproject.toml"), "[project]\nname = \"other\"\n")

	_, err := project.Discover(root)
	if !errors.Is(err, project.ErrNotFound) {
		t.Fatalf("error = %v, want ErrNotFound", err)
	}

	if !strings.Contains(err.Error(), root) {
		t.Errorf("error %q does not name the start folder", err)
	}
}

func TestDiscoverRefusesBrokenFiles(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{name: "not toml", text: "[tool.zentra\nversion = 1\n"},
		{name: "auth not a boolean", text: "[tool.zentra]\nauth = \"yes\"\n"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeFile(t, filepath.Join(root, "pyproject.toml"), tt.text)

			_, err := project.Discover(root)
			if err == nil || errors.Is(err, project.ErrNotFound) {
				t.Fatalf("error = %v, want a parse error", err)
			}

			if !strings.Contains(err.Error(), filepath.Join(root, "pyproject.toml")) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestDiscoverRefusesAStartThatIsNoFolder(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "pyproject.toml"), `[tool.zentra]`+"\n")

	tests := []struct {
		name, start, want string
	}{
		{name: "missing folder", start: filepath.Join(root, "nonexistent"),
			want: "the folder " + filepath.Join(root, "nonexistent") + " does not exist"},
		{name: "a file", start: filepath.Join(root, "pyproject.toml"),
			want: filepath.Join(root, "pyproject.toml") + " is not a folder"},
		{name: "below a file", start: filepath.Join(root, "pyproject.toml", "src"),
			want: "look at the folder " + filepath.Join(root, "pyproject.toml", "src") +
				": not a directory"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if runtime.GOOS == "windows" && tt.name == "below a file" {
				// Windows reports a path below a file as one that does not exist.
				tt.want = "the folder " + tt.start + " does not exist"
			}

			_, err := project.Discover(tt.start)
			if err == nil || errors.Is(err, project.ErrNotFound) || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}
