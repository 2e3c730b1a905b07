package golden

import (
	"errors"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// self is this package's import path.
const self = "github.com/zentra-cli/zentra/internal/golden"

func TestArchiveReadsBack(t *testing.T) {
	files := []File{
		{Path: ".env", Mode: 0o600, Data: []byte("KEY=value\n")},
		{Path: "app/__init__.py", Mode: 0o644, Data: nil},
		{Path: "run.sh", Mode: 0o755, Data: []byte("#!/bin/sh\necho hi\n")},
	}

	out, err := Archive("Header line.", files)
	if err != nil {
		t.Fatal(err)
	}

	for _, want := range []string{"Header line.\n", "0600 .env\n", "0755 run.sh\n", "-- run.sh --\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("archive lacks %q:\n%s", want, out)
		}
	}

	back, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}

	if err := Same(files, back); err != nil {
		t.Error(err)
	}
}

func TestArchiveRefusesWhatWouldNotReadBack(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"no final new line", "last line"},
		{"a line like a file marker", "a\n-- b --\nc\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Archive("h", []File{{Path: "f", Mode: 0o644, Data: []byte(tt.data)}})
			if err == nil {
				t.Fatal("Archive accepted a file it cannot keep exactly")
			}
		})
	}
}

func TestParseRefusesFilesWithoutMode(t *testing.T) {
	if _, err := Parse([]byte("no modes here\n-- f --\nx\n")); err == nil {
		t.Fatal("Parse accepted a file without a mode line")
	}
}

func TestSameNamesEachDifference(t *testing.T) {
	want := []File{{Path: "a", Mode: 0o644, Data: []byte("1\n")}, {Path: "b", Mode: 0o600}}
	got := []File{{Path: "a", Mode: 0o644, Data: []byte("2\n")}, {Path: "b", Mode: 0o644}}

	err := Same(want, got)
	if err == nil {
		t.Fatal("Same found no difference")
	}

	for _, part := range []string{"a differs", "b has mode 0644, want 0600"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not say %q", err, part)
		}
	}
}

func TestReadTreeSortsLikeAPlan(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"app/x.py", "app.py", ".git/HEAD"} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}

		if err := os.WriteFile(full, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	files, err := ReadTree(dir, ".git")
	if err != nil {
		t.Fatal(err)
	}

	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}

	if strings.Join(got, " ") != "app.py app/x.py" {
		t.Errorf("ReadTree gave %v, want [app.py app/x.py]", got)
	}
}

// TestEveryTestPackageAcceptsUpdate keeps "go test ./... -update" working: the flag is
// defined here, so each folder with Go tests must import this package.
func TestEveryTestPackageAcceptsUpdate(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}

	importers := map[string]bool{}
	testDirs := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}

		name := e.Name()
		if e.IsDir() && p != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
			return fs.SkipDir
		}

		if e.IsDir() || !strings.HasSuffix(name, "_test.go") {
			return nil
		}

		dir := filepath.Dir(p)
		testDirs[dir] = true
		if imports(t, p, self) {
			importers[dir] = true
		}

		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	var missing []string
	for dir := range testDirs {
		if !importers[dir] && dir != filepath.Join(root, "internal", "golden") {
			rel, _ := filepath.Rel(root, dir)
			missing = append(missing, rel)
		}
	}

	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("these test packages do not import %s, so \"go test ./... -update\" fails "+
			"in them; add `_ %q` to one test file's imports: %s",
			self, self, strings.Join(missing, ", "))
	}
}

func imports(t *testing.T, file, path string) bool {
	t.Helper()

	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}

	for _, spec := range f.Imports {
		if p, err := strconv.Unquote(spec.Path.Value); err == nil && p == path {
			return true
		}
	}

	return false
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}

	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}

		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's folder")
		}

		dir = parent
	}
}
