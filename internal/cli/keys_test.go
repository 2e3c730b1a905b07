package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/zentra-cli/zentra/internal/envfile"
	"github.com/zentra-cli/zentra/internal/token"
)

func TestKeysRotate(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		changed []string
	}{
		{name: "both by default", changed: []string{token.EnvAccessKey, token.EnvRefreshKey}},
		{name: "both named", args: []string{"--access", "--refresh"},
			changed: []string{token.EnvAccessKey, token.EnvRefreshKey}},
		{name: "access only", args: []string{"--access"}, changed: []string{token.EnvAccessKey}},
		{name: "refresh only", args: []string{"--refresh"},
			changed: []string{token.EnvRefreshKey}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testProject(t, "true", testEnv)
			path := filepath.Join(dir, ".env")
			before, err := envfile.Read(path)
			if err != nil {
				t.Fatal(err)
			}

			code, out, errOut := run{wd: dir}.exec(t,
				append([]string{"keys", "rotate"}, tt.args...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}

			after, err := envfile.Read(path)
			if err != nil {
				t.Fatal(err)
			}

			for _, k := range []string{token.EnvAccessKey, token.EnvRefreshKey} {
				changed := strings.Contains(out, "new "+k+" written to "+path)
				if changed != (before[k] != after[k]) || changed != slices.Contains(tt.changed, k) {
					t.Errorf("%s: reported %v, value changed %v, want %v", k, changed,
						before[k] != after[k], slices.Contains(tt.changed, k))
				}

				if strings.Contains(out, after[k]) {
					t.Errorf("stdout shows the value of %s", k)
				}

				if len(after[k]) != 86 {
					t.Errorf("%s has %d characters, want 86", k, len(after[k]))
				}
			}

			sameOtherLines(t, path, tt.changed)

			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}

			if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
				t.Errorf("mode = %v, want 0600", st.Mode().Perm())
			}

			if _, err := token.FromEnv(after); err != nil {
				t.Errorf("settings after rotating: %v", err)
			}
		})
	}
}

// sameOtherLines fails unless the .env at path matches testEnv line for line, except
// the lines that set the changed keys.
func sameOtherLines(t *testing.T, path string, changed []string) {
	t.Helper()

	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	gotLines := strings.SplitAfter(string(got), "\n")
	wantLines := strings.SplitAfter(testEnv, "\n")
	if len(gotLines) != len(wantLines) {
		t.Fatalf("%d lines, want %d:\n%s", len(gotLines), len(wantLines), got)
	}

	for i, want := range wantLines {
		key, _, _ := strings.Cut(want, "=")
		if slices.Contains(changed, key) {
			if gotLines[i] == want || !strings.HasPrefix(gotLines[i], key+"=") {
				t.Errorf("line %d = %q, want %s with a new value", i+1, gotLines[i], key)
			}

			continue
		}

		if gotLines[i] != want {
			t.Errorf("line %d = %q, want %q", i+1, gotLines[i], want)
		}
	}
}

func TestKeysRotateInvalidatesOldTokens(t *testing.T) {
	dir := testProject(t, "true", testEnv)

	_, tok, _ := run{wd: dir}.exec(t, "token", "create", "--user", "alice")
	if code, _, _ := (run{wd: dir}).exec(t, "keys", "rotate", "--access"); code != 0 {
		t.Fatalf("rotate exit %d", code)
	}

	code, _, errOut := run{wd: dir}.exec(t, "token", "verify", strings.TrimSpace(tok))
	if code != 1 || !strings.Contains(errOut, "bad signature") {
		t.Errorf("old token after rotating: exit %d, stderr %q", code, errOut)
	}
}

