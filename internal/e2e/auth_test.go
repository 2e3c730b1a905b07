//go:build unix

package e2e

import (
	"net/url"
	"strings"
	"testing"
)

const (
	user     = "Alice"
	password = "correct-horse-1"
)

// walkAuth registers a user and walks every auth route over HTTP.
func walkAuth(t *testing.T, srv *server) {
	t.Helper()

	reg := srv.do(t, request{Method: "POST", Path: "/api/auth/register",
		JSON: `{"username": "` + user + `", "password": "` + password + `"}`})
	reg.expect(t, "register", 201)
	if got := reg.data(t)["username"]; got != "alice" {
		t.Errorf("register: username %v, want the normalised \"alice\"", got)
	}

	srv.do(t, request{Method: "POST", Path: "/api/auth/register",
		JSON: `{"username": "ALICE", "password": "` + password + `"}`}).
		expectError(t, "register twice", 400, "400_BAD_REQUEST", "User already registered.")

	wrong := srv.do(t, request{Method: "POST", Path: "/api/auth/token",
		Form: url.Values{"username": {user}, "password": {"wrong-password"}}})
	wrong.expectError(t, "wrong password", 401, "401_UNAUTHORIZED",
		"Incorrect username or password.")
	expectBearerChallenge(t, "wrong password", wrong)

	tok := login(t, srv)
	access, refresh := tok.str(t, "access_token"), tok.str(t, "refresh_token")

	me := srv.do(t, request{Method: "GET", Path: "/api/auth/users/me", Bearer: access})
	me.expect(t, "users/me", 200)
	if got := me.data(t)["username"]; got != "alice" {
		t.Errorf("users/me: username %v, want alice", got)
	}

	v := srv.do(t, request{Method: "POST", Path: "/api/auth/token/verify/" + access})
	v.expect(t, "verify", 200)
	if v.Body["message"] != "Token is valid." {
		t.Errorf("verify: message %v", v.Body["message"])
	}

	if !srv.logged(t, "/api/auth/token/verify/") {
		t.Errorf("the verify request is missing from the access log:\n%s", srv.output())
	}

	if srv.logged(t, access) {
		t.Error("the access log shows the token from the verify path")
	}

	ref := srv.do(t, request{Method: "POST", Path: "/api/auth/token/refresh",
		JSON: `{"refresh_token": "` + refresh + `"}`})
	ref.expect(t, "refresh", 200)
	if ref.str(t, "refresh_token") != refresh {
		t.Error("refresh: the refresh token changed")
	}
	expectNoStore(t, "refresh", ref)

	srv.do(t, request{Method: "GET", Path: "/api/auth/users/me",
		Bearer: ref.str(t, "access_token")}).expect(t, "users/me with refreshed token", 200)

	srv.do(t, request{Method: "GET", Path: "/api/auth/users/me", Bearer: refresh}).
		expectError(t, "users/me with a refresh token", 401, "401_UNAUTHORIZED",
			"Not authenticated.")

	garbage := srv.do(t, request{Method: "GET", Path: "/api/auth/users/me", Bearer: "garbage"})
	garbage.expectError(t, "garbage bearer", 401, "401_UNAUTHORIZED", "Not authenticated.")
	expectBearerChallenge(t, "garbage bearer", garbage)

	bad := srv.do(t, request{Method: "POST", Path: "/api/auth/register",
		JSON: `{"username": "bob", "password": `})
	bad.expectError(t, "bad JSON body", 422, "422_UNPROCESSABLE_CONTENT", "")

	long := strings.Repeat("p", 200)
	tooLong := srv.do(t, request{Method: "POST", Path: "/api/auth/register",
		JSON: `{"username": "bob", "password": "` + long + `"}`})
	tooLong.expectError(t, "200-character password", 422, "422_UNPROCESSABLE_CONTENT", "")
	if strings.Contains(tooLong.Raw, long) {
		t.Error("the 422 envelope echoes the password")
	}
}

// login asks /api/auth/token for a token pair with the OAuth2 password form.
func login(t *testing.T, srv *server) reply {
	t.Helper()

	tok := srv.do(t, request{Method: "POST", Path: "/api/auth/token",
		Form: url.Values{"username": {user}, "password": {password}}})
	tok.expect(t, "token", 200)
	if tok.Body["token_type"] != "bearer" {
		t.Errorf("token: token_type %v, want bearer", tok.Body["token_type"])
	}

	expectNoStore(t, "token", tok)

	return tok
}

func expectBearerChallenge(t *testing.T, what string, r reply) {
	t.Helper()

	if got := r.Header.Get("WWW-Authenticate"); got != "Bearer" {
		t.Errorf("%s: WWW-Authenticate header %q, want Bearer", what, got)
	}
}

func expectNoStore(t *testing.T, what string, r reply) {
	t.Helper()

	if got := r.Header.Get("Cache-Control"); !strings.Contains(got, "no-store") {
		t.Errorf("%s: Cache-Control %q, want no-store", what, got)
	}
}
