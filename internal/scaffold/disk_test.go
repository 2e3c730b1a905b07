package scaffold

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

// TestWriteLongFolderNames writes into folders whose names take the whole 255 bytes a
// name may have, new and existing: the temporary folder's name must still fit.
func TestWriteLongFolderNames(t *testing.T) {
	tests := []struct {
		name     string
		base     string
		existing bool
	}{
		{"new folder, ascii", strings.Repeat("a", 255), false},
		{"existing folder, ascii", strings.Repeat("b", 255), true},
		{"new folder, two-byte letters", strings.Repeat("é", 127), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			target := filepath.Join(parent, tt.base)
			if tt.existing {
				mkdir(tt.base)(t, parent)
			}

			res, err := Write(context.Background(), target, sampleFiles(), Options{})
			if err != nil {
				t.Fatalf("Write = %v", err)
			}

			if res.NewFolder == tt.existing {
				t.Errorf("NewFolder = %v, want %v", res.NewFolder, !tt.existing)
			}

			if !exists(filepath.Join(target, "app", "core", "config.py")) {
				t.Error("the project was not written")
			}

			noLeftovers(t, parent)
			noLeftovers(t, target)
		})
	}
}

func TestTempName(t *testing.T) {
	tests := []struct{ base, want string }{
		{"proj", ".zentra-proj"},
		{strings.Repeat("a", 40), ".zentra-" + strings.Repeat("a", 32)},
		// 15 two-byte letters and a third would cross the bound: the cut keeps whole ones.
		{"x" + strings.Repeat("é", 20), ".zentra-x" + strings.Repeat("é", 15)},
	}
	for _, tt := range tests {
		got := tempName(tt.base)
		if got != tt.want {
			t.Errorf("tempName(%q) = %q, want %q", tt.base, got, tt.want)
		}

		if !utf8.ValidString(got) || len(got) > len(".zentra-")+tempBaseMax {
			t.Errorf("tempName(%q) = %q: not valid UTF-8 or too long", tt.base, got)
		}
	}
}

// TestDiskError checks the messages for failures on disk: they name the user's folder
// and what to do, never the temporary folder, and keep the cause for errors.Is.
func TestDiskError(t *testing.T) {
	tmp := "/srv/.zentra-proj-0a1b2c3d4e5f/new"
	tests := []struct {
		name  string
		err   error
		cause error
		want  string
	}{
		{"permission denied", &fs.PathError{Op: "mkdir", Path: tmp, Err: syscall.EACCES},
			fs.ErrPermission,
			`cannot write in "/srv": permission denied; choose a folder you can write to`},
		{"operation not permitted", &fs.PathError{Op: "open", Path: tmp, Err: syscall.EPERM},
			fs.ErrPermission, `cannot write in "/srv": operation not permitted; choose a folder`},
		{"read-only file system", &os.LinkError{Op: "rename", Old: tmp, New: "/srv/proj",
			Err: syscall.EROFS}, syscall.EROFS,
			`cannot write in "/srv": read-only file system; choose a folder on a writable disk`},
		{"disk full", &fs.PathError{Op: "write", Path: tmp + "/app.py", Err: syscall.ENOSPC},
			syscall.ENOSPC, `cannot write in "/srv": no space left on device; free some space`},
		{"other cause", &fs.PathError{Op: "mkdir", Path: tmp, Err: syscall.EIO}, syscall.EIO,
			`cannot write in "/srv": input/output error`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := diskError("/srv", tt.err)
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("diskError = %q, want it to start with %q", err, tt.want)
			}

			if strings.Contains(err.Error(), ".zentra-") {
				t.Errorf("diskError = %q names the temporary folder", err)
			}

			if !errors.Is(err, tt.cause) {
				t.Errorf("diskError = %v, which does not wrap %v", err, tt.cause)
			}
		})
	}

	if err := diskError("/srv", context.Canceled); err != context.Canceled {
		t.Errorf("diskError(context.Canceled) = %v, want it unchanged", err)
	}
}

func TestExisting(t *testing.T) {
	target := t.TempDir()
	put(t, target, map[string]string{"README.md": "old\n", "app/core/config.py": "", "x": ""})

	got := Existing(target, sampleFiles())
	if want := []string{"README.md", "app/core/config.py"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Existing = %v, want %v", got, want)
	}

	if got := Existing(filepath.Join(target, "missing"), sampleFiles()); got != nil {
		t.Errorf("Existing(missing) = %v, want none", got)
	}
}
