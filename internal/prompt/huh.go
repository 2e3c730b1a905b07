package prompt

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"

	"github.com/zentra-cli/zentra/internal/project"
)

// Huh asks the questions with a charmbracelet/huh form: an interactive form on a
// terminal, or plain line-by-line prompts in accessible mode.
type Huh struct {
	// In is where answers are read: the terminal, or any reader in accessible mode.
	In io.Reader
	// Out is where the form is drawn. Standard error keeps standard output clean.
	Out io.Writer
	// Accessible replaces the form with one plain prompt a line, for screen readers,
	// dumb terminals and scripted input. The end of input is then an error.
	Accessible bool
	// NoColor marks choices with brackets rather than with colour.
	NoColor bool
}

// Complete asks the questions that ask selects, starting from the values in c.
func (h *Huh) Complete(ctx context.Context, c *Choices, ask Ask) error {
	if !ask.Any() {
		return nil
	}

	draft := *c
	// The description starts empty, its default shown as a placeholder, so that typing
	// replaces the default rather than adding to it; an empty answer takes the default.
	draft.Description = ""
	fields := h.fields(&draft, ask, c.Description)

	if h.Accessible {
		// One form a question, so that the first one left unanswered ends the run.
		lines := newLineReader(h.In)
		for _, f := range fields {
			if err := h.run(ctx, h.newForm(f).WithInput(lines), lines); err != nil {
				return err
			}
		}
	} else if err := h.run(ctx, h.newForm(fields...).WithInput(h.In), nil); err != nil {
		return err
	}

	draft.Name = strings.TrimSpace(draft.Name)
	draft.Description = cmp.Or(strings.TrimSpace(draft.Description), c.Description)
	draft.Author = strings.TrimSpace(draft.Author)
	*c = draft

	return nil
}

// run runs the form until it is done, the person cancels it or ctx ends. In accessible
// mode huh blocks on reading and does not watch ctx, so the form runs aside and a
// cancelled ctx returns at once; the interactive form watches ctx itself and must be
// waited for, so that it restores the terminal.
func (h *Huh) run(ctx context.Context, form *huh.Form, lines *lineReader) error {
	if lines == nil {
		return runError(ctx, form.RunWithContext(ctx))
	}

	done := make(chan error, 1)
	go func() { done <- form.RunWithContext(ctx) }()

	select {
	case <-ctx.Done():
		// End the line the question was left on, so that what follows starts afresh.
		fmt.Fprintln(h.Out)

		return ErrInterrupted
	case err := <-done:
		switch {
		case lines.err != nil:
			return fmt.Errorf("read answers: %w", lines.err)
		case lines.starved:
			return ErrEndOfInput
		}

		return runError(ctx, err)
	}
}

func runError(ctx context.Context, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, huh.ErrUserAborted), ctx.Err() != nil:
		return ErrInterrupted
	default:
		return fmt.Errorf("ask questions: %w", err)
	}
}

// fields are the selected questions, writing their answers into c. description is the
// default description, which c holds empty.
func (h *Huh) fields(c *Choices, ask Ask, description string) []huh.Field {
	var fields []huh.Field

	if ask.Name {
		fields = append(fields, huh.NewInput().
			Title(h.title("Project name", c.Name)).
			Description("Folder and distribution name: lower-case letters, digits, - _ .").
			Value(&c.Name).
			Validate(h.check(c.Name, nameCheck(ask.CheckName))))
	}

	if ask.Description {
		fields = append(fields, huh.NewInput().
			Title(h.title("Description", description)).
			Description("One line for pyproject.toml and the README; empty keeps the default.").
			Placeholder(description).
			Value(&c.Description).
			Validate(h.emptyIs(description, textCheck("description"))))
	}

	if ask.Author {
		fields = append(fields, huh.NewInput().
			Title(h.title("Author", c.Author)).
			Description("Such as \"Jane Doe <jane@example.com>\"; it may stay empty.").
			Value(&c.Author).
			Validate(h.check(c.Author, project.ValidateAuthor)))
	}

	if ask.Auth {
		fields = append(fields, yesNo("Add user authentication?",
			"Sign-up, login and JWT tokens. No leaves out every trace of it.", &c.Auth))
	}

	if ask.Git {
		fields = append(fields, yesNo("Initialise a git repository?",
			"Runs git init in the new folder; nothing is committed.", &c.Git))
	}

	return fields
}

// newForm puts fields on one page, drawn on h.Out; Ctrl-C and Esc cancel it.
func (h *Huh) newForm(fields ...huh.Field) *huh.Form {
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", "cancel"))

	form := huh.NewForm(huh.NewGroup(fields...).Title("New FastAPI project")).
		WithOutput(h.Out).
		WithAccessible(h.Accessible).
		WithKeyMap(keys)
	if h.NoColor {
		form = form.WithTheme(noColorTheme())
	}

	return form
}

// title shows the default in accessible mode, where an empty answer takes it; the
// interactive form shows the default as the text to edit, or as a placeholder.
func (h *Huh) title(title, def string) string {
	switch {
	case !h.Accessible:
		return title
	case def == "":
		return title + ":"
	default:
		return fmt.Sprintf("%s (%s):", title, def)
	}
}

// check wraps a validator: it sees the answer trimmed, and in accessible mode an empty
// answer stands for the default, as huh then takes it.
func (h *Huh) check(def string, valid func(string) error) func(string) error {
	return func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" && h.Accessible {
			s = def
		}

		return valid(s)
	}
}

// emptyIs wraps a validator for a field whose empty answer stands for def, in either
// mode.
func (h *Huh) emptyIs(def string, valid func(string) error) func(string) error {
	return func(s string) error {
		return valid(cmp.Or(strings.TrimSpace(s), def))
	}
}

// nameCheck validates a name with the rule the --name flag uses, then with extra.
func nameCheck(extra func(string) error) func(string) error {
	return func(name string) error {
		if err := project.ValidateName(name); err != nil {
			return err
		}

		if extra != nil {
			return extra(name)
		}

		return nil
	}
}

func textCheck(field string) func(string) error {
	return func(s string) error { return project.ValidateText(field, s) }
}

// yesNo is a Yes/No question whose answer goes into value.
func yesNo(title, description string, value *bool) *huh.Confirm {
	return huh.NewConfirm().
		Title(title).
		Description(description).
		Affirmative("Yes").
		Negative("No").
		Value(value)
}
