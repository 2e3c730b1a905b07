package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/scaffold"
	"github.com/zentra-cli/zentra/internal/secret"
	"github.com/zentra-cli/zentra/internal/token"
	"github.com/zentra-cli/zentra/internal/version"
	"github.com/zentra-cli/zentra/templates"
)

// SeedEnv names the environment variable that makes the secret keys reproducible.
const SeedEnv = "ZENTRA_SECRET_SEED"

// initOptions are the inputs of "zentra init": flags first, then what prompts fill in.
type initOptions struct {
	sys *System

	Dir         string
	Name        string
	Description string
	Author      string
	NoAuth      bool
	Yes         bool
	Force       bool
	DryRun      bool
	JSON        bool
	Quiet       bool
	Git         bool

	// given reports whether the user set a flag, so prompts ask only for the rest.
	given func(flag string) bool
	// nameAsked is set when the name was answered at a prompt rather than taken from the
	// folder.
	nameAsked bool
}

func newInitCmd(sys *System) *cobra.Command {
	o := &initOptions{sys: sys}
	noGit := false
	cmd := &cobra.Command{
		Use:   "init [dir]",
		Short: "Create a new FastAPI project in dir",
		Long: "Create a new FastAPI project in dir (a new or empty folder; \".\" for the\n" +
			"current one). The project name defaults to the folder's name. With a terminal,\n" +
			"zentra asks for what the flags leave open; without one, with --yes, or with CI\n" +
			"set to anything but 0 or false, it takes the defaults. ZENTRA_ACCESSIBLE=1 asks\n" +
			"one plain line at a time, and then reads the answers from any input, a pipe\n" +
			"included.",
		Example: "  zentra init my-api\n" +
			"  zentra init my-api --no-auth --yes\n" +
			"  zentra init . --name my-api --description \"Orders service\"",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Dir = args[0]
			}

			git, err := gitFlags(cmd.Flags().Changed, o.Git, noGit)
			if err != nil {
				return err
			}

			o.Git = git
			o.Description = strings.TrimSpace(o.Description)
			o.Author = strings.TrimSpace(o.Author)
			o.given = cmd.Flags().Changed

			return runInit(cmd.Context(), o)
		},
	}

	f := cmd.Flags()
	f.StringVar(&o.Name, "name", "", "project name (default: the folder's name)")
	f.StringVar(&o.Description, "description", project.Defaults("").Description,
		"one-line description for pyproject.toml and the README")
	f.StringVar(&o.Author, "author", "", "author, such as \"Jane Doe <jane@example.com>\"")
	f.BoolVar(&o.NoAuth, "no-auth", false, "leave out user authentication entirely")
	f.BoolVarP(&o.Yes, "yes", "y", false, "ask nothing; take the defaults for what is not given")
	f.BoolVar(&o.Force, "force", false,
		"write into a folder that holds other files (overwrites only zentra's files)")
	f.BoolVar(&o.DryRun, "dry-run", false, "list the files that would be written; write nothing")
	f.BoolVar(&o.JSON, "json", false, "print the result as one JSON object on stdout")
	f.BoolVarP(&o.Quiet, "quiet", "q", false,
		"print nothing on success except what --dry-run or --json asks for")
	f.BoolVar(&o.Git, "git", true, "run \"git init\" in the new project when git is installed")
	f.BoolVar(&noGit, "no-git", false, "do not run \"git init\"")

	return cmd
}

// gitFlags works out whether to run "git init" from --git and --no-git: yes, unless
// --git=false or --no-git says no. Both given with values that disagree is an error;
// both saying the same thing is not.
func gitFlags(given func(string) bool, git, noGit bool) (bool, error) {
	if given("git") && given("no-git") && git == noGit {
		return false, usageError(fmt.Errorf("--git=%t and --no-git=%t contradict each other: "+
			"give one of them", git, noGit))
	}

	return git && !(given("no-git") && noGit), nil
}

// runInit asks for what flags left open, resolves the answers, plans the project and
// writes it. Nothing touches the disk before every question is answered.
func runInit(ctx context.Context, o *initOptions) error {
	asked, err := o.complete(ctx)
	if err != nil {
		return err
	}

	target, answers, err := o.resolve()
	if err != nil {
		return err
	}

	if err := answers.Validate(); err != nil {
		return o.nameError(err)
	}

	var src secret.Source
	if answers.Auth {
		src = o.secretSource()
	}

	files, err := plan(answers, src)
	if err != nil {
		return err
	}

	if err := scaffold.Check(target, files, scaffold.Options{Force: o.Force}); err != nil {
		return usageError(err)
	}

	res := result{Path: target, Answers: answers, DryRun: o.DryRun, Files: paths(files)}
	res.Next = nextSteps(o.sys, target, answers)

	if o.DryRun {
		res.Overwritten = scaffold.Existing(target, files)

		return o.finish(res, asked)
	}

	written, err := scaffold.Write(ctx, target, files, scaffold.Options{Force: o.Force})
	if err != nil {
		return writeError(ctx.Err(), err)
	}

	res.Overwritten = written.Overwritten
	hadGit := exists(filepath.Join(target, ".git"))
	if o.Git {
		res.Git = gitInit(ctx, o.sys, target)
	}

	if ctx.Err() != nil {
		return undoAfterInterrupt(target, written.NewFolder, hadGit, o.Git)
	}

	return o.finish(res, asked)
}

