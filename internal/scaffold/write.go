package scaffold

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrConflict is wrapped by Write's error when the target holds files and force is off.
var ErrConflict = errors.New("target folder is not empty")

// Harmless are entries that may already sit in a target folder without counting as a
// conflict: version control, a licence, editor settings.
var Harmless = map[string]bool{
	".git": true, ".hg": true, ".svn": true, ".idea": true, ".vscode": true, ".DS_Store": true,
	"LICENSE": true, "LICENSE.md": true, "LICENSE.txt": true, "COPYING": true,
}

// Options change how Write treats an existing target.
type Options struct {
	// Force allows writing into a folder that holds other files. Only files of the plan
	// are overwritten; nothing else is touched or deleted.
	Force bool
}

// Result says what Write did.
type Result struct {
	// Created and Overwritten are project-relative paths, in plan order.
	Created     []string
	Overwritten []string
}

// Conflicts lists the entries of dir that stop a write without force: everything except
// Harmless entries. A missing dir has none.
func Conflicts(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}

	if err != nil {
		return nil, err
	}

	var out []string
	for _, e := range entries {
		if !Harmless[e.Name()] {
			out = append(out, e.Name())
		}
	}

	return out, nil
}

// Check reports, without writing, whether files can be written into target: the parent
// must exist, a non-empty target needs force, and no planned file may land where a
// folder stands or below a file.
func Check(target string, files []File, opt Options) error {
	parent := filepath.Dir(target)
	if st, err := os.Stat(parent); err != nil || !st.IsDir() {
		return fmt.Errorf("parent folder %s does not exist: create it first", parent)
	}

	st, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}

	if err != nil {
		return err
	}

	if !st.IsDir() {
		return fmt.Errorf("%s exists and is not a folder: %w", target, ErrConflict)
	}

	conflicts, err := Conflicts(target)
	if err != nil {
		return err
	}

	if len(conflicts) > 0 && !opt.Force {
		return fmt.Errorf("%w: %s holds %s; choose another folder or pass --force "+
			"to overwrite only the files zentra writes", ErrConflict, target, listNames(conflicts))
	}

	for _, f := range files {
		if err := checkPath(target, f.Path); err != nil {
			return err
		}
	}

	return nil
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
			return err
		}

		last := i == len(parts)-1
		if last && (st.IsDir() || st.Mode()&fs.ModeSymlink != 0) {
			return fmt.Errorf("%s is a folder or link where zentra writes a file: move it away", p)
		}

		if !last && !st.IsDir() {
			return fmt.Errorf("%s is a file or link where zentra needs a folder: move it away", p)
		}
	}

	return nil
}

func listNames(names []string) string {
	const most = 8

	sort.Strings(names)
	if len(names) > most {
		return strings.Join(names[:most], ", ") + fmt.Sprintf(" and %d more", len(names)-most)
	}

	return strings.Join(names, ", ")
}

// Write puts files into target all at once or not at all. It writes them into a
// temporary folder first: beside a new target, which then appears with one rename, or
// inside an existing one, which then receives the files one by one (any failure or
// cancellation of ctx moves every file back as it was). Staging inside an existing
// target keeps every rename on one file system, so a target that is a mount point or
// whose parent is read-only works too. The temporary folder is always removed.
func Write(ctx context.Context, target string, files []File, opt Options) (Result, error) {
	target = filepath.Clean(target)
	if err := Check(target, files, opt); err != nil {
		return Result{}, err
	}

	_, err := os.Lstat(target)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Result{}, err
	}

	place := filepath.Dir(target)
	if exists {
		place = target
	}

	tmp, err := makeTempDir(place, filepath.Base(target))
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(tmp)

	stage := filepath.Join(tmp, "new")
	if err := stageFiles(ctx, stage, files); err != nil {
		return Result{}, err
	}

	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	if exists {
		return merge(ctx, stage, filepath.Join(tmp, "old"), target, files)
	}

	if err := os.Rename(stage, target); err != nil {
		return Result{}, fmt.Errorf("move project into place: %w", err)
	}

	return Result{Created: paths(files)}, nil
}

func makeTempDir(parent, base string) (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}

	dir := filepath.Join(parent, ".zentra-"+base+"-"+hex.EncodeToString(b))
	if err := os.Mkdir(dir, 0o755); err != nil {
		return "", fmt.Errorf("create temporary folder: %w", err)
	}

	return dir, nil
}

// stageFiles writes every file below dir, creating folders as needed.
func stageFiles(ctx context.Context, dir string, files []File) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}

	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}

		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}

		if err := writeNew(dst, f.Data, f.Mode); err != nil {
			return err
		}
	}

	return nil
}

// writeNew creates path with mode from the start (so a secret file is never readable by
// others, even briefly) and fails if it exists.
func writeNew(path string, data []byte, mode fs.FileMode) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}

	if _, err := fh.Write(data); err != nil {
		fh.Close()
		return err
	}

	return fh.Close()
}

func paths(files []File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}

	return out
}
