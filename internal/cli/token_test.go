package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/internal/token"
)

var tokenNow = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// Keys as a project holds them: 86 url-safe characters.
const (
	testAccessKey = "rcYpPlC1kc7WZRHvIzH6VMIBhHKKSq3MOKcfXgTeiRG" +
		"OJpu_VHmh9A15ckW_gsft0PFuYiwbS8a5aAeHpo4zFw"
	testRefreshKey = "UkZxVFt4mIVG2rjC1n-wtWMCnK-_Nvc69l6nEiPqEqA" +
		"MYwepk6QbwrBn-udup26IofMr0YHjx1pR0QZ1X7SfnQ"
)

const testEnv = `# Settings of demo.
PROJECT_NAME=demo
ENVIRONMENT=local
DB__URL=sqlite:///./dev.db
AUTH__SECRET_ACCESS_KEY=` + testAccessKey + `
AUTH__SECRET_REFRESH_KEY="` + testRefreshKey + `"
AUTH__ALGORITHM=HS256   # HS256 | HS384 | HS512

AUTH__ACCESS_TOKEN_EXPIRE_MINS=15
AUTH__REFRESH_TOKEN_EXPIRE_MINS=10080
`

// testProject writes a generated project's pyproject.toml and .env into a new folder.
func testProject(t *testing.T, auth, env string) string {
	t.Helper()

	dir := t.TempDir()
	py := "[project]\nname = \"demo\"\n\n[tool.zentra]\nversion = \"0.1.0\"\nauth = " + auth + "\n"
	if err := os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte(py), 0o644); err != nil {
		t.Fatal(err)
	}

	if env != "" {
		path := filepath.Join(dir, ".env")
		if err := os.WriteFile(path, []byte(env), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	return dir
}

// run is one zentra invocation with a fixed clock, working folder and environment.
type run struct {
	wd    string
	now   time.Time
	stdin string
	env   map[string]string
}

func (r run) exec(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()

	var out, errb bytes.Buffer
	now := r.now
	if now.IsZero() {
		now = tokenNow
	}

	sys := &System{
		In:       strings.NewReader(r.stdin),
		Out:      &out,
		Err:      &errb,
		Getenv:   func(k string) string { return r.env[k] },
		Getwd:    func() (string, error) { return r.wd, nil },
		LookPath: func(string) (string, error) { return "", os.ErrNotExist },
		Now:      func() time.Time { return now },
		Secrets:  secret.Seeded{Seed: "test " + t.Name()},
	}

	code = Run(context.Background(), sys, args)

	return code, out.String(), errb.String()
}

func TestTokenCreatePrintsOnlyTheToken(t *testing.T) {
	dir := testProject(t, "true", testEnv)

	code, out, errOut := run{wd: dir}.exec(t, "token", "create", "--user", " Alice ")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}

	if strings.Count(out, "\n") != 1 || strings.Count(out, ".") != 2 {
		t.Fatalf("stdout = %q, want one token line", out)
	}

	s := projectSettings(t, dir)

	c, err := s.Verify(out, token.Access, tokenNow)
	if err != nil {
		t.Fatal(err)
	}

	want := token.Claims{Sub: "alice", Iat: tokenNow.Unix(), Exp: tokenNow.Unix() + 900,
		Type: token.Access}
	if c != want {
		t.Errorf("claims = %+v, want %+v", c, want)
	}
}

func projectSettings(t *testing.T, dir string) token.Settings {
	t.Helper()

	p, err := openAuthProject(&System{Getwd: func() (string, error) { return dir, nil }}, "")
	if err != nil {
		t.Fatal(err)
	}

	s, err := token.FromEnv(p.Env)
	if err != nil {
		t.Fatal(err)
	}

	return s
}

