package cli

import (
	"cmp"
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/prompt"
	"github.com/zentra-cli/zentra/internal/scaffold"
	"github.com/zentra-cli/zentra/internal/vcs"
)

// defaultName is the name proposed when neither a folder nor --name gives one.
const defaultName = "my-api"

// complete asks for what flags left open, when questions may be asked, and reports
// whether it asked any. It reads the disk only to check the target folder.
func (o *initOptions) complete(ctx context.Context) (bool, error) {
	if o.Yes || !o.sys.CanPrompt() {
		return false, nil
	}

	if err := o.checkFlags(); err != nil {
		return false, err
	}

	c, ask, err := o.questions(ctx)
	if err != nil || !ask.Any() {
		return false, err
	}

	if err := o.sys.prompter().Complete(ctx, &c, ask); err != nil {
		if errors.Is(err, prompt.ErrEndOfInput) {
			return false, &ExitError{Code: ExitUsage, Err: err,
				Hint: "Answer each question on its own line, or pass the answers as flags with --yes."}
		}

		return false, err
	}

	o.Name, o.nameAsked = c.Name, ask.Name
	o.Description, o.Author, o.NoAuth, o.Git = c.Description, c.Author, !c.Auth, c.Git

	return true, nil
}

// checkFlags refuses bad flag values before any question, so that no answer is given in
// vain.
func (o *initOptions) checkFlags() error {
	if o.given("name") {
		if err := project.ValidateName(o.Name); err != nil {
			return o.nameError(err)
		}
	}

	if err := project.ValidateText("description", o.Description); err != nil {
		return usageError(err)
	}

	if err := project.ValidateAuthor(o.Author); err != nil {
		return usageError(err)
	}

	return nil
}

// questions picks the questions that flags left open, with their defaults. Only working
// choices are offered: no git question without git, or inside a git work tree.
func (o *initOptions) questions(ctx context.Context) (prompt.Choices, prompt.Ask, error) {
	c := prompt.Choices{
		Answers: project.Answers{
			Name: o.Name, Description: o.Description, Author: o.Author, Auth: !o.NoAuth,
		},
		Git: o.Git,
	}
	ask := prompt.Ask{
		Description: !o.given("description"),
		Author:      !o.given("author"),
		Auth:        !o.given("no-auth"),
	}
	check := scaffold.Options{Force: o.Force}

	wd, err := o.sys.Abs("")
	if err != nil {
		return c, ask, err
	}

	parent := wd
	if dir := cmp.Or(o.Dir, o.Name); dir != "" {
		target, err := o.sys.Abs(dir)
		if err != nil {
			return c, ask, err
		}

		if err := scaffold.Check(target, nil, check); err != nil {
			return c, ask, usageError(err)
		}

		parent = filepath.Dir(target)
		if base := filepath.Base(target); !o.given("name") && project.ValidateName(base) != nil {
			ask.Name, c.Name = true, project.SuggestName(base)
		}
	} else {
		ask.Name, c.Name = true, defaultName
		ask.CheckName = func(name string) error {
			return scaffold.Check(filepath.Join(wd, name), nil, check)
		}
	}

	if git, err := o.sys.LookPath("git"); err == nil {
		ask.Git = !o.given("git") && !o.given("no-git") && !vcs.InsideWorkTree(ctx, git, parent)
		if ask.Author {
			c.Author = vcs.Author(ctx, git, wd)
		}
	}

	return c, ask, nil
}

// equivalent is the command that makes the same project without asking anything: the
// folder, every answer that differs from its default, and --yes.
func (o *initOptions) equivalent(target string, a project.Answers) string {
	dir := cmp.Or(o.Dir, a.Name)
	if strings.HasPrefix(dir, "-") {
		dir = "./" + dir
	}

	args := []string{"zentra", "init", shellQuote(dir)}
	if a.Name != filepath.Base(target) {
		args = append(args, "--name", shellQuote(a.Name))
	}

	if a.Description != project.Defaults("").Description {
		args = append(args, "--description", shellQuote(a.Description))
	}

	if a.Author != "" {
		args = append(args, "--author", shellQuote(a.Author))
	}

	flags := []struct {
		on   bool
		name string
	}{
		{!a.Auth, "--no-auth"}, {!o.Git, "--no-git"}, {o.Force, "--force"},
		{o.DryRun, "--dry-run"}, {o.JSON, "--json"}, {true, "--yes"},
	}
	for _, f := range flags {
		if f.on {
			args = append(args, f.name)
		}
	}

	return strings.Join(args, " ")
}