// undoAfterInterrupt applies zentra's rule for Ctrl-C (or SIGTERM) once the files are in
// place, while "git init" runs or just after: an interrupted run leaves nothing behind
// that it can take back. git is stopped by the cancelled context, so its .git may be
// half made. A project folder that this run created holds nothing else, and is removed
// whole. In a folder that existed before, only a .git that this run made is removed:
// the project files stay, since the files they replaced (with --force) are gone, and the
// message says so. Either way the exit code is the interrupt's.
func undoAfterInterrupt(target string, newFolder, hadGit, git bool) error {
	if newFolder {
		if err := os.RemoveAll(target); err != nil {
			return interruptedWith("interrupted; the new project %q could not be removed: %v",
				target, err)
		}

		return context.Canceled
	}

	dotGit := filepath.Join(target, ".git")
	if git && !hadGit {
		if err := os.RemoveAll(dotGit); err != nil {
			return interruptedWith("interrupted; the half-made %q could not be removed: %v",
				dotGit, err)
		}
	}

	msg := fmt.Sprintf("interrupted after the project files went into %q, which existed "+
		"before: they stay", target)
	if git && !hadGit {
		msg += ", without a git repository"
	}

	return interruptedWith("%s", msg)
}

// writeError passes on an error of scaffold.Write. A clean interruption comes back from
// Write as stopped (the context's error) itself, and reads "nothing was written". Any
// other error of an interrupted run, such as an undo that could not put a file back,
// keeps its own account of what stays, and the interrupt's exit code.
func writeError(stopped, err error) error {
	if stopped == nil || err == stopped {
		return err
	}

	return interruptedWith("interrupted: %v", err)
}

func exists(p string) bool {
	_, err := os.Lstat(p)

	return err == nil
}

// finish reports the result and, when questions were asked, the command that does the
// same without asking, for scripts and CI.
func (o *initOptions) finish(r result, asked bool) error {
	if err := o.report(r); err != nil {
		return err
	}

	if asked && !o.Quiet {
		fmt.Fprintf(o.sys.Err, "\nThe same without questions, for scripts and CI:\n  %s\n",
			o.equivalent(r.Path, r.Answers))
	}

	return nil
}

// resolve works out the target folder and the answers from arguments and flags.
func (o *initOptions) resolve() (string, project.Answers, error) {
	dir := o.Dir
	if dir == "" {
		dir = o.Name
	}

	if dir == "" {
		return "", project.Answers{}, usageError(errors.New(
			"missing project folder: run \"zentra init <dir>\", such as \"zentra init my-api\""))
	}

	target, err := o.sys.Abs(dir)
	if err != nil {
		return "", project.Answers{}, err
	}

	name := o.Name
	if !o.given("name") && !o.nameAsked {
		name = filepath.Base(target)
	}

	a := project.Defaults(name)
	a.Description = o.Description
	a.Author = o.Author
	a.Auth = !o.NoAuth

	return target, a, nil
}

// nameError turns a validation error into a usage error, with a hint when the name came
// from the folder rather than from --name.
func (o *initOptions) nameError(err error) error {
	ee := &ExitError{Code: ExitUsage, Err: err}
	if errors.Is(err, project.ErrName) && !o.given("name") {
		ee.Hint = "The name comes from the folder; pass --name to choose another."
	}

	return ee
}

// secretSource picks crypto/rand, or the seeded source when the user opted in, with a
// warning that the keys are then not secret.
func (o *initOptions) secretSource() secret.Source {
	if o.sys.Secrets != nil {
		return o.sys.Secrets
	}

	if seed := o.sys.Getenv(SeedEnv); seed != "" {
		fmt.Fprintf(o.sys.Err, "warning: %s is set: the secret keys are derived from it "+
			"and are NOT secret; use it only for tests\n", SeedEnv)

		return secret.Seeded{Seed: seed}
	}

	return secret.Random{}
}

// plan renders the embedded templates. A project with auth gets two keys drawn from src;
// one without has no keys, and src is not used.
func plan(a project.Answers, src secret.Source) ([]scaffold.File, error) {
	data := scaffold.Data{Answers: a, Version: version.Get().Version}
	if a.Auth {
		var err error

		data.AccessKey, err = secret.New(src, token.EnvAccessKey, secret.DefaultBytes)
		if err != nil {
			return nil, err
		}

		data.RefreshKey, err = secret.New(src, token.EnvRefreshKey, secret.DefaultBytes)
		if err != nil {
			return nil, err
		}
	}

	return scaffold.Plan(templates.Source(), data)
}

func paths(files []scaffold.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}

	return out
}
