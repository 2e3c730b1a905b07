package scaffold

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	files := []File{{Path: "README.md"}, {Path: "app/core/config.py"}}
	long := strings.Repeat("a", 300)

	tests := []struct {
		name   string
		setup  func(t *testing.T, parent string) // makes parent/proj as the case needs
		target string                            // below parent; "proj" when empty
		force  bool
		why    string // "" when the write may go ahead
	}{
		{name: "new folder", setup: none},
		{name: "empty folder", setup: mkdir("proj")},
		{name: "only harmless entries", setup: existing("proj/.git/HEAD", "proj/LICENSE")},
		{name: "link to an empty folder", setup: linkTo("proj", "elsewhere", true)},
		{name: "parent missing", setup: none, target: "missing/proj",
			why: `parent folder ".*missing" does not exist: create it first`},
		{name: "parent is a file", setup: existing("afile"), target: "afile/proj",
			why: `"[^"]*afile" is a file, not a folder: the project folder must go inside a folder`},
		{name: "below a file", setup: existing("afile"), target: "afile/sub/proj",
			why: `"[^"]*afile" is a file, not a folder`},
		{name: "parent name too long", setup: none, target: long + "/proj",
			why: `too long a path for the file system: choose a shorter folder name`},
		{name: "target name too long", setup: none, target: long,
			why: `too long a path for the file system`},
		{name: "target is a file", setup: existing("proj"),
			why: `"[^"]*proj" is a file, not a folder: choose another folder name, or move`},
		{name: "target is a link to a file",
			setup:  both(existing("proj"), linkTo("plink", "proj", false)),
			target: "plink",
			why:    `is a file, not a folder`},
		{name: "target is a dangling link", setup: linkTo("proj", "nowhere", false),
			why: `"[^"]*proj" is a link to "[^"]*nowhere", which does not exist: remove the link`},
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
		{name: "control characters are quoted", setup: none, target: "new\nline/proj",
			why: `"[^"\n]*new\\nline" does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			tt.setup(t, parent)

			rel := cmp.Or(tt.target, "proj")

			err := Check(filepath.Join(parent, rel), files, Options{Force: tt.force})
			switch {
			case tt.why == "" && err != nil:
				t.Fatalf("Check = %v, want nil", err)
			case tt.why != "" && (err == nil || !regexp.MustCompile(tt.why).MatchString(err.Error())):
				t.Fatalf("Check = %v, want an error matching %q", err, tt.why)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Fatalf("Check = %q: a raw new line in an error", err)
			}
		})
	}
}

func none(*testing.T, string) {}

func both(a, b func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, parent string) {
		a(t, parent)
		b(t, parent)
	}
}

// linkTo makes rel a symbolic link to dest (both below parent), creating dest as an empty
// folder when mk is set.
func linkTo(rel, dest string, mk bool) func(*testing.T, string) {
	return func(t *testing.T, parent string) {
		if mk {
			if _, err := os.Lstat(filepath.Join(parent, dest)); err != nil {
				mkdir(dest)(t, parent)
			}
		}

		if err := os.Symlink(filepath.Join(parent, dest), filepath.Join(parent, rel)); err != nil {
			t.Fatal(err)
		}
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

	got, err := conflicts(dir)
	if err != nil {
		t.Fatal(err)
	}

	if !reflect.DeepEqual(got, []string{"a.txt", "b.txt"}) {
		t.Errorf("conflicts = %v, want [a.txt b.txt]", got)
	}

	if got, err := conflicts(filepath.Join(dir, "missing")); err != nil || got != nil {
		t.Errorf("conflicts(missing) = %v, %v, want none", got, err)
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
