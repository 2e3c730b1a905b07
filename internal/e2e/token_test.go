//go:build unix

package e2e

import (
	"strings"
	"testing"
)

// walkTokenCommands checks that "zentra token" and "zentra keys" agree with the running
// app, then rotates the keys, restarts the app and checks that old tokens stop working.
func walkTokenCommands(t *testing.T, srv *server, dir string) {
	t.Helper()

	access := strings.TrimSpace(run(t, dir, zentraBin, "token", "create", "--user", user))
	srv.do(t, request{Method: "GET", Path: "/api/auth/users/me", Bearer: access}).
		expect(t, "users/me with a token from zentra token create", 200)

	appToken := login(t, srv).str(t, "access_token")
	run(t, dir, zentraBin, "token", "verify", appToken)

	if out, err := runErr(dir, zentraBin, "token", "verify", "--refresh", appToken); err == nil {
		t.Errorf("zentra token verify --refresh accepted an access token: %s", out)
	}

	refresh := strings.TrimSpace(run(t, dir, zentraBin,
		"token", "create", "--user", user, "--refresh"))
	srv.do(t, request{Method: "GET", Path: "/api/auth/users/me", Bearer: refresh}).
		expectError(t, "users/me with a CLI refresh token", 401, "401_UNAUTHORIZED",
			"Not authenticated.")
	srv.do(t, request{Method: "POST", Path: "/api/auth/token/refresh",
		JSON: `{"refresh_token": "` + refresh + `"}`}).
		expect(t, "refresh with a CLI refresh token", 200)

	run(t, dir, zentraBin, "keys", "rotate")
	srv.stop()

	restarted := startServer(t, dir)
	for _, tok := range []string{access, appToken} {
		restarted.do(t, request{Method: "GET", Path: "/api/auth/users/me", Bearer: tok}).
			expectError(t, "users/me with a token signed before the rotation", 401,
				"401_UNAUTHORIZED", "Not authenticated.")
	}

	restarted.do(t, request{Method: "POST", Path: "/api/auth/token/refresh",
		JSON: `{"refresh_token": "` + refresh + `"}`}).
		expectError(t, "refresh with a token signed before the rotation", 401,
			"401_UNAUTHORIZED", "Invalid refresh token.")

	fresh := login(t, restarted).str(t, "access_token")
	restarted.do(t, request{Method: "GET", Path: "/api/auth/users/me", Bearer: fresh}).
		expect(t, "users/me after the rotation", 200)
}
