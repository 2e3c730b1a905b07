package scaffold

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// journal records each step of a merge so that undo can reverse it.
type journal struct {
	dirs    []string    // folders created in the target, in creation order
	moved   []string    // files moved into the target
	backups [][2]string // (backup, original) for each overwritten file
}

// merge moves staged files into an existing target one by one. An overwritten file is
// first moved into backupDir, so undo can put it back. On error or cancellation, every
// step is reversed.
func merge(ctx context.Context, stage, backupDir, target string, files []File) (Result, error) {
	var (
		j   journal
		res Result
	)

	if err := os.Mkdir(backupDir, 0o700); err != nil {
		return res, diskError(target, err)
	}

	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return Result{}, j.undo(err)
		}

		overwrote, err := j.place(stage, backupDir, target, f.Path, i)
		if err != nil {
			dir := filepath.Dir(filepath.Join(target, filepath.FromSlash(f.Path)))

			return Result{}, j.undo(diskError(dir, err))
		}

		if overwrote {
			res.Overwritten = append(res.Overwritten, f.Path)
		}
	}

	return res, nil
}

// place moves one staged file into the target and reports whether it replaced one.
func (j *journal) place(stage, backupDir, target, rel string, i int) (bool, error) {
	src := filepath.Join(stage, filepath.FromSlash(rel))
	dst := filepath.Join(target, filepath.FromSlash(rel))

	if err := j.mkdirs(target, filepath.Dir(dst)); err != nil {
		return false, err
	}

	overwrote := false
	if _, err := os.Lstat(dst); err == nil {
		backup := filepath.Join(backupDir, fmt.Sprint(i))
		if err := os.Rename(dst, backup); err != nil {
			return false, err
		}

		j.backups = append(j.backups, [2]string{backup, dst})
		overwrote = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}

	if err := os.Rename(src, dst); err != nil {
		return false, err
	}

	j.moved = append(j.moved, dst)

	return overwrote, nil
}

// mkdirs creates dir and any missing parents up to target, recording each one.
func (j *journal) mkdirs(target, dir string) error {
	var missing []string
	for d := dir; d != target; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}

		missing = append(missing, d)
	}

	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil {
			return err
		}

		j.dirs = append(j.dirs, missing[i])
	}

	return nil
}

// ErrBackupKept is wrapped by Write's error when an overwritten file could not be put
// back: its previous version then stays in the temporary folder the error names.
var ErrBackupKept = errors.New("previous versions kept")

// undo reverses the journal: new files out, old files back, new folders removed. It
// returns cause itself when everything was undone, and otherwise cause joined with what
// could not be.
func (j *journal) undo(cause error) error {
	errs := []error{cause}
	for i := len(j.moved) - 1; i >= 0; i-- {
		if err := os.Remove(j.moved[i]); err != nil {
			errs = append(errs, err)
		}
	}

	for i := len(j.backups) - 1; i >= 0; i-- {
		if err := os.Rename(j.backups[i][0], j.backups[i][1]); err != nil {
			errs = append(errs, fmt.Errorf("restore %s (%w in %s): %w",
				j.backups[i][1], ErrBackupKept, j.backups[i][0], err))
		}
	}

	for i := len(j.dirs) - 1; i >= 0; i-- {
		if err := os.Remove(j.dirs[i]); err != nil {
			errs = append(errs, err)
		}
	}

	if len(errs) == 1 {
		return cause
	}

	return errors.Join(errs...)
}
