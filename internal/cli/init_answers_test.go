package cli

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/prompt"
)

func TestInitAnswersShapeTheProject(t *testing.T) {
	tests := []struct {
		name    string
		answer  func(*prompt.Choices)
		auth    bool
		command string
	}{
		{"defaults keep auth", func(*prompt.Choices) {}, true, "zentra init demo --json --yes"},
		{"auth off leaves it out", func(c *prompt.Choices) { c.Auth = false }, false,
			"zentra init demo --no-auth --json --yes"},
		{"every answer in the command", func(c *prompt.Choices) {
			c.Description, c.Author, c.Git = "Bob's shop.", "Bob <bob@example.com>", false
		}, true, `zentra init demo --description 'Bob'\''s shop.' ` +
			`--author 'Bob <bob@example.com>' --no-git --json --yes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &scriptedPrompter{answer: tt.answer}
			r := newPromptRun(t, true, nil, "", p)

			if code := r.run("init", "demo", "--json"); code != 0 {
				t.Fatalf("code %d\n%s", code, r.err.String())
			}

			var res struct {
				Files   []string        `json:"files"`
				Options project.Answers `json:"options"`
			}
			if err := json.Unmarshal(r.out.Bytes(), &res); err != nil {
				t.Fatalf("stdout is not one JSON object: %v\n%s", err, r.out.String())
			}

			found := authFiles(t, filepath.Join(r.wd, "demo"))
			if res.Options.Auth != tt.auth || (len(found) > 0) != tt.auth {
				t.Errorf("auth %v with auth files %q, want auth %v", res.Options.Auth, found, tt.auth)
			}

			if !tt.auth && slices.ContainsFunc(res.Files, func(f string) bool {
				return strings.HasPrefix(f, "app/auth/")
			}) {
				t.Errorf("planned files hold app/auth/: %q", res.Files)
			}

			want := "The same without questions, for scripts and CI:\n  " + tt.command + "\n"
			if !strings.Contains(r.err.String(), want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.err.String())
			}
		})
	}
}

func TestInitEquivalentCommand(t *testing.T) {
	tests := []struct {
		name   string
		opts   initOptions
		target string
		a      project.Answers
		want   string
	}{
		{"name answered without a dir", initOptions{Git: true}, "/w/shop-api",
			project.Defaults("shop-api"), "zentra init shop-api --yes"},
		{"folder and name differ", initOptions{Dir: "My Shop", Git: true}, "/w/My Shop",
			project.Defaults("my-shop"), "zentra init 'My Shop' --name my-shop --yes"},
		{"a folder that looks like a flag", initOptions{Dir: "-x", Git: true}, "/w/-x",
			project.Defaults("x"), "zentra init ./-x --name x --yes"},
		{"force and dry run kept", initOptions{Dir: ".", Force: true, DryRun: true, Git: true},
			"/w/shop", project.Defaults("shop"), "zentra init . --force --dry-run --yes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.opts.equivalent(tt.target, tt.a); got != tt.want {
				t.Errorf("equivalent = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInitStopsBeforeWriting(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		code  int
		shows string
	}{
		{"interrupted", prompt.ErrInterrupted, ExitInterrupted, "interrupted; nothing was written"},
		{"input ended", prompt.ErrEndOfInput, ExitUsage, "pass the answers as flags with --yes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newPromptRun(t, true, nil, "", &scriptedPrompter{err: tt.err})

			if code := r.run("init", "demo"); code != tt.code {
				t.Fatalf("code %d, want %d\n%s", code, tt.code, r.err.String())
			}

			if !strings.Contains(r.err.String(), tt.shows) {
				t.Errorf("stderr lacks %q:\n%s", tt.shows, r.err.String())
			}

			if e := r.entries(); len(e) != 0 {
				t.Errorf("the folder holds %q, want nothing", e)
			}
		})
	}
}

func TestInitQuietPrintsNoCommand(t *testing.T) {
	r := newPromptRun(t, true, nil, "", &scriptedPrompter{})

	if code := r.run("init", "demo", "--quiet"); code != 0 {
		t.Fatalf("code %d\n%s", code, r.err.String())
	}

	if r.err.Len() != 0 {
		t.Errorf("stderr = %q, want nothing", r.err.String())
	}
}

// failingSource is a secret source that fails every draw.
type failingSource struct{}

func (failingSource) Bytes(string, int) ([]byte, error) {
	return nil, errors.New("no randomness here")
}

func TestInitDrawsKeysOnlyWithAuth(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		seed    bool // ZENTRA_SECRET_SEED set, no injected source
		code    int
		warns   bool
		drawErr bool // stderr reports the failed draw
	}{
		{name: "no auth with a seed warns of nothing", args: []string{"--no-auth"}, seed: true},
		{name: "auth with a seed warns", seed: true, warns: true},
		{name: "no auth never draws", args: []string{"--no-auth"}},
		{name: "auth draws", code: ExitFailed, drawErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{}
			if tt.seed {
				env[SeedEnv] = "tests"
			}

			r := newPromptRun(t, false, env, "", nil)
			r.sys.Secrets = failingSource{}
			if tt.seed {
				r.sys.Secrets = nil
			}

			args := append([]string{"init", "demo", "--no-git"}, tt.args...)
			if code := r.run(args...); code != tt.code {
				t.Fatalf("code %d, want %d\n%s", code, tt.code, r.err.String())
			}

			stderr := r.err.String()
			if got := strings.Contains(stderr, "warning: "+SeedEnv); got != tt.warns {
				t.Errorf("seed warning printed: %v, want %v\n%s", got, tt.warns, stderr)
			}

			if got := strings.Contains(stderr, "no randomness here"); got != tt.drawErr {
				t.Errorf("draw error reported: %v, want %v\n%s", got, tt.drawErr, stderr)
			}
		})
	}
}

func TestWriteError(t *testing.T) {
	undo := errors.Join(context.Canceled, errors.New("restore README.md: permission denied"))
	disk := errors.New("cannot write in \"/srv\": no space left on device")
	tests := []struct {
		name    string
		stopped error
		err     error
		code    int
		shows   string
	}{
		{"not interrupted", nil, disk, ExitFailed, disk.Error()},
		{"clean interruption", context.Canceled, context.Canceled, ExitInterrupted,
			"context canceled"},
		{"interrupted with an undo that failed", context.Canceled, undo, ExitInterrupted,
			"interrupted: context canceled\nrestore README.md: permission denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := writeError(tt.stopped, tt.err)
			if CodeOf(got) != tt.code || got.Error() != tt.shows {
				t.Errorf("writeError = %q (exit %d), want %q (exit %d)",
					got, CodeOf(got), tt.shows, tt.code)
			}
		})
	}
}
