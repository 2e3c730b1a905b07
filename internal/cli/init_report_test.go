package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/zentra-cli/zentra/internal/project"
)

func TestNextStepsChangeIntoTheProject(t *testing.T) {
	tests := []struct {
		name, wd, target, want string
	}{
		{"below the working folder", "/home/pat/code", "/home/pat/code/demo", "cd demo"},
		{"beside the working folder", "/home/pat/code/zentra", "/home/pat/code/demo",
			"cd ../demo"},
		{"far from the working folder", "/home/pat/code/a/b/c/d", "/srv/demo", "cd /srv/demo"},
		{"with a space", "/home/pat", "/home/pat/my demo", "cd 'my demo'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sys := &System{Getwd: func() (string, error) { return tt.wd, nil }}

			steps := nextSteps(sys, tt.target, project.Defaults("demo"))
			if len(steps) == 0 || steps[0] != tt.want {
				t.Fatalf("first step %q, want %q", steps, tt.want)
			}

			if !slices.Contains(steps, "uv sync") {
				t.Errorf("steps %q do not install the project", steps)
			}
		})
	}

	sys := &System{Getwd: func() (string, error) { return "/srv/demo", nil }}
	if steps := nextSteps(sys, "/srv/demo", project.Defaults("demo")); strings.HasPrefix(steps[0], "cd ") {
		t.Errorf("init . should not tell the user to change folder: %q", steps)
	}
}
