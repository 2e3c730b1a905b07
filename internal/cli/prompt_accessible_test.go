package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitAccessibleForm drives the real form in accessible mode from a pipe, as
// ZENTRA_ACCESSIBLE=1 allows. Git is not found here, so there is no git question.
func TestInitAccessibleForm(t *testing.T) {
	accessible := map[string]string{AccessibleEnv: "1"}
	tests := []struct {
		name    string
		args    []string
		input   string
		project string
		auth    bool
		shows   []string
		hides   []string
	}{
		{"all defaults", []string{"init", "demo"}, "\n\n\n", "demo", true,
			[]string{"Description (A FastAPI service.):", "Add user authentication? [Y/n]"},
			[]string{"Project name"}},
		{"invalid name corrected on the second try", []string{"init"}, "My Shop\nshop\n\n\n\n",
			"shop", true, []string{`invalid project name "My Shop"`, "zentra init shop --yes"}, nil},
		{"auth off", []string{"init", "demo"}, "\n\nn\n", "demo", false,
			[]string{"zentra init demo --no-auth --yes"}, nil},
		{"flags skip their questions", []string{"init", "demo", "--author", "A", "--description",
			"D."}, "n\n", "demo", false, []string{"--description D. --author A --no-auth --yes"},
			[]string{"Description (", "Author ("}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newPromptRun(t, false, accessible, tt.input, nil)

			if code := r.run(tt.args...); code != 0 {
				t.Fatalf("code %d\n%s", code, r.err.String())
			}

			dir := filepath.Join(r.wd, tt.project)
			if _, err := os.Stat(filepath.Join(dir, "pyproject.toml")); err != nil {
				t.Fatalf("no project in %s: %v\n%s", tt.project, err, r.err.String())
			}

			if found := authFiles(t, dir); (len(found) > 0) != tt.auth {
				t.Errorf("auth files %q, want auth %v", found, tt.auth)
			}

			if _, err := os.Stat(filepath.Join(dir, "app", "auth", "__init__.py")); tt.auth == false &&
				err == nil {
				t.Error("app/auth/__init__.py written with auth off")
			}

			for _, s := range tt.shows {
				if !strings.Contains(r.err.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.err.String())
				}
			}

			for _, s := range tt.hides {
				if strings.Contains(r.err.String(), s) {
					t.Errorf("stderr holds %q:\n%s", s, r.err.String())
				}
			}

			if r.out.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", r.out.String())
			}
		})
	}
}

func TestInitAccessibleEndOfInput(t *testing.T) {
	r := newPromptRun(t, false, map[string]string{AccessibleEnv: "1"}, "shop\n", nil)

	if code := r.run("init"); code != ExitUsage {
		t.Fatalf("code %d, want %d\n%s", code, ExitUsage, r.err.String())
	}

	if !strings.Contains(r.err.String(), "input ended before every question was answered") {
		t.Errorf("stderr lacks the reason:\n%s", r.err.String())
	}

	if e := r.entries(); len(e) != 0 {
		t.Errorf("the folder holds %q, want nothing", e)
	}
}
