package prompt

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// The interactive form, fed keystrokes through a pipe: no terminal involved.

const keyTimeout = 20 * time.Second

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()

	return ansi.Strip(b.buf.String())
}

// tui runs Complete on the interactive form aside and returns what it needs to drive it.
type tui struct {
	t    *testing.T
	keys *io.PipeWriter
	out  *lockedBuffer
	done chan error
	got  Choices
}

func startTUI(ctx context.Context, t *testing.T, ask Ask) *tui {
	r, w := io.Pipe()
	t.Cleanup(func() { _ = w.Close() })

	u := &tui{t: t, keys: w, out: &lockedBuffer{}, done: make(chan error, 1), got: start()}
	h := &Huh{In: r, Out: u.out}

	go func() { u.done <- h.Complete(ctx, &u.got, ask) }()

	u.waitFor("enter")

	return u
}

// waitFor waits until the screen shows text, and fails the test after keyTimeout.
func (u *tui) waitFor(text string) {
	u.t.Helper()

	deadline := time.Now().Add(keyTimeout)
	for !strings.Contains(u.out.String(), text) {
		if time.Now().After(deadline) {
			u.t.Fatalf("the form never showed %q; it showed:\n%s", text, u.out.String())
		}

		time.Sleep(20 * time.Millisecond)
	}
}

func (u *tui) press(keys string) {
	u.t.Helper()

	if _, err := io.WriteString(u.keys, keys); err != nil {
		u.t.Fatal(err)
	}
}

func (u *tui) result() error {
	u.t.Helper()

	select {
	case err := <-u.done:
		return err
	case <-time.After(keyTimeout):
		u.t.Fatalf("the form did not end; it showed:\n%s", u.out.String())

		return nil
	}
}

func TestInteractiveFormTypedAnswers(t *testing.T) {
	u := startTUI(context.Background(), t, everything)

	u.press("\x15shop-api\r") // Ctrl-U clears the proposed name.
	u.waitFor("┃ Description")
	u.press("\r")
	u.waitFor("┃ Author")
	u.press("\r")
	u.waitFor("┃ Add user authentication?")
	u.press("n")
	u.waitFor("┃ Initialise a git repository?")
	u.press("\r")

	if err := u.result(); err != nil {
		t.Fatal(err)
	}

	want := start()
	want.Name, want.Auth = "shop-api", false

	if u.got != want {
		t.Errorf("choices = %+v, want %+v", u.got, want)
	}
}

func TestInteractiveFormRefusesABadName(t *testing.T) {
	u := startTUI(context.Background(), t, Ask{Name: true})

	u.press("\x15Bad Name\r")
	u.waitFor(`invalid project name "Bad Name"`)
	u.press("\x15bad-name\r")

	if err := u.result(); err != nil {
		t.Fatal(err)
	}

	if u.got.Name != "bad-name" {
		t.Errorf("name = %q, want %q", u.got.Name, "bad-name")
	}
}

func TestInteractiveFormCancel(t *testing.T) {
	tests := []struct {
		name, keys string
	}{
		{"ctrl-c", "\x03"},
		{"esc", "\x1b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := startTUI(context.Background(), t, everything)
			u.press(tt.keys)

			err := u.result()
			if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want ErrInterrupted wrapping context.Canceled", err)
			}

			if u.got != start() {
				t.Errorf("choices changed to %+v after a cancel", u.got)
			}
		})
	}
}

func TestInteractiveFormStopsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	u := startTUI(ctx, t, everything)

	cancel()

	if err := u.result(); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
}

func TestNoColorMarksTheChoiceWithBrackets(t *testing.T) {
	tests := []struct {
		name    string
		noColor bool
		want    bool
	}{
		{"no color", true, true},
		{"color", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, w := io.Pipe()
			t.Cleanup(func() { _ = w.Close() })

			u := &tui{t: t, keys: w, out: &lockedBuffer{}, done: make(chan error, 1), got: start()}
			h := &Huh{In: r, Out: u.out, NoColor: tt.noColor}

			go func() { u.done <- h.Complete(context.Background(), &u.got, Ask{Auth: true}) }()

			u.waitFor("Add user authentication?")
			u.waitFor("Yes")

			if got := strings.Contains(u.out.String(), "[ Yes ]"); got != tt.want {
				t.Errorf("chosen button in brackets: %v, want %v\n%s", got, tt.want, u.out.String())
			}

			u.press("\x03")

			if err := u.result(); !errors.Is(err, ErrInterrupted) {
				t.Fatalf("err = %v, want ErrInterrupted", err)
			}
		})
	}
}

// TestInteractiveFormDescriptionDefault checks that the default description is only a
// placeholder: typed text replaces it, and an empty answer keeps it.
func TestInteractiveFormDescriptionDefault(t *testing.T) {
	tests := []struct{ name, keys, want string }{
		{"typed", "Orders service\r", "Orders service"},
		{"empty", "\r", start().Description},
		{"only spaces", "   \r", start().Description},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := startTUI(context.Background(), t, Ask{Description: true})

			u.press(tt.keys)

			if err := u.result(); err != nil {
				t.Fatal(err)
			}

			if u.got.Description != tt.want {
				t.Errorf("description = %q, want %q", u.got.Description, tt.want)
			}
		})
	}
}
