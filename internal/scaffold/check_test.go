package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	files := []File{{Path: "README.md"}, {Path: "app/core/config.py"}}

	tests := []struct {
		name  string
		setup func(t *testing.T, parent string) // makes parent/proj as the case needs
		force bool
		why   string // "" when the write may go ahead
	}{
		{name: "new folder", setup: func(*testing.T, string) {}},
		{name: "empty folder", setup: mkdir("proj")},
		{name: "only harmless entries", setup: existing("proj/.git/HEAD", "proj/LICENSE")},
		{name: "parent missing", setup: func(*testing.T, string) {}, why: "does not exist"},
		{name: "target is a file", setup: existing("proj"), why: "is not a folder"},
		{name: "other files", setup: existing("proj/notes.txt"), why: "pass --force"},
		{name: "other files with force", setup: existing("proj/notes.txt"), force: true},
		{name: "planned file where a folder stands", setup: mkdir("proj/README.md"), force: true,
			why: "is a folder or link"},
		{name: "planned folder where a file stands", setup: existing("proj/app/core"), force: true,
			why: "where zentra needs a folder"},
		{name: "link at a planned file", setup: link("proj/README.md"), force: true,
			why: "is a folder or link"},
		{name: "link at a planned folder", setup: link("proj/app"), force: true,
			why: "where zentra needs a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			tt.setup(t, parent)

			target := filepath.Join(parent, "proj")
			if tt.name == "parent missing" {
				target = filepath.Join(parent, "missing", "proj")
			}

			err := Check(target, files, Options{Force: tt.force})
			switch {
			case tt.why == "" && err != nil:
				t.Fatalf("Check = %v, want nil", err)
			case tt.why != "" && (err == nil || !strings.Contains(err.Error(), tt.why)):
				t.Fatalf("Check = %v, want an error saying %q", err, tt.why)
			}
		})
	}
}

func mkdir(rel string) func(*testing.T, string) {
	return func(t *testing.T, parent string) {
		if err := os.MkdirAll(filepath.Join(parent, rel), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func existing(rels ...string) func(*testing.T, string) {
	return func(t *testing.T, parent string) {
		m := map[string]string{}
		for _, r := range rels {
			m[r] = "x\n"
		}

		put(t, parent, m)
	}
}

// link makes rel a symbolic link to a folder outside the target.
func link(rel string) func(*testing.T, string) {
	return func(t *testing.T, parent string) {
		outside := filepath.Join(parent, "outside")
		mkdir("outside")(t, parent)
		mkdir(filepath.Dir(rel))(t, parent)

		if err := os.Symlink(outside, filepath.Join(parent, rel)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestConflicts(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, map[string]string{"b.txt": "", "a.txt": "", ".git/HEAD": "", ".DS_Store": ""})

	got, err := Conflicts(dir)
	if err != nil {
		t.Fatal(err)
	}

	if !reflect.DeepEqual(got, []string{"a.txt", "b.txt"}) {
		t.Errorf("Conflicts = %v, want [a.txt b.txt]", got)
	}

	if got, err := Conflicts(filepath.Join(dir, "missing")); err != nil || got != nil {
		t.Errorf("Conflicts(missing) = %v, %v, want none", got, err)
	}
}

func TestConflictListIsShort(t *testing.T) {
	dir := t.TempDir()

	m := map[string]string{}
	for i := range 12 {
		m[fmt.Sprintf("f%02d", i)] = ""
	}

	put(t, dir, m)

	err := Check(dir, nil, Options{})
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("Check = %v, want ErrConflict", err)
	}

	if !strings.Contains(err.Error(), "f07 and 4 more") || strings.Contains(err.Error(), "f08") {
		t.Errorf("error %q should list 8 names and count the rest", err)
	}
}
