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

	if IsDependency(name) {
		return fmt.Errorf("%w %q: the generated project installs a package of that name, "+
			"and a project cannot depend on itself; choose another name such as %q",
			ErrName, name, name+"-app")
	}

	return nil
}

// SuggestName returns a fixed form of name, or "" when nothing usable is left: lower
// case, accents dropped, each run of other characters turned into one separator (a run
// of only "_" or only "." stays that character; any other run becomes "-"), cut to the
// maximum length, with "-" after a Windows device name, and with "-app" added when the
// result is the name of a dependency.
func SuggestName(name string) string {
	var (
		b   strings.Builder
		sep strings.Builder // the run of other characters since the last letter or digit
	)

	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if sep.Len() > 0 && b.Len() > 0 {
				b.WriteString(separatorFor(sep.String()))
			}

			sep.Reset()
			b.WriteRune(unicode.ToLower(r))
		default:
			sep.WriteRune(r)
		}
	}

	s := b.String()
	if len(s) > MaxNameLen {
		s = strings.TrimRight(s[:MaxNameLen], "-_.")
	}

	if stem, rest, dotted := strings.Cut(s, "."); dotted && windowsReserved[stem] {
		s = stem + "-" + rest
	}

	if s != "" && IsDependency(s) {
		s += "-app"
	}

	return s
}

// separatorFor is the one separator that a run of other characters becomes.
func separatorFor(run string) string {
	for _, keep := range []string{"_", "."} {
		if strings.Trim(run, keep) == "" {
			return keep
		}
	}

	return "-"
}
