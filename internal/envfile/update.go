package envfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// ErrReadOnly is wrapped by Update's error when the file has no owner-write permission:
// someone made it read-only on purpose, so it is not replaced behind their back.
var ErrReadOnly = errors.New("the file is read-only")

// Modes are a replaced file's permission bits before and after Update.
type Modes struct {
	Old, New fs.FileMode
}

// Tightened reports whether Update took away group or other permissions.
func (m Modes) Tightened() bool {
	return m.Old != m.New
}

// replacer holds the steps of an atomic file replace that can fail half-way, so tests
// can make them fail.
type replacer struct {
	write  func(w io.Writer, data []byte) error
	rename func(oldpath, newpath string) error
}

var osReplacer = replacer{
	write: func(w io.Writer, data []byte) error {
		_, err := w.Write(data)
		return err
	},
	rename: os.Rename,
}

// Update sets values in the .env file at path as Set does, and replaces the file
// atomically: readers see the old file or the new one, never a mix, and a failure at
// any step leaves the old file untouched. A symbolic link is followed and the file it
// points to is replaced.
//
// The file holds secrets, so the new one keeps only the owner's permission bits of the
// old one (a 0644 file becomes 0600). A file without owner-write permission is refused
// with ErrReadOnly, whoever runs Update.
func Update(path string, values map[string]string) (Modes, error) {
	return update(path, values, osReplacer)
}

func update(path string, values map[string]string, r replacer) (Modes, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return Modes{}, fmt.Errorf("%s: follow links: %w", path, err)
	}

	st, err := os.Stat(target)
	if err != nil {
		return Modes{}, fmt.Errorf("%s: read its permissions: %w", path, bare(err))
	}

	old := st.Mode().Perm()
	if old&0o200 == 0 {
		return Modes{}, fmt.Errorf("%s: %w (mode %04o)", path, ErrReadOnly, old)
	}

	src, err := os.ReadFile(target)
	if err != nil {
		return Modes{}, fmt.Errorf("%s: read: %w", path, bare(err))
	}

	out, err := Set(src, values)
	if err != nil {
		return Modes{}, fmt.Errorf("%s: %w", path, err)
	}

	m := Modes{Old: old, New: old & 0o700}
	if runtime.GOOS == "windows" {
		// Windows has no group or other bits; Chmod only sets the read-only flag there.
		m.New = old
	}

	if err := replaceFile(target, out, m.New, r); err != nil {
		return Modes{}, fmt.Errorf("%s: %w; the file was left as it was", path, err)
	}

	return m, nil
}

// replaceFile writes data to a new file beside path, with permission bits mode from
// before any byte is written, syncs it and renames it over path. On failure the new
// file is removed. Errors say which step failed but not the new file's name, which
// means nothing to the user.
func replaceFile(path string, data []byte, mode fs.FileMode, r replacer) (err error) {
	dir := filepath.Dir(path)

	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".zentra-*")
	if err != nil {
		return fmt.Errorf("create a new file in its folder: %w", bare(err))
	}

	closed := false
	defer func() {
		if err == nil {
			return
		}

		if !closed {
			tmp.Close()
		}

		os.Remove(tmp.Name())
	}()

	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("set the new file's permissions: %w", bare(err))
	}

	if err := r.write(tmp, data); err != nil {
		return fmt.Errorf("write the new file: %w", bare(err))
	}

	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save the new file to disk: %w", bare(err))
	}

	closed = true
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close the new file: %w", bare(err))
	}

	if err := r.rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("put the new file in its place: %w", bare(err))
	}

	syncDir(dir)

	return nil
}

// bare returns the cause inside err when err is a *fs.PathError or *os.LinkError, whose
// message would name a file, and err itself otherwise.
func bare(err error) error {
	switch e := err.(type) {
	case *fs.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	default:
		return err
	}
}

// syncDir asks the system to persist the rename in dir. It is best effort: some
// systems cannot sync a folder, and the rename has happened either way.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}

	_ = d.Sync()
	_ = d.Close()
}
