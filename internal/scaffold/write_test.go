package scaffold

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// entry is one thing found on disk by snapshot.
type entry struct {
	Dir  bool
	Mode fs.FileMode
	Data string
}

// snapshot records every folder and file below dir with its mode and content.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()

	out := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}

		info, err := e.Info()
		if err != nil {
			return err
		}

		rel, _ := filepath.Rel(dir, p)
		en := entry{Dir: e.IsDir(), Mode: info.Mode()}
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}

			en.Data = string(b)
		}

		out[filepath.ToSlash(rel)] = en

		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	return out
}

func sameSnapshot(t *testing.T, what string, before, after map[string]entry) {
	t.Helper()

	if !reflect.DeepEqual(before, after) {
		t.Errorf("%s changed:\nbefore %v\nafter  %v", what, before, after)
	}
}

// noLeftovers fails when a temporary folder of Write is left in dir.
func noLeftovers(t *testing.T, dir string) {
	t.Helper()

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}

	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".zentra-") {
			t.Errorf("temporary folder %s left in %s", e.Name(), dir)
		}
	}
}

// put creates files below dir: path to content, with mode 0o640 so a restored file can
// be told from a recreated one.
func put(t *testing.T, dir string, files map[string]string) {
	t.Helper()

	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}

		if err := os.WriteFile(full, []byte(data), 0o640); err != nil {
			t.Fatal(err)
		}
	}
}

var umaskOnce = sync.OnceValues(func() (fs.FileMode, error) {
	dir, err := os.MkdirTemp("", "umask")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)

	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, nil, 0o777); err != nil {
		return 0, err
	}

	st, err := os.Stat(p)
	if err != nil {
		return 0, err
	}

	return 0o777 &^ st.Mode().Perm(), nil
})

// onDisk is the permission a file planned with mode gets under the process umask.
func onDisk(t *testing.T, mode fs.FileMode) fs.FileMode {
	t.Helper()

	umask, err := umaskOnce()
	if err != nil {
		t.Fatal(err)
	}

	return mode.Perm() &^ umask
}

// cancelWhen is a context whose Err turns to context.Canceled, for good, once cond is
// true: a way to stop Write at a chosen step without timing.
type cancelWhen struct {
	context.Context
	cond func() bool
	done bool
}

func (c *cancelWhen) Err() error {
	if c.done || c.cond() {
		c.done = true
		return context.Canceled
	}

	return nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func sampleFiles() []File {
	return []File{
		{Path: ".env", Mode: 0o600, Data: []byte("SECRET=1\n")},
		{Path: "README.md", Mode: 0o644, Data: []byte("# new\n")},
		{Path: "app/__init__.py", Mode: 0o644},
		{Path: "app/core/config.py", Mode: 0o644, Data: []byte("x = 1\n")},
		{Path: "run.sh", Mode: 0o755, Data: []byte("#!/bin/sh\n")},
		{Path: "z.txt", Mode: 0o644, Data: []byte("last\n")},
	}
}

func TestWriteNewTarget(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "proj")
	files := sampleFiles()

	res, err := Write(context.Background(), target, files, Options{})
	if err != nil {
		t.Fatal(err)
	}

	if !res.NewFolder || len(res.Overwritten) != 0 {
		t.Errorf("Write result = %+v, want a new folder with every file created", res)
	}

	got := snapshot(t, target)
	for _, f := range files {
		e := got[f.Path]
		if e.Data != string(f.Data) || e.Mode.Perm() != onDisk(t, f.Mode) {
			t.Errorf("%s on disk is %04o %q, want %04o %q",
				f.Path, e.Mode.Perm(), e.Data, onDisk(t, f.Mode), f.Data)
		}
	}

	if mode := got[".env"].Mode.Perm(); mode != 0o600 {
		t.Errorf(".env has mode %04o, want 0600", mode)
	}

	noLeftovers(t, parent)
}

func TestWriteNewTargetFailureLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "proj")
	stagedZ := func() bool {
		m, _ := filepath.Glob(filepath.Join(parent, ".zentra-*", "new", "run.sh"))
		return len(m) > 0
	}
	collide := append(sampleFiles(), File{Path: "z.txt/inner", Mode: 0o644})
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()

	tests := []struct {
		name  string
		ctx   context.Context
		files []File
		want  error
	}{
		{"planned paths collide", context.Background(), collide, nil},
		{"cancelled half-way", &cancelWhen{Context: context.Background(), cond: stagedZ},
			sampleFiles(), context.Canceled},
		{"cancelled before the start", cancelled, sampleFiles(), context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Write(tt.ctx, target, tt.files, Options{})
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("Write = %v, want an error (%v)", err, tt.want)
			}

			if exists(target) {
				t.Errorf("%s exists after a failed write", target)
			}

			noLeftovers(t, parent)
		})
	}
}

