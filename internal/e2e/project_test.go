//go:build unix

package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// generate runs "zentra init" non-interactively and returns the project folder.
func generate(t *testing.T, extra ...string) string {
	t.Helper()

	dir := filepath.Join(t.TempDir(), "demo")
	args := append([]string{"init", dir, "--yes", "--no-git", "--quiet"}, extra...)
	run(t, "", zentraBin, args...)

	return dir
}

// checkProject installs the project as its README says and runs its own linters,
// tests and migrations.
func checkProject(t *testing.T, dir string) {
	t.Helper()

	run(t, dir, "uv", "sync")
	run(t, dir, "uv", "run", "ruff", "check", ".")
	run(t, dir, "uv", "run", "ruff", "format", "--check", ".")
	run(t, dir, "uv", "run", "pytest", "-q", "-p", "no:cacheprovider")

	if _, err := os.Stat(filepath.Join(dir, "dev.db")); err == nil {
		t.Fatal("dev.db exists before the first migration: the tests wrote to it")
	}

	run(t, dir, "uv", "run", "alembic", "upgrade", "head")
}

// tables lists the tables of a SQLite file, asking Python's sqlite3.
func tables(t *testing.T, db string) []string {
	t.Helper()

	out := run(t, "", "python3", "-c",
		"import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "+
			"print(' '.join(sorted(r[0] for r in c.execute("+
			"\"select name from sqlite_master where type='table'\"))))", db)

	return strings.Fields(out)
}

func TestDefaultProject(t *testing.T) {
	requireTools(t)

	dir := generate(t)
	checkProject(t, dir)

	got := strings.Join(tables(t, filepath.Join(dir, "dev.db")), " ")
	for _, want := range []string{"alembic_version", "user_details", "users"} {
		if !strings.Contains(got, want) {
			t.Errorf("after alembic upgrade head, tables are %q; %q is missing", got, want)
		}
	}

	srv := startServer(t, dir)
	walkAuth(t, srv)
	walkErrors(t, srv)
	walkTokenCommands(t, srv, dir)
}

func TestNoAuthProject(t *testing.T) {
	requireTools(t)

	dir := generate(t, "--no-auth")
	checkProject(t, dir)

	srv := startServer(t, dir)
	srv.do(t, request{Method: "GET", Path: "/api/health"}).expect(t, "health", 200)
	srv.do(t, request{Method: "POST", Path: "/api/auth/token", Form: url.Values{
		"username": {"alice"}, "password": {"correct-horse-1"},
	}}).expectError(t, "token route without auth", 404, "404_NOT_FOUND", "Not found.")
	walkErrors(t, srv)
}

// walkErrors checks the envelope of routing and validation errors.
func walkErrors(t *testing.T, srv *server) {
	t.Helper()

	srv.do(t, request{Method: "GET", Path: "/api/no-such-route"}).
		expectError(t, "unknown route", 404, "404_NOT_FOUND", "Not found.")

	r := srv.do(t, request{Method: "DELETE", Path: "/api/health"})
	r.expectError(t, "wrong method", 405, "405_METHOD_NOT_ALLOWED", "Method not allowed.")
	if r.Header.Get("Allow") == "" {
		t.Errorf("405 without an Allow header: %v", r.Header)
	}
}
