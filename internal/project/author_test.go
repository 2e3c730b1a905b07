package project_test

import (
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/zentra-cli/zentra/internal/project"
)

// authorEntry is one entry of [project] authors in pyproject.toml.
type authorEntry struct {
	Name  *string `toml:"name"`
	Email *string `toml:"email"`
}

// renderedAuthors renders pyproject.toml with author and returns its authors entries.
func renderedAuthors(t *testing.T, author string) []authorEntry {
	t.Helper()

	a := project.Defaults("my-api")
	a.Author = author

	data := renderedPyproject(t, a)

	var p struct {
		Project struct {
			Authors []authorEntry `toml:"authors"`
		} `toml:"project"`
	}
	if err := toml.Unmarshal(data, &p); err != nil {
		t.Fatalf("pyproject.toml: %v", err)
	}

	return p.Project.Authors
}

func str(s string) *string { return &s }

// TestAcceptedAuthorsRender checks that every accepted form of author reaches
// pyproject.toml as intended: an email only ever holds an address that ValidateAuthor
// checked, since the build backend refuses a malformed one.
func TestAcceptedAuthorsRender(t *testing.T) {
	tests := []struct {
		author string
		want   []authorEntry
	}{
		{"", nil},
		{"Jane Doe", []authorEntry{{Name: str("Jane Doe")}}},
		{"jane@example.com", []authorEntry{{Name: str("jane@example.com")}}},
		{"Jane Doe <jane@example.com>",
			[]authorEntry{{Name: str("Jane Doe"), Email: str("jane@example.com")}}},
		{"<jane@example.com>", []authorEntry{{Email: str("jane@example.com")}}},
		{"Doe, Jane <jane@localhost>",
			[]authorEntry{{Name: str("Doe, Jane"), Email: str("jane@localhost")}}},
		{`José "JD" Müller <j.d+x@mail.example.co.uk>`,
			[]authorEntry{{Name: str(`José "JD" Müller`), Email: str("j.d+x@mail.example.co.uk")}}},
	}
	for _, tt := range tests {
		t.Run(tt.author, func(t *testing.T) {
			if err := project.ValidateAuthor(tt.author); err != nil {
				t.Fatalf("ValidateAuthor(%q) = %v, want nil", tt.author, err)
			}

			got := renderedAuthors(t, tt.author)
			if len(got) != len(tt.want) {
				t.Fatalf("authors = %v, want %v", got, tt.want)
			}

			for i := range got {
				if !samePtr(got[i].Name, tt.want[i].Name) || !samePtr(got[i].Email, tt.want[i].Email) {
					t.Errorf("authors[%d] = {%v %v}, want {%v %v}", i, deref(got[i].Name),
						deref(got[i].Email), deref(tt.want[i].Name), deref(tt.want[i].Email))
				}
			}
		})
	}
}

func TestRefusedAuthors(t *testing.T) {
	tests := []struct{ author, why string }{
		{"Bad <not-an-email>", `"not-an-email" is not an email address`},
		{"Jane <", `write it as "Name <email>"`},
		{"Jane >", `write it as "Name <email>"`},
		{"Jane <jane@example.com", `write it as "Name <email>"`},
		{"Jane <a@b.c> extra", `write it as "Name <email>"`},
		{"Jane <a@b.c> ", `write it as "Name <email>"`},
		{"Jane <<a@b.c>>", `write it as "Name <email>"`},
		{"Jane <>", `"" is not an email address`},
		{"Jane <a b@example.com>", "is not an email address"},
		{"Jane <a..b@example.com>", "is not an email address"},
		{"Jane <.a@example.com>", "is not an email address"},
		{"Jane <a@example..com>", "is not an email address"},
		{"Jane <a@example.com.>", "is not an email address"},
		{"Jane <a@-example.com>", "is not an email address"},
		{"Jane <josé@example.com>", "is not an email address"},
		{"Jane <a@b@c.com>", "is not an email address"},
		{"Jane\tDoe <a@b.c>", "control characters"},
	}
	for _, tt := range tests {
		err := project.ValidateAuthor(tt.author)
		if err == nil || !strings.Contains(err.Error(), tt.why) {
			t.Errorf("ValidateAuthor(%q) = %v, want an error saying %q", tt.author, err, tt.why)
		}

		a := project.Defaults("my-api")
		a.Author = tt.author
		if a.Validate() == nil {
			t.Errorf("Validate accepted author %q", tt.author)
		}
	}
}

func samePtr(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func deref(s *string) string {
	if s == nil {
		return "<none>"
	}

	return *s
}