func TestWriteRefusesNonEmptyTarget(t *testing.T) {
	target := t.TempDir()
	put(t, target, map[string]string{"notes.txt": "mine\n", "README.md": "old\n"})
	before := snapshot(t, target)

	_, err := Write(context.Background(), target, sampleFiles(), Options{})
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("Write = %v, want ErrConflict", err)
	}

	if !strings.Contains(err.Error(), "--force") || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("error %q should name the files and the --force way out", err)
	}

	sameSnapshot(t, "target", before, snapshot(t, target))
	noLeftovers(t, target)
}

func TestWriteAcceptsHarmlessEntries(t *testing.T) {
	target := t.TempDir()
	put(t, target, map[string]string{".git/HEAD": "ref: refs/heads/main\n", "LICENSE": "MIT\n"})

	res, err := Write(context.Background(), target, sampleFiles(), Options{})
	if err != nil {
		t.Fatal(err)
	}

	if len(res.Overwritten) != 0 || res.NewFolder {
		t.Errorf("Write result = %+v, want every file created in the existing folder", res)
	}

	got := snapshot(t, target)
	if got[".git/HEAD"].Data != "ref: refs/heads/main\n" || got["LICENSE"].Data != "MIT\n" {
		t.Errorf("harmless entries changed: %v", got)
	}

	for _, f := range sampleFiles() {
		if e, ok := got[f.Path]; !ok || e.Data != string(f.Data) {
			t.Errorf("%s on disk is %q (present: %v), want %q", f.Path, e.Data, ok, f.Data)
		}
	}

	noLeftovers(t, target)
}

func TestWriteForceOverwritesOnlyPlannedFiles(t *testing.T) {
	target := t.TempDir()
	put(t, target, map[string]string{
		"notes.txt": "mine\n", "README.md": "old\n", "app/extra.py": "y = 2\n", "app/core/x.py": "",
	})
	before := snapshot(t, target)

	res, err := Write(context.Background(), target, sampleFiles(), Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}

	if !reflect.DeepEqual(res.Overwritten, []string{"README.md"}) {
		t.Errorf("Overwritten = %v, want [README.md]", res.Overwritten)
	}

	after := snapshot(t, target)
	for p, e := range before {
		if p == "README.md" {
			continue
		}

		if after[p] != e {
			t.Errorf("%s changed or vanished: before %v, after %v", p, e, after[p])
		}
	}

	if after["README.md"].Data != "# new\n" {
		t.Errorf("README.md = %q, want the planned content", after["README.md"].Data)
	}

	if mode := after[".env"].Mode.Perm(); mode != 0o600 {
		t.Errorf(".env has mode %04o, want 0600", mode)
	}

	noLeftovers(t, target)
}

// TestWriteUndoRestoresEverything stops a forced write into an existing folder after
// it has overwritten a file, created folders and moved new files in.
func TestWriteUndoRestoresEverything(t *testing.T) {
	target := t.TempDir()
	put(t, target, map[string]string{
		"README.md": "old readme\n", "app/keep.py": "keep\n", "run.sh": "old script\n",
	})
	before := snapshot(t, target)

	placed := filepath.Join(target, "run.sh")
	ctx := &cancelWhen{Context: context.Background(), cond: func() bool {
		b, _ := os.ReadFile(placed)
		return bytes.Equal(b, []byte("#!/bin/sh\n"))
	}}

	_, err := Write(ctx, target, sampleFiles(), Options{Force: true})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Write = %v, want context.Canceled", err)
	}

	sameSnapshot(t, "target", before, snapshot(t, target))
	noLeftovers(t, target)
}

// TestWriteExistingTargetStagesInside checks that writing into an existing folder puts
// nothing beside it, so a mount point or a folder in a read-only parent works.
func TestWriteExistingTargetStagesInside(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "proj")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}

	beside := map[string]bool{}
	ctx := &cancelWhen{Context: context.Background(), cond: func() bool {
		entries, _ := os.ReadDir(parent)
		for _, e := range entries {
			beside[e.Name()] = e.Name() != "proj"
		}

		return false
	}}

	if _, err := Write(ctx, target, sampleFiles(), Options{}); err != nil {
		t.Fatal(err)
	}

	for name, bad := range beside {
		if bad {
			t.Errorf("Write created %s beside an existing target", name)
		}
	}

	noLeftovers(t, target)
}
