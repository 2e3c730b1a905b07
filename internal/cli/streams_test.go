package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestCanPrompt(t *testing.T) {
	tests := []struct {
		name string
		tty  bool
		env  map[string]string
		want bool
	}{
		{"tty without ci", true, nil, true},
		{"no tty", false, nil, false},
		{"tty with ci=true", true, map[string]string{"CI": "true"}, false},
		{"tty with ci=1", true, map[string]string{"CI": "1"}, false},
		{"tty with ci set to a name", true, map[string]string{"CI": "woodpecker"}, false},
		{"tty with ci empty", true, map[string]string{"CI": ""}, true},
		{"tty with ci=0", true, map[string]string{"CI": "0"}, true},
		{"tty with ci=false", true, map[string]string{"CI": "false"}, true},
		{"tty with ci=FALSE", true, map[string]string{"CI": "FALSE"}, true},
		{"tty with ci=False and spaces", true, map[string]string{"CI": " False "}, true},
		{"accessible without a tty", false, map[string]string{AccessibleEnv: "1"}, true},
		{"accessible with ci=true", false, map[string]string{AccessibleEnv: "1", "CI": "true"},
			false},
		{"accessible with ci=false", false,
			map[string]string{AccessibleEnv: "1", "CI": "false"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &System{
				StdinTTY:  tt.tty,
				StdoutTTY: tt.tty,
				Getenv:    func(k string) string { return tt.env[k] },
			}
			if got := s.CanPrompt(); got != tt.want {
				t.Errorf("CanPrompt = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSystemAbs(t *testing.T) {
	wd := func() (string, error) { return "/home/pat/code", nil }
	gone := func() (string, error) { return "", fmt.Errorf("getwd: %w", fs.ErrNotExist) }

	tests := []struct {
		name  string
		getwd func() (string, error)
		dir   string
		want  string
		err   string
	}{
		{"empty is the working folder", wd, "", "/home/pat/code", ""},
		{"dot is the working folder", wd, ".", "/home/pat/code", ""},
		{"relative", wd, "shop/../my-api/", "/home/pat/code/my-api", ""},
		{"absolute ignores the working folder", gone, "/srv//api/", "/srv/api", ""},
		{"relative without a working folder", gone, "my-api", "",
			"cannot find the current folder: getwd: file does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := (&System{Getwd: tt.getwd}).Abs(tt.dir)
			if got != tt.want {
				t.Errorf("Abs(%q) = %q, want %q", tt.dir, got, tt.want)
			}

			switch {
			case tt.err == "" && err != nil:
				t.Errorf("Abs(%q) = %v, want no error", tt.dir, err)
			case tt.err != "" && (err == nil || err.Error() != tt.err):
				t.Errorf("Abs(%q) error = %v, want %q", tt.dir, err, tt.err)
			case tt.err != "" && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("Abs(%q) error = %v, which does not wrap the cause", tt.dir, err)
			}
		})
	}
}

// TestInitWithoutAWorkingFolder runs init where the working folder cannot be found: the
// error says so, with and without questions.
func TestInitWithoutAWorkingFolder(t *testing.T) {
	for _, tty := range []bool{false, true} {
		r := newPromptRun(t, tty, nil, "", &scriptedPrompter{})
		r.sys.Getwd = func() (string, error) { return "", errors.New("getwd: no such file") }

		if code := r.run("init", "demo"); code != ExitFailed {
			t.Errorf("tty %v: code %d, want %d\n%s", tty, code, ExitFailed, r.err.String())
		}

		if want := "cannot find the current folder: getwd: no such file"; !strings.Contains(
			r.err.String(), want) {
			t.Errorf("tty %v: stderr lacks %q:\n%s", tty, want, r.err.String())
		}
	}
}