func TestProjectProblems(t *testing.T) {
	noAuthEnv := "PROJECT_NAME=demo\nDB__URL=sqlite:///./dev.db\n"
	shortKey := strings.Replace(testEnv, testAccessKey, strings.Repeat("k", 31), 1)

	tests := []struct {
		name       string
		auth, env  string
		wd, dirArg string
		want       string
		hint       string
		tokenOnly  bool // keys rotate mends bad keys and does not read the other settings
	}{
		{name: "not in a project", wd: "outside", want: "not inside a zentra project",
			hint: "pass --dir"},
		{name: "no-auth project", auth: "false", env: noAuthEnv,
			want: "made with --no-auth (its pyproject.toml has auth = false"},
		{name: "no-auth project with auth settings", auth: "false", env: testEnv,
			want: "made with --no-auth"},
		{name: "auth project without auth settings", auth: "true", env: noAuthEnv,
			want: "bad secret key: AUTH__SECRET_ACCESS_KEY and AUTH__SECRET_REFRESH_KEY " +
				"are missing", hint: "Run \"zentra keys rotate\" to add the missing keys",
			tokenOnly: true},
		{name: "expiry out of range", auth: "true",
			env: strings.Replace(testEnv, "MINS=15\n", "MINS=5256001\n", 1),
			want: "AUTH__ACCESS_TOKEN_EXPIRE_MINS is \"5256001\"; it must be a " +
				"whole number of minutes from 1 to 5256000 (ten years)", tokenOnly: true},
		{name: "key padded with a space", auth: "true",
			env:  strings.Replace(testEnv, "KEY="+testAccessKey, "KEY=\" "+testAccessKey+"\"", 1),
			want: "AUTH__SECRET_ACCESS_KEY starts or ends with whitespace",
			hint: "zentra keys rotate", tokenOnly: true},
		{name: "algorithm padded with a space", auth: "true",
			env:  strings.Replace(testEnv, "=HS256", "=\"HS256 \"", 1),
			want: `AUTH__ALGORITHM is "HS256 "`, tokenOnly: true},
		{name: "missing .env", auth: "true", want: ".env is missing",
			hint: "Copy .env.example to .env"},
		{name: "short key", auth: "true", env: shortKey,
			want: "AUTH__SECRET_ACCESS_KEY is 31 bytes long; HS256 needs at least 32",
			hint: "zentra keys rotate", tokenOnly: true},
		{name: "bad algorithm", auth: "true", env: strings.Replace(testEnv, "=HS256", "=RS256", 1),
			want: `AUTH__ALGORITHM is "RS256"`, tokenOnly: true},
		{name: "--dir outside a project", auth: "true", env: testEnv, dirArg: "../..",
			want: "not inside a zentra project"},
		{name: "--dir that does not exist", auth: "true", env: testEnv, dirArg: "nonexistent",
			want: "nonexistent does not exist\n"},
	}

	for _, tt := range tests {
		for _, cmd := range [][]string{{"token", "create", "-u", "alice"}, {"keys", "rotate"}} {
			if tt.tokenOnly && cmd[0] == "keys" {
				continue
			}

			t.Run(tt.name+" "+cmd[0], func(t *testing.T) {
				wd := t.TempDir()
				if tt.auth != "" {
					wd = testProject(t, tt.auth, tt.env)
				}

				args := cmd
				if tt.dirArg != "" {
					args = append(args, "--dir", tt.dirArg)
				}

				code, out, errOut := run{wd: wd}.exec(t, args...)
				if code != ExitUsage || out != "" {
					t.Errorf("exit %d, stdout %q; want exit 2 and no output", code, out)
				}

				if !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, tt.hint) {
					t.Errorf("stderr = %q, want %q and %q", errOut, tt.want, tt.hint)
				}

				if strings.Contains(errOut, strings.Repeat("k", 31)) {
					t.Errorf("stderr %q shows a key", errOut)
				}
			})
		}
	}
}

func TestKeysRotateMendsAShortKey(t *testing.T) {
	dir := testProject(t, "true", strings.Replace(testEnv, testAccessKey, "short", 1))

	if code, _, errOut := (run{wd: dir}).exec(t, "keys", "rotate"); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}

	if code, _, errOut := (run{wd: dir}).exec(t, "token", "create", "-u", "alice"); code != 0 {
		t.Errorf("token create after rotating: exit %d, stderr %q", code, errOut)
	}
}

