package scaffold

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"unicode/utf8"
)

// Options change how Write treats an existing target.
type Options struct {
	// Force allows writing into a folder that holds other files. Only files of the plan
	// are overwritten; nothing else is touched or deleted.
	Force bool
}

// Result says what Write did.
type Result struct {
	// Overwritten lists the project-relative paths of the files that replaced others, in
	// plan order. Every other file of the plan was created.
	Overwritten []string
	// NewFolder is true when the target did not exist: Write made it, and everything in
	// it is the project.
	NewFolder bool
}

// Write puts files into target all at once or not at all. It writes them into a
// temporary folder first: beside a new target, which then appears with one rename, or
// inside an existing one, which then receives the files one by one (any failure or
// cancellation of ctx moves every file back as it was). Staging inside an existing
// target keeps every rename on one file system, so a target that is a mount point or
// whose parent is read-only works too. Errors name the user's folder, and the temporary
// folder is removed, with one exception: when an overwritten file cannot be put back, the
// error wraps ErrBackupKept, and the temporary folder stays, named in the error, holding
// the previous versions.
func Write(ctx context.Context, target string, files []File, opt Options) (_ Result, err error) {
	target = filepath.Clean(target)
	if err := Check(target, files, opt); err != nil {
		return Result{}, err
	}

	_, err = os.Lstat(target)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Result{}, lookupError(target, err)
	}

	place := filepath.Dir(target)
	if exists {
		place = target
	}

	tmp, err := os.MkdirTemp(place, tempName(filepath.Base(target))+"-*")
	if err != nil {
		return Result{}, diskError(place, err)
	}
	defer func() {
		if !errors.Is(err, ErrBackupKept) {
			os.RemoveAll(tmp)
		}
	}()

	stage := filepath.Join(tmp, "new")
	if err := stageFiles(ctx, stage, files); err != nil {
		return Result{}, diskError(place, err)
	}

	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	if exists {
		return merge(ctx, stage, filepath.Join(tmp, "old"), target, files)
	}

	if err := os.Rename(stage, target); err != nil {
		return Result{}, diskError(place, err)
	}

	return Result{NewFolder: true}, nil
}

// tempBaseMax bounds the part of the temporary folder's name taken from the target, so
// that the name fits in the file system's limit (255 bytes) whatever the target's length.
const tempBaseMax = 32

// tempName is the start of the temporary folder's name for a target named base: hidden,
// and showing which target it belongs to. os.MkdirTemp adds a random suffix. The folder
// is private (mode 0700); the project folder is its "new" subfolder, made with 0755.
func tempName(base string) string {
	for len(base) > tempBaseMax {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}

	return ".zentra-" + base
}

// diskError explains a failed step on disk as a problem with dir, the folder the user
// can act on, with what to do when that is clear. The path inside the error is left
// out: it names zentra's temporary folder, which the user never sees. Other errors come
// back as they are.
func diskError(dir string, err error) error {
	var (
		pe    *fs.PathError
		le    *os.LinkError
		cause error
	)

	switch {
	case errors.As(err, &pe):
		cause = pe.Err
	case errors.As(err, &le):
		cause = le.Err
	default:
		return err
	}

	hint := ""
	switch {
	case errors.Is(cause, fs.ErrPermission):
		hint = "; choose a folder you can write to"
	case errors.Is(cause, syscall.EROFS):
		hint = "; choose a folder on a writable disk"
	case errors.Is(cause, syscall.ENOSPC):
		hint = "; free some space and try again"
	}

	return fmt.Errorf("cannot write in %q: %w%s", dir, cause, hint)
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
