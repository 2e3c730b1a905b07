package scaffold_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/joho/godotenv"
	"github.com/pelletier/go-toml/v2"

	"github.com/zentra-cli/zentra/internal/golden"
	"github.com/zentra-cli/zentra/internal/scaffold"
	"github.com/zentra-cli/zentra/templates"
)

// authWords are the identifiers whose presence in a --no-auth project shows that a piece
// of the auth feature was left behind. They are matched without regard to case.
var authWords = []string{
	"auth", "jwt", "token", "password", "argon2", "pwdlib", "security", "dbuser", "auth__",
}

// notTraces are phrases that hold an auth word without being part of the feature: the
// RFC 9110 reason phrases of 407 and 511 in the envelope's status table.
var notTraces = []string{"proxy authentication required", "network authentication required"}

// authTraces lists where the file at path mentions an auth word, as "line N: word".
// Not traces: "auth" followed by "or" (pyproject.toml's authors), the phrases of
// notTraces, and the line "auth = false" with which pyproject.toml records, for zentra's
// own commands, that the project has no auth.
func authTraces(path, text string) []string {
	var hits []string

	for n, line := range strings.Split(strings.ToLower(text), "\n") {
		if path == "pyproject.toml" && strings.TrimSpace(line) == "auth = false" {
			continue
		}

		for _, phrase := range notTraces {
			line = strings.ReplaceAll(line, phrase, "")
		}

		for _, w := range authWords {
			for rest := line; ; {
				i := strings.Index(rest, w)
				if i < 0 {
					break
				}

				rest = rest[i+len(w):]
				if w == "auth" && strings.HasPrefix(rest, "or") {
					continue
				}

				hits = append(hits, fmt.Sprintf("line %d: %s", n+1, w))
			}
		}
	}

	return hits
}

func TestAuthTracesFindsWords(t *testing.T) {
	tests := []struct {
		path, text string
		want       int
	}{
		{"pyproject.toml", "authors = []\nAuthor: Jane", 0},
		{"pyproject.toml", "[tool.zentra]\nauth = false\n", 0},
		{"pyproject.toml", "auth = true\n", 1},
		{"app/config.py", "auth = false\n", 1},
		{"app/core/responses.py", `407: "Proxy Authentication Required",`, 0},
		{"app/main.py", "from app.core.security import x", 1},
		{".env", "AUTH__ALGORITHM=HS256", 2},
		{"app/models.py", "class DBUser(Base):", 1},
		{"app/main.py", "OAuth2PasswordBearer(tokenUrl=...)", 3},
		{"app/main.py", `headers={"WWW-Authenticate": "Bearer"}`, 1},
	}
	for _, tt := range tests {
		if got := authTraces(tt.path, tt.text); len(got) != tt.want {
			t.Errorf("authTraces(%q, %q) = %v, want %d hits", tt.path, tt.text, got, tt.want)
		}
	}
}

// TestNoAuthLeavesNoTrace proves that --no-auth strips the feature: no auth-only file,
// and no file that names or configures a piece of it, both in what Plan renders now and
// in the golden archive that reviewers read.
func TestNoAuthLeavesNoTrace(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(goldenDir, "no-auth.txtar"))
	if err != nil {
		t.Fatal(err)
	}

	archived, err := golden.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}

	sources := map[string][]golden.File{"plan": toGolden(plan(t, false)), "golden": archived}
	for name, files := range sources {
		t.Run(name, func(t *testing.T) {
			for _, f := range files {
				checkNoAuth(t, f)
			}
		})
	}
}

func checkNoAuth(t *testing.T, f golden.File) {
	t.Helper()

	for _, entry := range templates.AuthOnly {
		if f.Path == entry || (strings.HasSuffix(entry, "/") && strings.HasPrefix(f.Path, entry)) {
			t.Errorf("auth-only file %s is in a --no-auth project", f.Path)
		}
	}

	if hits := authTraces("", f.Path); len(hits) > 0 {
		t.Errorf("path %s names auth", f.Path)
	}

	if hits := authTraces(f.Path, string(f.Data)); len(hits) > 0 {
		t.Errorf("%s mentions auth: %s", f.Path, strings.Join(hits, ", "))
	}
}

