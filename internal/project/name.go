package project

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxNameLen is the longest project name accepted.
const MaxNameLen = 64

// namePattern is a lower-case distribution name (PEP 508) that is also a safe folder
// name on every platform: letters and digits, with single separators between them.
var namePattern = regexp.MustCompile(`^[a-z0-9]+([._-][a-z0-9]+)*$`)

// windowsReserved are device names that Windows refuses as file names, with or without
// an extension.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true,
	"com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true,
	"lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// ErrName is wrapped by every error ValidateName returns.
var ErrName = errors.New("invalid project name")

// ValidateName checks a project name. The name becomes the project folder, the
// PROJECT_NAME setting and the distribution name in pyproject.toml, so it must be all
// three at once. When the name can be fixed, the error suggests the fixed form.
func ValidateName(name string) error {
	bad := func(why string) error {
		if s := SuggestName(name); s != "" && s != name && ValidateName(s) == nil {
			why += fmt.Sprintf(" (try %q)", s)
		}

		return fmt.Errorf("%w %q: %s", ErrName, name, why)
	}

	switch {
	case name == "":
		return fmt.Errorf("%w: the name is empty; pass one such as \"my-api\"", ErrName)
	case name == "." || name == "..":
		return fmt.Errorf("%w %q: give a real name, not a relative folder", ErrName, name)
	case strings.ContainsAny(name, `/\`):
		return bad("it must not contain a path separator")
	case strings.ContainsFunc(name, isControl):
		return fmt.Errorf("%w %q: it must not contain control characters", ErrName, name)
	case len(name) > MaxNameLen:
		return bad(fmt.Sprintf("it is longer than %d characters", MaxNameLen))
	}

	stem, _, _ := strings.Cut(strings.ToLower(name), ".")
	if windowsReserved[stem] {
		return bad("it is a device name that Windows reserves")
	}

	if !namePattern.MatchString(name) {
		return bad("use lower-case letters, digits, and single '-', '_' or '.' between them")
	}

	return nil
}

// SuggestName returns a fixed form of name (lower case, accents dropped, runs of other
// characters turned into one hyphen, cut to the maximum length), or "" when nothing
// usable is left.
func SuggestName(name string) string {
	var b strings.Builder

	pendingSep := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if pendingSep && b.Len() > 0 {
				b.WriteByte('-')
			}

			pendingSep = false
			b.WriteRune(unicode.ToLower(r))
		default:
			pendingSep = true
		}
	}

	s := b.String()
	if len(s) > MaxNameLen {
		s = strings.TrimRight(s[:MaxNameLen], "-")
	}

	return s
}