func TestTokenCreateJSON(t *testing.T) {
	dir := testProject(t, "true", testEnv)

	code, out, _ := run{wd: dir}.exec(t, "token", "create", "-u", "bob", "--refresh",
		"--ttl", "1h", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}

	var got struct {
		Token  string         `json:"token"`
		Claims map[string]any `json:"claims"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}

	want := map[string]any{"sub": "bob", "type": "refresh",
		"iat": float64(tokenNow.Unix()), "exp": float64(tokenNow.Unix() + 3600)}
	if len(got.Claims) != len(want) {
		t.Errorf("claims = %v, want %v", got.Claims, want)
	}

	for k, v := range want {
		if got.Claims[k] != v {
			t.Errorf("claim %s = %v, want %v", k, got.Claims[k], v)
		}
	}

	if _, err := projectSettings(t, dir).Verify(got.Token, token.Refresh, tokenNow); err != nil {
		t.Errorf("the token does not verify: %v", err)
	}
}

func TestTokenFindsTheProjectFromASubfolder(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	sub := filepath.Join(dir, "app", "api")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}

	for _, r := range []struct {
		wd   string
		args []string
	}{
		{wd: sub},
		{wd: filepath.Dir(dir), args: []string{"--dir", filepath.Join(filepath.Base(dir), "app")}},
		{wd: t.TempDir(), args: []string{"--dir", sub}},
	} {
		args := append([]string{"token", "create", "-u", "alice"}, r.args...)

		code, out, errOut := run{wd: r.wd}.exec(t, args...)
		if code != 0 || errOut != "" {
			t.Errorf("from %s with %v: exit %d, stderr %q", r.wd, r.args, code, errOut)
			continue
		}

		if _, err := projectSettings(t, dir).Verify(out, token.Access, tokenNow); err != nil {
			t.Errorf("from %s with %v: %v", r.wd, r.args, err)
		}
	}
}

func TestTokenCreateUsage(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "no user", want: "--user is required"},
		{name: "bad user", args: []string{"-u", "a b"}, want: "invalid user name"},
		{name: "lifetime under a second", args: []string{"-u", "alice", "--ttl", "10ms"},
			want: "shorter than a second"},
		{name: "lifetime not a duration", args: []string{"-u", "alice", "--ttl", "15"},
			want: "invalid argument"},
		{name: "lifetime too long", args: []string{"-u", "alice", "--ttl", "3000000h"},
			want: `invalid argument "3000000h" for "--ttl" flag: out of range: a lifetime is ` +
				"at most 2562047h47m16s either way"},
		{name: "lifetime too far back", args: []string{"-u", "alice", "--ttl=-3000000h"},
			want: "out of range"},
		{name: "lifetime ending before 1970", args: []string{"-u", "alice", "--ttl=-500000h"},
			want: "invalid lifetime: with -500000h0m0s, exp would fall before 1970"},
		{name: "an argument", args: []string{"-u", "alice", "extra"}, want: "unknown command"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run{wd: dir}.exec(t, append([]string{"token", "create"},
				tt.args...)...)
			if code != ExitUsage || out != "" || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 saying %q",
					code, out, errOut, tt.want)
			}
		})
	}
}

func TestTokenCreateWithNegativeLifetime(t *testing.T) {
	dir := testProject(t, "true", testEnv)

	_, tok, _ := run{wd: dir}.exec(t, "token", "create", "-u", "alice", "--ttl=-1h")

	code, _, errOut := run{wd: dir}.exec(t, "token", "verify", strings.TrimSpace(tok))
	if code != 1 || !strings.Contains(errOut, "expired at 2025-03-01T11:00:00Z") {
		t.Errorf("exit %d, stderr %q; want an expired token", code, errOut)
	}
}

func TestTokenWarnsAboutEnvironmentOverrides(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	r := run{wd: dir, env: map[string]string{token.EnvAlgorithm: "HS512"}}

	code, _, errOut := r.exec(t, "token", "create", "-u", "alice")
	want := "warning: AUTH__ALGORITHM is set in the environment"
	if code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want a warning", code, errOut)
	}
}

func TestGroupCommandsNeedASubcommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
		hint string
	}{
		{name: "mistyped keys command", args: []string{"keys", "rotat"},
			want: `zentra: unknown command "rotat" for "zentra keys"; did you mean "rotate"?`,
			hint: "Run 'zentra keys --help' for usage."},
		{name: "mistyped token command with a token", args: []string{"token", "verfy", "a.b.c"},
			want: `zentra: unknown command "verfy" for "zentra token"; did you mean "verify"?`,
			hint: "Run 'zentra token --help' for usage."},
		{name: "unknown token command", args: []string{"token", "bogus"},
			want: `zentra: unknown command "bogus" for "zentra token"` + "\n",
			hint: "Run 'zentra token --help' for usage."},
		{name: "keys alone", args: []string{"keys"},
			want: `zentra: missing command: "zentra keys" needs one of rotate`,
			hint: "Usage:\n  zentra keys [flags]\n  zentra keys [command]"},
		{name: "token alone with a flag", args: []string{"token", "--dir", "."},
			want: `zentra: missing command: "zentra token" needs one of create, verify`,
			hint: "Usage:"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run{wd: t.TempDir()}.exec(t, tt.args...)
			if code != ExitUsage || out != "" {
				t.Errorf("exit %d, stdout %q; want exit 2 and no output", code, out)
			}

			if !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, tt.hint) {
				t.Errorf("stderr = %q, want %q and %q", errOut, tt.want, tt.hint)
			}
		})
	}
}