func find(files []scaffold.File, p string) (scaffold.File, bool) {
	for _, f := range files {
		if f.Path == p {
			return f, true
		}
	}

	return scaffold.File{}, false
}

// TestKeysLiveOnlyInDotEnv checks the secrets of the default project: both keys in .env,
// which only its owner may read, and nowhere else, not even in .env.example.
func TestKeysLiveOnlyInDotEnv(t *testing.T) {
	d := goldenData(t, true)
	files := plan(t, true)

	env, ok := find(files, ".env")
	if !ok {
		t.Fatal("the default project has no .env")
	}

	if env.Mode != 0o600 {
		t.Errorf(".env has mode %04o, want 0600", env.Mode)
	}

	vars, err := godotenv.Parse(bytes.NewReader(env.Data))
	if err != nil {
		t.Fatalf("parse .env: %v", err)
	}

	if vars[accessLabel] != d.AccessKey || vars[refreshLabel] != d.RefreshKey {
		t.Errorf(".env holds %s=%q and %s=%q, want the drawn keys",
			accessLabel, vars[accessLabel], refreshLabel, vars[refreshLabel])
	}

	for _, f := range files {
		if f.Path == ".env" {
			continue
		}

		if bytes.Contains(f.Data, []byte(d.AccessKey)) || bytes.Contains(f.Data, []byte(d.RefreshKey)) {
			t.Errorf("%s holds a secret key", f.Path)
		}
	}
}

// TestEnvExampleMatchesEnv checks that .env.example has the keys of .env, secrets empty.
func TestEnvExampleMatchesEnv(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			files := plan(t, v.auth)
			env, ok1 := find(files, ".env")
			example, ok2 := find(files, ".env.example")
			if !ok1 || !ok2 {
				t.Fatalf("the project lacks .env (%v) or .env.example (%v)", ok1, ok2)
			}

			have, err1 := godotenv.Parse(bytes.NewReader(env.Data))
			want, err2 := godotenv.Parse(bytes.NewReader(example.Data))
			if err1 != nil || err2 != nil {
				t.Fatalf("parse: %v, %v", err1, err2)
			}

			for k := range have {
				if _, ok := want[k]; !ok {
					t.Errorf(".env.example lacks %s", k)
				}
			}

			for k, val := range want {
				if _, ok := have[k]; !ok {
					t.Errorf(".env lacks %s, which .env.example has", k)
				}

				if strings.Contains(k, "SECRET") && val != "" {
					t.Errorf(".env.example gives %s a value", k)
				}
			}
		})
	}
}

// TestPyprojectKeepsFreeText renders answers full of quotes and template text and reads
// pyproject.toml back: the name and description come out as given.
func TestPyprojectKeepsFreeText(t *testing.T) {
	d := goldenData(t, true)
	d.Description = `An "orders" API \ {{ .AccessKey }} }} # café`

	files, err := scaffold.Plan(templates.Source(), d)
	if err != nil {
		t.Fatal(err)
	}

	f, ok := find(files, "pyproject.toml")
	if !ok {
		t.Fatal("no pyproject.toml")
	}

	var doc struct {
		Project struct {
			Name        string `toml:"name"`
			Description string `toml:"description"`
		} `toml:"project"`
	}
	if err := toml.Unmarshal(f.Data, &doc); err != nil {
		t.Fatalf("pyproject.toml is not valid TOML: %v\n%s", err, f.Data)
	}

	if doc.Project.Name != d.Name || doc.Project.Description != d.Description {
		t.Errorf("pyproject.toml has name %q, description %q; want %q, %q",
			doc.Project.Name, doc.Project.Description, d.Name, d.Description)
	}
}
