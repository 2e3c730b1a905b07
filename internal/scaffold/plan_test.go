package scaffold

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pelletier/go-toml/v2"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts go test ./... -update
	"github.com/zentra-cli/zentra/internal/project"
)

func TestOutputPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"README.md", "README.md"},
		{"pyproject.toml.tmpl", "pyproject.toml"},
		{"dot_env.tmpl", ".env"},
		{"dot_gitignore", ".gitignore"},
		{"dot_github/workflows/ci.yml.tmpl", ".github/workflows/ci.yml"},
		{"migrations/versions/dot_gitkeep", "migrations/versions/.gitkeep"},
		{"app/__init__.py", "app/__init__.py"},
		{"notdot_x", "notdot_x"},
		{"a.tmpl.py", "a.tmpl.py"},
	}
	for _, tt := range tests {
		if got := outputPath(tt.in); got != tt.want {
			t.Errorf("outputPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatchesAny(t *testing.T) {
	patterns := []string{"app/auth/", "app/core/security.py"}
	tests := []struct {
		path string
		want bool
	}{
		{"app/auth/__init__.py", true},
		{"app/auth/deep/x.py", true},
		{"app/core/security.py", true},
		{"app/authx/__init__.py", false},
		{"app/auth", false},
		{"app/core/security.pyc", false},
		{"app/core/config.py", false},
	}
	for _, tt := range tests {
		if got := matchesAny(tt.path, patterns); got != tt.want {
			t.Errorf("matchesAny(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestModeFor(t *testing.T) {
	tests := []struct {
		path, data string
		want       fs.FileMode
	}{
		{".env", "A=1\n", 0o600},
		{"deploy/.env", "A=1\n", 0o600},
		{".env.example", "A=\n", 0o644},
		{"scripts/run.sh", "#!/bin/sh\n", 0o755},
		{"app/main.py", "import x\n", 0o644},
		{"empty.py", "", 0o644},
	}
	for _, tt := range tests {
		if got := modeFor(tt.path, []byte(tt.data)); got != tt.want {
			t.Errorf("modeFor(%q) = %04o, want %04o", tt.path, got, tt.want)
		}
	}
}

// testSource is a small template tree with one auth-only folder and one auth-only file.
func testSource() Source {
	return Source{
		Root: "p",
		FS: fstest.MapFS{
			"p/README.md.tmpl":       {Data: []byte("# {{ .Name }}\r\n{{ if .Auth }}auth\r\n{{ end }}")},
			"p/dot_env.tmpl":         {Data: []byte("KEY={{ .AccessKey }}\n")},
			"p/static.txt":           {Data: []byte("{{ kept as is }}\r\n")},
			"p/app/auth/__init__.py": {Data: []byte("")},
			"p/app/sec.py":           {Data: []byte("x = 1\n")},
			"p/app/main.py.tmpl":     {Data: []byte("NAME = {{ pystr .Name }}\n")},
			"p/bin/run.tmpl":         {Data: []byte("#!/bin/sh\necho {{ .Version }}\n")},
		},
		AuthOnly: []string{"app/auth/", "app/sec.py"},
	}
}

func testData(auth bool) Data {
	a := project.Defaults("my-api")
	a.Auth = auth

	return Data{Answers: a, AccessKey: "ACCESS", RefreshKey: "REFRESH", Version: "1.2.3"}
}

func TestPlan(t *testing.T) {
	files, err := Plan(testSource(), testData(true))
	if err != nil {
		t.Fatal(err)
	}

	want := []struct {
		path string
		mode fs.FileMode
		data string
	}{
		{".env", 0o600, "KEY=ACCESS\n"},
		{"README.md", 0o644, "# my-api\nauth\n"},
		{"app/auth/__init__.py", 0o644, ""},
		{"app/main.py", 0o644, "NAME = \"my-api\"\n"},
		{"app/sec.py", 0o644, "x = 1\n"},
		{"bin/run", 0o755, "#!/bin/sh\necho 1.2.3\n"},
		{"static.txt", 0o644, "{{ kept as is }}\r\n"},
	}
	if len(files) != len(want) {
		t.Fatalf("Plan gave %d files (%v), want %d", len(files), files, len(want))
	}

	for i, w := range want {
		f := files[i]
		if f.Path != w.path || f.Mode != w.mode || string(f.Data) != w.data {
			t.Errorf("file %d = %s %04o %q, want %s %04o %q",
				i, f.Path, f.Mode, f.Data, w.path, w.mode, w.data)
		}
	}
}

func TestPlanWithoutAuthDropsAuthFiles(t *testing.T) {
	files, err := Plan(testSource(), testData(false))
	if err != nil {
		t.Fatal(err)
	}

	var got []string
	for _, f := range files {
		got = append(got, f.Path)
		if f.Path == "README.md" && strings.Contains(string(f.Data), "auth") {
			t.Errorf("README.md keeps its auth line: %q", f.Data)
		}
	}

	if strings.Join(got, " ") != ".env README.md app/main.py bin/run static.txt" {
		t.Errorf("Plan without auth gave %v", got)
	}
}

func TestPlanTemplateErrors(t *testing.T) {
	tests := []struct {
		name, tmpl, why string
	}{
		{"unknown field", "{{ .Nope }}", "render template x.tmpl"},
		{"unknown function", "{{ nope }}", "parse template x.tmpl"},
		{"unclosed action", "{{ .Name ", "parse template x.tmpl"},
		{"non-hermetic function", "{{ now }}", "parse template x.tmpl"},
		{"environment function", `{{ env "HOME" }}`, "parse template x.tmpl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := Source{Root: "p", FS: fstest.MapFS{"p/x.tmpl": {Data: []byte(tt.tmpl)}}}

			_, err := Plan(src, testData(true))
			if err == nil || !strings.Contains(err.Error(), tt.why) {
				t.Fatalf("Plan = %v, want an error saying %q", err, tt.why)
			}
		})
	}
}

func TestFuncsAreHermetic(t *testing.T) {
	m := Funcs()
	for _, name := range []string{"now", "date", "env", "expandenv", "randAlphaNum", "uuidv4"} {
		if _, ok := m[name]; ok {
			t.Errorf("Funcs() offers %q, which depends on the clock, randomness or environment", name)
		}
	}

	for _, name := range []string{"toml", "pystr", "upper", "replace"} {
		if _, ok := m[name]; !ok {
			t.Errorf("Funcs() lacks %q", name)
		}
	}
}

// TestQuoteReadsBackInTOML proves that any free text a user gives comes out of a TOML
// basic string unchanged.
func TestQuoteReadsBackInTOML(t *testing.T) {
	inputs := []string{
		"", "plain", `say "hi"`, `C:\path\`, "tab\there", "new\nline", "del\x7f",
		"{{ .AccessKey }}", `"""`, "café ☕", "c1\u0085", "'single'", "#not a comment",
	}
	for _, in := range inputs {
		doc := "v = " + quote(in) + "\n"

		var out struct{ V string }
		if err := toml.Unmarshal([]byte(doc), &out); err != nil {
			t.Errorf("quote(%q) = %s, not valid TOML: %v", in, doc, err)
			continue
		}

		if out.V != in {
			t.Errorf("quote(%q) reads back as %q", in, out.V)
		}
	}
}
