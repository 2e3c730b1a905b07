package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zentra-cli/zentra/internal/prompt"
	"github.com/zentra-cli/zentra/internal/scaffold"
	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/templates"
)

// scriptedPrompter stands in for the huh form: it records what it was asked and answers
// with answer, or fails with err.
type scriptedPrompter struct {
	calls  int
	ask    prompt.Ask
	seen   prompt.Choices
	answer func(*prompt.Choices)
	err    error
}

func (p *scriptedPrompter) Complete(_ context.Context, c *prompt.Choices, ask prompt.Ask) error {
	p.calls++
	p.ask, p.seen = ask, *c

	if p.err != nil {
		return p.err
	}

	if p.answer != nil {
		p.answer(c)
	}

	return nil
}

// promptRun runs zentra in this process, in a fresh folder, with a terminal or not.
type promptRun struct {
	t        *testing.T
	wd       string
	sys      *System
	out, err bytes.Buffer
}

// newPromptRun builds the run. A nil p asks with the real huh form; git is not found
// unless a test sets LookPath.
func newPromptRun(t *testing.T, tty bool, env map[string]string, in string,
	p prompt.Prompter) *promptRun {
	r := &promptRun{t: t, wd: t.TempDir()}
	r.sys = &System{
		In:        strings.NewReader(in),
		Out:       &r.out,
		Err:       &r.err,
		StdinTTY:  tty,
		StdoutTTY: tty,
		Getenv:    func(k string) string { return env[k] },
		Getwd:     func() (string, error) { return r.wd, nil },
		LookPath:  func(string) (string, error) { return "", exec.ErrNotFound },
		Secrets:   secret.Seeded{Seed: "prompt tests"},
		Prompter:  p,
	}

	return r
}

func (r *promptRun) run(args ...string) int {
	return Run(context.Background(), r.sys, args)
}

// entries lists the working folder, hidden entries included.
func (r *promptRun) entries() []string {
	r.t.Helper()

	des, err := os.ReadDir(r.wd)
	if err != nil {
		r.t.Fatal(err)
	}

	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}

	return names
}

// authFiles lists the files of the auth feature found in the project at dir.
func authFiles(t *testing.T, dir string) []string {
	t.Helper()

	var found []string

	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}

		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}

		for _, only := range templates.AuthOnly {
			if rel == only || strings.HasPrefix(rel, only) && strings.HasSuffix(only, "/") {
				found = append(found, rel)
			}
		}

		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	return found
}

func TestInitAsksOnlyWhenItCan(t *testing.T) {
	const created = "Created demo in "

	tests := []struct {
		name  string
		tty   bool
		env   map[string]string
		args  []string
		calls int
		code  int
		shows string
	}{
		{"no tty with a dir takes the defaults", false, nil, []string{"init", "demo"}, 0, 0,
			created},
		{"no tty without a dir names what to pass", false, nil, []string{"init"}, 0, ExitUsage,
			`zentra init <dir>`},
		{"ci on a tty takes the defaults", true, map[string]string{"CI": "true"},
			[]string{"init", "demo"}, 0, 0, created},
		{"ci on a tty without a dir", true, map[string]string{"CI": "1"}, []string{"init"},
			0, ExitUsage, `zentra init <dir>`},
		{"ci=false on a tty asks", true, map[string]string{"CI": "false"},
			[]string{"init", "demo"}, 1, 0, "zentra init demo --yes"},
		{"ci=0 on a tty asks", true, map[string]string{"CI": "0"},
			[]string{"init", "demo"}, 1, 0, "zentra init demo --yes"},
		{"yes on a tty asks nothing", true, nil, []string{"init", "demo", "--yes"}, 0, 0, created},
		{"tty asks", true, nil, []string{"init", "demo"}, 1, 0, "zentra init demo --yes"},
		{"tty without a dir asks", true, nil, []string{"init"}, 1, 0, "zentra init my-api --yes"},
		{"accessible opt-in asks without a tty", false, map[string]string{AccessibleEnv: "1"},
			[]string{"init", "demo"}, 1, 0, "zentra init demo --yes"},
		{"accessible opt-in under ci asks nothing", false,
			map[string]string{AccessibleEnv: "1", "CI": "true"}, []string{"init", "demo"}, 0, 0,
			created},
		{"dumb terminal alone needs a tty", false, map[string]string{"TERM": "dumb"},
			[]string{"init", "demo"}, 0, 0, created},
		{"a bad flag is refused before any question", true, nil,
			[]string{"init", "--name", "Bad Name"}, 0, ExitUsage, `invalid project name "Bad Name"`},
		{"a missing parent is refused before any question", true, nil,
			[]string{"init", "missing/demo"}, 0, ExitUsage, "does not exist"},
		{"every flag given asks nothing", true, nil, []string{"init", "demo", "--description",
			"D.", "--author", "A", "--no-auth", "--no-git"}, 0, 0, created},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &scriptedPrompter{}
			r := newPromptRun(t, tt.tty, tt.env, "", p)

			code := r.run(tt.args...)
			if code != tt.code || p.calls != tt.calls {
				t.Fatalf("code %d with %d questionings, want %d with %d\n%s",
					code, p.calls, tt.code, tt.calls, r.err.String())
			}

			if !strings.Contains(r.err.String(), tt.shows) {
				t.Errorf("stderr lacks %q:\n%s", tt.shows, r.err.String())
			}

			if p.calls == 0 && strings.Contains(r.err.String(), "without questions") {
				t.Errorf("printed an equivalent command with no question asked:\n%s", r.err.String())
			}

			if r.out.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", r.out.String())
			}
		})
	}
}

