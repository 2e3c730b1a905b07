package cli

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/zentra-cli/zentra/internal/token"
)

func TestTokenVerify(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	s := projectSettings(t, dir)

	access, _, err := s.Create("alice", token.Access, 0, tokenNow)
	if err != nil {
		t.Fatal(err)
	}

	refresh, _, err := s.Create("alice", token.Refresh, 0, tokenNow)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		r    run
		args []string
		code int
		out  string
		err  string
		// leeway is true when the token is valid only thanks to the leeway.
		leeway bool
	}{
		{name: "valid access token", args: []string{access}, out: "valid access token (HS256)\n" +
			"  sub   alice\n  type  access\n" +
			"  iat   1740830400  2025-03-01T12:00:00Z\n" +
			"  exp   1740831300  2025-03-01T12:15:00Z, expires in 10m0s\n",
			r: run{now: tokenNow.Add(5 * time.Minute)}},
		{name: "valid refresh token from stdin", args: []string{"--refresh", "-"},
			r: run{stdin: refresh + "\n"}, out: "valid refresh token (HS256)\n"},
		{name: "json", args: []string{access, "--json"},
			out: `"valid": true,` + "\n" + `  "algorithm": "HS256",`},
		{name: "json without leeway", args: []string{access, "--json"},
			out: `"within_leeway": []`},
		{name: "expired within the leeway", args: []string{access},
			r: run{now: tokenNow.Add(15*time.Minute + 20*time.Second)},
			out: "  exp   1740831300  2025-03-01T12:15:00Z, expired 20s ago\n" +
				"note: valid only thanks to the 30s leeway for clock differences " +
				"(expired 20s ago); the project's own check allows none\n", leeway: true},
		{name: "issued within the leeway", args: []string{access},
			r:      run{now: tokenNow.Add(-10 * time.Second)},
			out:    "(issued 10s in the future); the project's own check allows none\n",
			leeway: true},
		{name: "json within the leeway", args: []string{access, "--json"},
			r:   run{now: tokenNow.Add(15 * time.Minute)},
			out: `"within_leeway": [` + "\n" + `    "expired 0s ago"` + "\n  ]"},
		{name: "expired", args: []string{access}, code: 1,
			r:   run{now: tokenNow.Add(16 * time.Minute)},
			err: "zentra: invalid token: expired at 2025-03-01T12:15:00Z\n"},
		{name: "refresh token as access token", args: []string{refresh}, code: 1,
			err: "zentra: invalid token: bad signature: signed with the refresh key, not the " +
				"access key (is it a refresh token?)\n"},
		{name: "access token as refresh token", args: []string{"--refresh", access}, code: 1,
			err: "zentra: invalid token: bad signature: signed with the access key"},
		{name: "garbage", args: []string{"not-a-token"}, code: 1,
			err: "zentra: invalid token: malformed token"},
		{name: "empty stdin", args: []string{"-"}, code: 2, err: "the token is empty"},
		{name: "no token", args: nil, code: 2, err: "accepts 1 arg"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.wd = dir
			code, out, errOut := tt.r.exec(t, append([]string{"token", "verify"}, tt.args...)...)

			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}

			if !strings.Contains(out, tt.out) || (tt.code != 0 && out != "") {
				t.Errorf("stdout = %q, want %q", out, tt.out)
			}

			if !strings.Contains(errOut, tt.err) || (tt.code == 0 && errOut != "") {
				t.Errorf("stderr = %q, want %q", errOut, tt.err)
			}

			note := strings.Contains(out, "\nnote: valid only thanks to the 30s leeway")
			if tt.code == 0 && !slices.Contains(tt.args, "--json") && note != tt.leeway {
				t.Errorf("stdout %q: leeway note %v, want %v", out, note, tt.leeway)
			}

			if tt.code == 1 && strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q is not one line", errOut)
			}
		})
	}
}

func TestTokenVerifyStdinStopsOnInterrupt(t *testing.T) {
	dir := testProject(t, "true", testEnv)

	// Nothing is ever written to stdin: only the interrupt can end the read.
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() })

	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	sys := &System{
		In: pr, Out: &out, Err: &errb,
		Getenv: func(string) string { return "" },
		Getwd:  func() (string, error) { return dir, nil },
		Now:    func() time.Time { return tokenNow },
	}

	done := make(chan int, 1)
	go func() { done <- Run(ctx, sys, []string{"token", "verify", "-"}) }()

	time.Sleep(20 * time.Millisecond)
	cancel()

	select {
	case code := <-done:
		if code != ExitInterrupted || out.Len() != 0 {
			t.Errorf("exit %d, stdout %q; want exit 130 and no output", code, out.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("verify still reads stdin after the interrupt")
	}
}

func TestTokenVerifyStdinSize(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	tests := []struct {
		name  string
		stdin string
		code  int
		err   string
	}{
		{name: "just over 64 KiB", stdin: strings.Repeat("a", 64<<10+1), code: ExitUsage,
			err: "zentra: stdin holds more than 64 KiB, too much for a token\n"},
		{name: "exactly 64 KiB", stdin: strings.Repeat("a", 64<<10), code: ExitFailed,
			err: "zentra: invalid token: malformed token"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run{wd: dir, stdin: tt.stdin}.exec(t, "token", "verify", "-")
			if code != tt.code || out != "" || !strings.HasPrefix(errOut, tt.err) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d saying %q",
					code, out, errOut, tt.code, tt.err)
			}
		})
	}
}

func TestTokenVerifyEscapesAnOddSub(t *testing.T) {
	dir := testProject(t, "true", testEnv)
	s := projectSettings(t, dir)

	for _, sub := range []string{"\x1b[2Jalice", "al\nice", "bob\u202e", `"x"`} {
		raw, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
			"sub": sub, "iat": tokenNow.Unix(), "exp": tokenNow.Unix() + 60, "type": "access",
		}).SignedString(s.AccessKey)
		if err != nil {
			t.Fatal(err)
		}

		code, out, errOut := run{wd: dir}.exec(t, "token", "verify", raw)
		want := "\n  sub   " + strconv.Quote(sub) + "\n"
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("sub %q: exit %d, stdout %q, stderr %q; want %q", sub, code, out, errOut,
				want)
		}
	}
}
