// Package project holds the answers that shape a generated project, their defaults and
// their validation. The rules for project names live here, once, for flags and prompts.
package project

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Answers is everything that shapes a generated project. Secrets are not answers: they
// are drawn when the project is planned.
type Answers struct {
	// Name is the project name: the directory, PROJECT_NAME and the distribution name.
	Name string `json:"name"`
	// Description is a one-line summary written into pyproject.toml and the README.
	Description string `json:"description"`
	// Author is free text such as "Jane Doe <jane@example.com>"; it may be empty.
	Author string `json:"author"`
	// Auth turns the user authentication feature on.
	Auth bool `json:"auth"`
}

// Defaults returns the answers used for anything the user did not give.
func Defaults(name string) Answers {
	return Answers{
		Name:        name,
		Description: "A FastAPI service.",
		Auth:        true,
	}
}

// MaxTextLen bounds free-text answers so that they stay one readable line.
const MaxTextLen = 200

// Validate checks every answer and returns the first problem found.
func (a Answers) Validate() error {
	if err := ValidateName(a.Name); err != nil {
		return err
	}

	if err := ValidateText("description", a.Description); err != nil {
		return err
	}

	return ValidateAuthor(a.Author)
}

// authorPattern is the "Name <email>" form of an author, the name being optional.
var authorPattern = regexp.MustCompile(`^([^<>]*)<([^<>]*)>$`)

// emailPattern is a plain email address at a host name: a dot-atom of ASCII characters
// (RFC 5322, no quoted parts), "@", and dot-separated labels. That is a form Python's
// email package, which checks authors while the project is built, always accepts.
var emailPattern = regexp.MustCompile(
	`^` + atext + `(\.` + atext + `)*@` + hostLabel + `(\.` + hostLabel + `)*$`)

const (
	atext     = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
	hostLabel = `[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?`
)

// ValidateAuthor checks an author: free text on one line, and when it has a "<...>" part,
// the form "Name <email>" with a plain email address, as pyproject.toml needs it. Text
// without angle brackets is taken as a name alone.
func ValidateAuthor(s string) error {
	if err := ValidateText("author", s); err != nil {
		return err
	}

	if !strings.ContainsAny(s, "<>") {
		return nil
	}

	m := authorPattern.FindStringSubmatch(s)
	if m == nil {
		return fmt.Errorf("author %q: write it as \"Name <email>\", with the email "+
			"between < and > at the end, or leave out the angle brackets", s)
	}

	if !emailPattern.MatchString(m[2]) {
		return fmt.Errorf("author %q: %q is not an email address such as "+
			"\"jane@example.com\"", s, m[2])
	}

	return nil
}

// ValidateText refuses free text that would not stay on one line of a TOML file. The
// length is counted in characters, not bytes.
func ValidateText(field, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", field)
	}

	if utf8.RuneCountInString(s) > MaxTextLen {
		return fmt.Errorf("%s is longer than %d characters", field, MaxTextLen)
	}

	if strings.ContainsFunc(s, isControl) {
		return fmt.Errorf("%s must not contain control characters such as new lines", field)
	}

	return nil
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}
