package prompt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zentra-cli/zentra/internal/project"
)

var everything = Ask{Name: true, Description: true, Author: true, Auth: true, Git: true}

func start() Choices {
	a := project.Defaults("my-api")
	a.Author = "Jane Doe <jane@example.com>"

	return Choices{Answers: a, Git: true}
}

func TestAccessibleAnswers(t *testing.T) {
	taken := func(name string) error {
		if name == "taken" {
			return errors.New("folder taken already holds files")
		}

		return nil
	}

	tests := []struct {
		name  string
		ask   Ask
		input string
		want  func(*Choices)
		shows []string
		hides []string
	}{
		{
			name:  "all defaults",
			ask:   everything,
			input: "\n\n\n\n\n",
			want:  func(*Choices) {},
			shows: []string{"Project name (my-api):", "Add user authentication? [Y/n]"},
		},
		{
			name:  "invalid name corrected on the second try",
			ask:   everything,
			input: "My API\nshop-api\n\n\n\n\n",
			want:  func(c *Choices) { c.Name = "shop-api" },
			shows: []string{`invalid project name "My API"`, `(try "my-api")`},
		},
		{
			name:  "auth off",
			ask:   everything,
			input: "\n\n\nn\n\n",
			want:  func(c *Choices) { c.Auth = false },
		},
		{
			name:  "every answer typed and trimmed",
			ask:   everything,
			input: "orders\n  Orders service  \nBob <bob@example.com>\nno\nn\n",
			want: func(c *Choices) {
				c.Name, c.Description = "orders", "Orders service"
				c.Author, c.Auth, c.Git = "Bob <bob@example.com>", false, false
			},
		},
		{
			name:  "only the questions flags left open",
			ask:   Ask{Auth: true, Git: true},
			input: "n\ny\n",
			want:  func(c *Choices) { c.Auth = false },
			shows: []string{"Add user authentication?", "Initialise a git repository?"},
			hides: []string{"Project name", "Description", "Author"},
		},
		{
			name:  "name check refuses a taken folder",
			ask:   Ask{Name: true, CheckName: taken},
			input: "taken\nfree\n",
			want:  func(c *Choices) { c.Name = "free" },
			shows: []string{"folder taken already holds files"},
		},
		{
			name:  "author with a bad email asked again",
			ask:   Ask{Author: true},
			input: "Bob <not-an-email>\nBob <bob@example.com>\n",
			want:  func(c *Choices) { c.Author = "Bob <bob@example.com>" },
			shows: []string{`"not-an-email" is not an email address`},
		},
		{
			name:  "typed description replaces the default",
			ask:   Ask{Description: true},
			input: "Orders service\n",
			want:  func(c *Choices) { c.Description = "Orders service" },
			shows: []string{"Description (A FastAPI service.):"},
		},
		{
			name:  "too long a description asked again",
			ask:   Ask{Description: true},
			input: strings.Repeat("x", project.MaxTextLen+1) + "\nShort.\n",
			want:  func(c *Choices) { c.Description = "Short." },
			shows: []string{"description is longer than"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer

			h := &Huh{In: strings.NewReader(tt.input), Out: &out, Accessible: true}
			got := start()

			if err := h.Complete(context.Background(), &got, tt.ask); err != nil {
				t.Fatalf("Complete: %v\n%s", err, out.String())
			}

			want := start()
			tt.want(&want)

			if got != want {
				t.Errorf("choices = %+v, want %+v", got, want)
			}

			for _, s := range tt.shows {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q:\n%s", s, out.String())
				}
			}

			for _, s := range tt.hides {
				if strings.Contains(out.String(), s) {
					t.Errorf("output holds %q:\n%s", s, out.String())
				}
			}
		})
	}
}

func TestAccessibleEndOfInputIsAnError(t *testing.T) {
	tests := []struct {
		name, input string
		// unasked is the first question that must not be shown.
		unasked string
	}{
		{"no input", "", "Description"},
		{"input ends after the name", "shop-api\n", "Author"},
		{"input ends after a refused name", "Bad Name\n", "Description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer

			h := &Huh{In: strings.NewReader(tt.input), Out: &out, Accessible: true}
			got := start()

			err := h.Complete(context.Background(), &got, everything)
			if !errors.Is(err, ErrEndOfInput) {
				t.Fatalf("err = %v, want ErrEndOfInput", err)
			}

			if got != start() {
				t.Errorf("choices changed to %+v after an error", got)
			}

			if strings.Contains(out.String(), tt.unasked) {
				t.Errorf("questions went on after the input ended:\n%s", out.String())
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestAccessibleReadErrorIsReturned(t *testing.T) {
	h := &Huh{In: failingReader{}, Out: io.Discard, Accessible: true}
	c := start()

	err := h.Complete(context.Background(), &c, everything)
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err = %v, want the read error", err)
	}
}

// lockedBuffer is a bytes.Buffer safe for a form still running aside.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()

	return b.buf.Write(p)
}

func TestAccessibleCancelReturnsAtOnce(t *testing.T) {
	r, w := io.Pipe()
	t.Cleanup(func() { _ = w.Close() })

	h := &Huh{In: r, Out: &lockedBuffer{}, Accessible: true}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)

	go func() {
		c := start()
		done <- h.Complete(ctx, &c, everything)
	}()

	time.Sleep(50 * time.Millisecond)
	cancel()

	select {
	case err := <-done:
		if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want ErrInterrupted wrapping context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Complete did not return after its context was cancelled")
	}
}

type noReads struct{ t *testing.T }

func (r noReads) Read([]byte) (int, error) {
	r.t.Error("read input with no question to ask")

	return 0, io.EOF
}

func TestNothingToAskReadsNothing(t *testing.T) {
	for _, accessible := range []bool{true, false} {
		t.Run(fmt.Sprintf("accessible %v", accessible), func(t *testing.T) {
			var out bytes.Buffer

			h := &Huh{In: noReads{t}, Out: &out, Accessible: accessible}
			c := start()

			if err := h.Complete(context.Background(), &c, Ask{}); err != nil {
				t.Fatal(err)
			}

			if out.Len() != 0 {
				t.Errorf("output = %q, want nothing", out.String())
			}
		})
	}
}
