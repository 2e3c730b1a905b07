// Package golden helps tests compare output with files kept under testdata, and holds
// the -update flag that rewrites those files.
//
// Every test package of the module imports this package, if only with a blank import,
// because "go test ./... -update" hands the flag to every test binary and a binary that
// does not define it fails. A test in this package checks that rule. Only tests import
// it: the zentra binary never sees the flag.
package golden

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files with the output of this run")

// Update reports whether the run was asked to rewrite golden files.
func Update() bool { return *update }

// Check compares got with the golden file at path. With -update it writes got there
// instead. A mismatch fails t and shows a line diff.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()

	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}

		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}

		t.Logf("wrote %s", path)

		return
	}

	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file: %v (run \"go test ./... -update\" to create it)", err)
	}

	if !bytes.Equal(want, got) {
		t.Errorf("output differs from %s (run \"go test ./... -update\" to accept it):\n%s",
			path, diff.Diff(path, want, "got", got))
	}
}

// File is one file of a tree kept in a golden archive.
type File struct {
	Path string
	Mode fs.FileMode
	Data []byte
}

// modeLine is how an archive's comment records the permission of one of its files.
var modeLine = regexp.MustCompile(`^(0[0-7]{3}) (\S.*)$`)

// Archive formats files as one txtar archive. The comment starts with header and then
// gives each file's permission on a line of its own, "0644 path". It fails when the
// archive would not read back as exactly the same files: a non-empty file without a
// final newline, or with a line that looks like a txtar file marker.
func Archive(header string, files []File) ([]byte, error) {
	var comment strings.Builder

	comment.WriteString(strings.TrimRight(header, "\n") + "\n\n")
	a := &txtar.Archive{}
	for _, f := range files {
		switch {
		case len(f.Data) > 0 && f.Data[len(f.Data)-1] != '\n':
			return nil, fmt.Errorf("%s does not end with a new line", f.Path)
		case txtar.NeedsQuote(f.Data):
			return nil, fmt.Errorf("%s holds a line that looks like a txtar file marker", f.Path)
		}

		fmt.Fprintf(&comment, "%04o %s\n", f.Mode.Perm(), f.Path)
		a.Files = append(a.Files, txtar.File{Name: f.Path, Data: f.Data})
	}

	a.Comment = []byte(comment.String())
	out := txtar.Format(a)

	back, err := Parse(out)
	if err != nil {
		return nil, err
	}

	if err := Same(files, back); err != nil {
		return nil, fmt.Errorf("archive does not read back as the same files: %w", err)
	}

	return out, nil
}

// Parse reads an archive written by Archive.
func Parse(data []byte) ([]File, error) {
	a := txtar.Parse(data)

	modes := map[string]fs.FileMode{}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		m := modeLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}

		perm, err := strconv.ParseUint(m[1], 8, 32)
		if err != nil {
			return nil, err
		}

		modes[m[2]] = fs.FileMode(perm)
	}

	files := make([]File, 0, len(a.Files))
	for _, f := range a.Files {
		mode, ok := modes[f.Name]
		if !ok {
			return nil, fmt.Errorf("archive gives no mode for %s", f.Name)
		}

		files = append(files, File{Path: f.Name, Mode: mode, Data: f.Data})
	}

	if len(modes) != len(files) {
		return nil, fmt.Errorf("archive lists %d modes for %d files", len(modes), len(files))
	}

	return files, nil
}

// Same reports how two file lists differ: files missing or unexpected, or differing in
// mode or content. It returns nil when both hold the same files, in any order.
func Same(want, got []File) error {
	var errs []error

	have := make(map[string]File, len(got))
	for _, g := range got {
		have[g.Path] = g
	}

	wanted := make(map[string]bool, len(want))
	for _, w := range want {
		wanted[w.Path] = true

		g, ok := have[w.Path]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("missing %s", w.Path))
		case w.Mode.Perm() != g.Mode.Perm():
			errs = append(errs, fmt.Errorf("%s has mode %04o, want %04o",
				g.Path, g.Mode.Perm(), w.Mode.Perm()))
		case !bytes.Equal(w.Data, g.Data):
			errs = append(errs, fmt.Errorf("%s differs:\n%s", g.Path,
				diff.Diff("want", w.Data, "got", g.Data)))
		}
	}

	for _, g := range got {
		if !wanted[g.Path] {
			errs = append(errs, fmt.Errorf("unexpected %s", g.Path))
		}
	}

	return errors.Join(errs...)
}

// ReadTree reads every regular file below dir, sorted by their slash-separated paths
// relative to dir (the order of a plan). Entries named in skip (folders included) are left out.
func ReadTree(dir string, skip ...string) ([]File, error) {
	var files []File

	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}

		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}

		rel = filepath.ToSlash(rel)
		for _, s := range skip {
			if rel == s {
				if e.IsDir() {
					return fs.SkipDir
				}

				return nil
			}
		}

		if !e.Type().IsRegular() {
			return nil
		}

		info, err := e.Info()
		if err != nil {
			return err
		}

		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}

		files = append(files, File{Path: rel, Mode: info.Mode().Perm(), Data: data})

		return nil
	})

	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })

	return files, err
}