func TestKeysRotateAddsMissingKeys(t *testing.T) {
	accessLine := "AUTH__SECRET_ACCESS_KEY=" + testAccessKey + "\n"
	refreshLine := `AUTH__SECRET_REFRESH_KEY="` + testRefreshKey + `"` + "\n"

	tests := []struct {
		name    string
		drop    []string
		args    []string
		added   []string
		rotated []string
	}{
		{name: "both missing", drop: []string{accessLine, refreshLine},
			added: []string{token.EnvAccessKey, token.EnvRefreshKey}},
		{name: "refresh missing, access named", drop: []string{refreshLine},
			args: []string{"--access"}, added: []string{token.EnvRefreshKey},
			rotated: []string{token.EnvAccessKey}},
		{name: "access missing, refresh named", drop: []string{accessLine},
			args: []string{"--refresh"}, added: []string{token.EnvAccessKey},
			rotated: []string{token.EnvRefreshKey}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := testEnv
			for _, line := range tt.drop {
				env = strings.Replace(env, line, "", 1)
			}

			dir := testProject(t, "true", env)
			path := filepath.Join(dir, ".env")

			code, out, errOut := run{wd: dir}.exec(t,
				append([]string{"keys", "rotate"}, tt.args...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}

			for _, k := range tt.added {
				if !strings.Contains(out, k+" was missing; a new one was added to "+path) {
					t.Errorf("stdout %q does not report %s as added", out, k)
				}
			}

			for _, k := range tt.rotated {
				if !strings.Contains(out, "new "+k+" written to "+path) {
					t.Errorf("stdout %q does not report %s as rotated", out, k)
				}
			}

			code, _, errOut = run{wd: dir}.exec(t, "token", "create", "-u", "alice")
			if code != 0 {
				t.Errorf("token create after rotating: exit %d, stderr %q", code, errOut)
			}
		})
	}
}

func TestKeysRotateRefusesAReadOnlyEnv(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	path := filepath.Join(dir, ".env")
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}

	// Windows keeps only a read-only flag, shown as 0444.
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}

	code, out, errOut := run{wd: dir}.exec(t, "keys", "rotate")
	want := fmt.Sprintf("zentra: rotate keys: %s: the file is read-only (mode %04o)\n"+
		"It was left as it was; make it writable first (chmod u+w) to rotate keys.\n",
		path, st.Mode().Perm())
	if code != ExitFailed || out != "" || errOut != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, want)
	}

	sameOtherLines(t, path, nil)

	if after, err := os.Stat(path); err != nil || after.Mode() != st.Mode() {
		t.Errorf("mode changed (%v)", err)
	}
}

func TestKeysRotateTightensPermissions(t *testing.T) {
	tests := []struct {
		mode, want os.FileMode
		note       string
	}{
		{mode: 0o644, want: 0o600, note: "was readable by group or others (mode 0644); " +
			"it is now 0600\n"},
		{mode: 0o660, want: 0o600, note: "(mode 0660); it is now 0600\n"},
		{mode: 0o600, want: 0o600},
		{mode: 0o700, want: 0o700},
	}

	for _, tt := range tests {
		t.Run(tt.mode.String(), func(t *testing.T) {
			if runtime.GOOS == "windows" {
				// No group or other bits there: the file keeps its mode, without a note.
				tt.want, tt.note = 0o666, ""
			}

			dir := testProject(t, "true", testEnv)
			path := filepath.Join(dir, ".env")
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}

			code, out, errOut := run{wd: dir}.exec(t, "keys", "rotate")
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}

			if strings.Contains(out, "note: ") != (tt.note != "") ||
				!strings.Contains(out, tt.note) {
				t.Errorf("stdout = %q, want note %q", out, tt.note)
			}

			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}

			if st.Mode().Perm() != tt.want {
				t.Errorf("mode after rotating: %v, want %v", st.Mode().Perm(), tt.want)
			}
		})
	}
}
