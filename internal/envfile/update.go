package envfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

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
// any step leaves the old file untouched. The file keeps its permission bits; a
// symbolic link is followed and the file it points to is replaced.
func Update(path string, values map[string]string) error {
	return update(path, values, osReplacer)
}

func update(path string, values map[string]string, r replacer) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}

	src, err := os.ReadFile(target)
	if err != nil {
		return err
	}

	out, err := Set(src, values)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}

	return replaceFile(target, out, r)
}

// replaceFile writes data to a new file beside path, with path's permission bits from
// before any byte is written, syncs it and renames it over path. On failure the new
// file is removed.
func replaceFile(path string, data []byte, r replacer) (err error) {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}

	dir := filepath.Dir(path)

	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".zentra-*")
	if err != nil {
		return fmt.Errorf("create a temporary file beside %s: %w", path, err)
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

	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		return err
	}

	if err := r.write(tmp, data); err != nil {
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}

	if err := tmp.Sync(); err != nil {
		return err
	}

	closed = true
	if err := tmp.Close(); err != nil {
		return err
	}

	if err := r.rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}

	syncDir(dir)

	return nil
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
