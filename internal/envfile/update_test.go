package envfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

var rotation = map[string]string{
	"AUTH__SECRET_ACCESS_KEY":  "rotatedAccess_abcdefghij",
	"AUTH__SECRET_REFRESH_KEY": "rotatedRefresh-abcdefghij",
}

func writeEnv(t *testing.T, mode fs.FileMode) string {
	t.Helper()

	path := filepath.Join(t.TempDir(), ".env")
	if err := os.WriteFile(path, []byte(sample), mode); err != nil {
		t.Fatal(err)
	}

	// WriteFile's mode passes through the umask; set it exactly.
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}

	return path
}

// onlyFile fails unless path's folder holds nothing but path: no temporary file left.
func onlyFile(t *testing.T, path string) {
	t.Helper()

	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}

	if len(entries) != 1 || entries[0].Name() != filepath.Base(path) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}

		t.Errorf("folder holds %v, want only %s", names, filepath.Base(path))
	}
}

func TestUpdateRewritesInPlace(t *testing.T) {
	tests := []struct {
		mode, want fs.FileMode
	}{
		{mode: 0o600, want: 0o600},
		{mode: 0o700, want: 0o700},
		{mode: 0o640, want: 0o600},
		{mode: 0o644, want: 0o600},
		{mode: 0o666, want: 0o600},
	}

	for _, tt := range tests {
		mode := tt.mode
		t.Run(mode.String(), func(t *testing.T) {
			path := writeEnv(t, mode)

			m, err := Update(path, rotation)
			if err != nil {
				t.Fatal(err)
			}

			if runtime.GOOS != "windows" {
				wantModes := Modes{Old: mode, New: tt.want}
				if m != wantModes || m.Tightened() != (mode != tt.want) {
					t.Errorf("Update = %+v (tightened %v), want %+v", m, m.Tightened(),
						wantModes)
				}
			}

			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}

			want, err := Set([]byte(sample), rotation)
			if err != nil {
				t.Fatal(err)
			}

			if string(got) != string(want) {
				t.Errorf("file:\n%s\nwant:\n%s", got, want)
			}

			if strings.Contains(string(got), "oldAccessKey") {
				t.Error("the old access key is still there")
			}

			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}

			if runtime.GOOS != "windows" && st.Mode().Perm() != tt.want {
				t.Errorf("mode = %v, want %v", st.Mode().Perm(), tt.want)
			}

			onlyFile(t, path)
		})
	}
}

func TestUpdateFollowsALink(t *testing.T) {
	path := writeEnv(t, 0o600)
	link := filepath.Join(t.TempDir(), ".env")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}

	if _, err := Update(link, rotation); err != nil {
		t.Fatal(err)
	}

	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file (%v)", err)
	}

	env, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}

	if env["AUTH__SECRET_ACCESS_KEY"] != rotation["AUTH__SECRET_ACCESS_KEY"] {
		t.Error("the linked file was not updated")
	}
}

func TestUpdateFailureLeavesTheOldFile(t *testing.T) {
	errCrash := errors.New("crash")
	tests := []struct {
		name string
		r    replacer
	}{
		{name: "write fails half-way", r: replacer{
			write: func(w io.Writer, data []byte) error {
				if _, err := w.Write(data[:len(data)/2]); err != nil {
					return err
				}

				return errCrash
			},
			rename: os.Rename,
		}},
		{name: "rename fails", r: replacer{
			write:  osReplacer.write,
			rename: func(string, string) error { return errCrash },
		}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeEnv(t, 0o600)

			_, err := update(path, rotation, tt.r)
			if !errors.Is(err, errCrash) {
				t.Fatalf("error = %v, want the crash", err)
			}

			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}

			if string(got) != sample {
				t.Errorf("file changed:\n%s", got)
			}

			onlyFile(t, path)
		})
	}
}

func TestUpdateRefusesAnUnsafeLayoutWithoutWriting(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".env")
	src := "AUTH__SECRET_ACCESS_KEY=\"a\nb\"\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}

	if _, err := Update(path, rotation); err == nil {
		t.Fatal("no error")
	}

	got, err := os.ReadFile(path)
	if err != nil || string(got) != src {
		t.Errorf("file changed to %q (%v)", got, err)
	}

	onlyFile(t, path)
}

func TestUpdateRefusesAReadOnlyFile(t *testing.T) {
	// The check reads the mode bits, so it holds even for root, who may write anything.
	for _, mode := range []fs.FileMode{0o400, 0o444, 0o500, 0o440} {
		t.Run(mode.String(), func(t *testing.T) {
			path := writeEnv(t, mode)

			_, err := Update(path, rotation)
			if !errors.Is(err, ErrReadOnly) {
				t.Fatalf("error = %v, want ErrReadOnly", err)
			}

			want := fmt.Sprintf("(mode %04o)", mode)
			if runtime.GOOS != "windows" && !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %s", err, want)
			}

			got, err := os.ReadFile(path)
			if err != nil || string(got) != sample {
				t.Errorf("file changed to %q (%v)", got, err)
			}

			st, err := os.Stat(path)
			if err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != mode) {
				t.Errorf("mode changed (%v)", err)
			}

			onlyFile(t, path)
		})
	}
}

func TestUpdateErrorsNameTheFileNotTheTemporaryOne(t *testing.T) {
	tests := []struct {
		name string
		r    replacer
		want string
	}{
		{name: "write fails", want: "write the new file: no space left on device",
			r: replacer{
				write: func(w io.Writer, _ []byte) error {
					return &fs.PathError{Op: "write", Path: w.(*os.File).Name(),
						Err: syscall.ENOSPC}
				},
				rename: os.Rename,
			}},
		{name: "rename fails", want: "put the new file in its place: permission denied",
			r: replacer{
				write: osReplacer.write,
				rename: func(oldpath, newpath string) error {
					return &os.LinkError{Op: "rename", Old: oldpath, New: newpath,
						Err: syscall.EACCES}
				},
			}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeEnv(t, 0o600)

			_, err := update(path, rotation, tt.r)
			want := path + ": " + tt.want + "; the file was left as it was"
			if err == nil || err.Error() != want {
				t.Fatalf("error = %v, want %q", err, want)
			}

			if strings.Contains(err.Error(), ".zentra-") {
				t.Errorf("error %q names the temporary file", err)
			}

			onlyFile(t, path)
		})
	}
}