func TestInitAsksWhatFlagsLeftOpen(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		ask      prompt.Ask
		proposed string
		checked  bool
	}{
		{"no dir asks the name", []string{"init"},
			prompt.Ask{Name: true, Description: true, Author: true, Auth: true}, "my-api", true},
		{"a dir gives the name", []string{"init", "shop"},
			prompt.Ask{Description: true, Author: true, Auth: true}, "", false},
		{"the name flag gives the name", []string{"init", "--name", "svc"},
			prompt.Ask{Description: true, Author: true, Auth: true}, "svc", false},
		{"a folder that is no name asks for one", []string{"init", "My Shop"},
			prompt.Ask{Name: true, Description: true, Author: true, Auth: true}, "my-shop", false},
		{"flags skip their questions", []string{"init", "shop", "--no-auth", "--author", "A"},
			prompt.Ask{Description: true}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &scriptedPrompter{}
			r := newPromptRun(t, true, nil, "", p)

			if code := r.run(tt.args...); code != 0 {
				t.Fatalf("code %d\n%s", code, r.err.String())
			}

			got := []bool{p.ask.Name, p.ask.Description, p.ask.Author, p.ask.Auth, p.ask.Git}
			want := []bool{tt.ask.Name, tt.ask.Description, tt.ask.Author, tt.ask.Auth, tt.ask.Git}
			if !slices.Equal(got, want) {
				t.Errorf("asked name, description, author, auth, git = %v, want %v", got, want)
			}

			if (p.ask.CheckName != nil) != tt.checked {
				t.Errorf("name checked for a free folder: %v, want %v", !tt.checked, tt.checked)
			}

			if p.seen.Name != tt.proposed {
				t.Errorf("proposed name %q, want %q", p.seen.Name, tt.proposed)
			}
		})
	}
}

func TestInitNameCheckRefusesABusyFolder(t *testing.T) {
	p := &scriptedPrompter{}
	r := newPromptRun(t, true, nil, "", p)

	if err := os.MkdirAll(filepath.Join(r.wd, "busy", "src"), 0o755); err != nil {
		t.Fatal(err)
	}

	if code := r.run("init"); code != 0 {
		t.Fatalf("code %d\n%s", code, r.err.String())
	}

	if err := p.ask.CheckName("busy"); !errors.Is(err, scaffold.ErrConflict) {
		t.Errorf("CheckName(busy) = %v, want a conflict", err)
	}

	if err := p.ask.CheckName("free"); err != nil {
		t.Errorf("CheckName(free) = %v, want nil", err)
	}
}

// TestInitGitQuestion needs git: CI has it, and so must a developer's machine.
func TestInitGitQuestion(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatalf("git is not installed: %v", err)
	}

	config := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(config, []byte("[user]\n\tname = Pat Doe\n\temail = pat@example.com\n"),
		0o644); err != nil {
		t.Fatal(err)
	}

	t.Setenv("GIT_CONFIG_GLOBAL", config)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")

	tests := []struct {
		name     string
		workTree bool
		args     []string
		ask      bool
		author   string
	}{
		{"offered with git", false, []string{"init", "demo"}, true, "Pat Doe <pat@example.com>"},
		{"not offered inside a work tree", true, []string{"init", "demo"}, false,
			"Pat Doe <pat@example.com>"},
		{"not offered when a flag decides", false, []string{"init", "demo", "--no-git"}, false,
			"Pat Doe <pat@example.com>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &scriptedPrompter{}
			r := newPromptRun(t, true, nil, "", p)
			r.sys.LookPath = exec.LookPath

			if tt.workTree {
				if out, err := exec.Command(git, "init", "-q", r.wd).CombinedOutput(); err != nil {
					t.Fatalf("git init: %v\n%s", err, out)
				}
			}

			if code := r.run(tt.args...); code != 0 {
				t.Fatalf("code %d\n%s", code, r.err.String())
			}

			if p.ask.Git != tt.ask || p.seen.Author != tt.author {
				t.Errorf("git asked %v with author %q, want %v with %q",
					p.ask.Git, p.seen.Author, tt.ask, tt.author)
			}
		})
	}
}
