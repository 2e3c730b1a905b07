package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUndoKeepsABackupItCannotPutBack(t *testing.T) {
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup")
	if err := os.WriteFile(backup, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}

	// The original's folder is gone, so the backup cannot be renamed back.
	original := filepath.Join(dir, "gone", "README.md")
	j := journal{backups: [][2]string{{backup, original}}}

	err := j.undo(errors.New("write failed"))
	if !errors.Is(err, ErrBackupKept) {
		t.Fatalf("undo error %v does not report the kept backup", err)
	}

	if !strings.Contains(err.Error(), backup) {
		t.Errorf("undo error %q does not name where the previous version is", err)
	}

	if got, err := os.ReadFile(backup); err != nil || string(got) != "old" {
		t.Errorf("backup is gone or changed: %q, %v", got, err)
	}
}

func TestUndoRestoresWithoutKeepingBackups(t *testing.T) {
	dir := t.TempDir()
	backup, original := filepath.Join(dir, "backup"), filepath.Join(dir, "README.md")
	if err := os.WriteFile(backup, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}

	cause := errors.New("write failed")
	j := journal{backups: [][2]string{{backup, original}}}
	if err := j.undo(cause); err != cause {
		t.Fatalf("undo = %v after putting everything back, want the cause alone", err)
	}

	if got, err := os.ReadFile(original); err != nil || string(got) != "old" {
		t.Errorf("original not restored: %q, %v", got, err)
	}
}
