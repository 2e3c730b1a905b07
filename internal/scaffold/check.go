package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/zentra-cli/zentra/internal/textutil"
)

// ErrConflict is wrapped by Write's error when the target holds files and force is off.
var ErrConflict = errors.New("target folder is not empty")

// harmless are entries that may already sit in a target folder without counting as a
// conflict: version control, a licence, editor settings.
var harmless = map[string]bool{
	".git": true, ".hg": true, ".svn": true, ".idea": true, ".vscode": true, ".DS_Store": true,
	"LICENSE": true, "LICENSE.md": true, "LICENSE.txt": true, "COPYING": true,
}

// conflicts lists the entries of dir that stop a write without force: everything except
// harmless entries. A missing dir has none.
func conflicts(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}

	if err != nil {
		return nil, lookupError(dir, err)
	}

	var out []string
	for _, e := range entries {
		if !harmless[e.Name()] {
			out = append(out, e.Name())
		}
	}

	return out, nil
}

// Check reports, without writing, whether files can be written into target: the parent
// must be a folder, the target a folder or nothing yet, a non-empty target needs force,
// and no planned file may land where a folder stands or below a file. Every error is one
// line that says what is wrong and what to do.
func Check(target string, files []File, opt Options) error {
	if err := checkParent(filepath.Dir(target)); err != nil {
		return err
	}

	found, err := checkTarget(target)
	if err != nil || !found {
		return err
	}

	others, err := conflicts(target)
	if err != nil {
		return err
	}

	if len(others) > 0 && !opt.Force {
		return fmt.Errorf("%w: %q holds %s; choose another folder or pass --force "+
			"to overwrite only the files zentra writes", ErrConflict, target, listNames(others))
	}

	for _, f := range files {
		if err := checkPath(target, f.Path); err != nil {
			return err
		}
	}

	return nil
}

// checkParent requires the folder that holds the target to exist and be a folder.
func checkParent(parent string) error {
	st, err := os.Stat(parent)
	switch {
	case err == nil && st.IsDir():
		return nil
	case err == nil:
		return notAFolder(parent)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("parent folder %q does not exist: create it first", parent)
	case errors.Is(err, syscall.ENOTDIR):
		return notAFolder(fileAbove(parent))
	default:
		return lookupError(parent, err)
	}
}

// checkTarget reports whether target exists as a folder (or a link to one). Anything
// else in its place is an error; nothing there is fine.
func checkTarget(target string) (bool, error) {
	st, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}

	if err != nil {
		return false, lookupError(target, err)
	}

	if st.Mode()&fs.ModeSymlink != 0 {
		st, err = os.Stat(target)
		if errors.Is(err, fs.ErrNotExist) {
			dest, _ := os.Readlink(target)

			return false, fmt.Errorf("%q is a link to %q, which does not exist: "+
				"remove the link or choose another folder", target, dest)
		}

		if err != nil {
			return false, lookupError(target, err)
		}
	}

	if !st.IsDir() {
		return false, fmt.Errorf("%q is a file, not a folder: choose another folder name, "+
			"or move the file away", target)
	}

	return true, nil
}

func notAFolder(p string) error {
	return fmt.Errorf("%q is a file, not a folder: the project folder must go inside a folder",
		p)
}

// fileAbove returns the nearest element of p, walking up, that exists; below a
// "not a directory" error, that is the file standing where a folder should be.
func fileAbove(p string) string {
	for d := p; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
			return d
		}
	}
}

// lookupError explains why p could not be looked at, in one line with what to do.
func lookupError(p string, err error) error {
	cause := err

	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err
	}

	switch {
	case errors.Is(cause, syscall.ENAMETOOLONG):
		return fmt.Errorf("%q is too long a path for the file system: choose a shorter "+
			"folder name", p)
	case errors.Is(cause, fs.ErrPermission):
		return fmt.Errorf("cannot look into %q: %w; choose a folder you can read", p, cause)
	default:
		return fmt.Errorf("cannot use %q: %w", p, cause)
	}
}

// checkPath refuses a planned file whose place is a folder or a link, or that needs a
// folder where a file or link stands. It walks down from target and stops at the first
// missing element, below which nothing can stand in the way.
func checkPath(target, rel string) error {
	parts := strings.Split(rel, "/")

	p := target
	for i, part := range parts {
		p = filepath.Join(p, part)

		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}

		if err != nil {
			return lookupError(p, err)
		}

		last := i == len(parts)-1
		if last && (st.IsDir() || st.Mode()&fs.ModeSymlink != 0) {
			return fmt.Errorf("%q is a folder or link where zentra writes a file: move it away", p)
		}

		if !last && !st.IsDir() {
			return fmt.Errorf("%q is a file or link where zentra needs a folder: move it away", p)
		}
	}

	return nil
}

// Existing lists, in plan order, the planned files that already exist in target: those
// a write with force would overwrite. It writes nothing, for a dry run.
func Existing(target string, files []File) []string {
	var out []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(target, filepath.FromSlash(f.Path))); err == nil {
			out = append(out, f.Path)
		}
	}

	return out
}

func listNames(names []string) string {
	const most = 8

	sort.Strings(names)

	shown := make([]string, 0, most)
	for _, n := range names[:min(most, len(names))] {
		shown = append(shown, textutil.Printable(n))
	}

	list := strings.Join(shown, ", ")
	if len(names) > most {
		list += fmt.Sprintf(" and %d more", len(names)-most)
	}

	return list
}
