// Package envfile reads a project's .env file and updates values in it without
// disturbing anything else: every other line, comment, blank line and the order stay
// byte for byte as they were.
//
// Reading uses godotenv. Errors never quote the file, since it holds secrets.
package envfile

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/joho/godotenv"
)

// ErrSyntax is wrapped by the errors of Parse and Read when the text is not valid .env
// syntax.
var ErrSyntax = errors.New("not valid .env syntax")

// Parse returns the variables defined in a .env text. When a key is defined twice, the
// last definition wins. A text that is not UTF-8 is refused, as the project refuses it.
func Parse(src []byte) (map[string]string, error) {
	if !utf8.Valid(src) {
		return nil, fmt.Errorf("%w: it is not UTF-8 text, which the project needs", ErrSyntax)
	}

	env, err := godotenv.UnmarshalBytes(src)
	if err != nil {
		// godotenv's message quotes the text around the problem, which may be a secret.
		return nil, fmt.Errorf("%w: a line is neither KEY=value nor a comment, "+
			"or a quote is not closed", ErrSyntax)
	}

	return env, nil
}

// Read parses the .env file at path.
func Read(path string) (map[string]string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}

	env, err := Parse(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}

	return env, nil
}

// assignment splits a line such as `  export KEY = "value" # note` into the text up to
// and including the separator, the key, and the rest.
var assignment = regexp.MustCompile(
	`^([ \t]*(?:export[ \t]+)?)([A-Za-z0-9_.]+)([ \t]*[=:][ \t]*)(.*)$`)

// safeValue is what Set writes: characters that need no quoting or escaping in any
// .env dialect, such as base64 and hex text.
var safeValue = regexp.MustCompile(`^[A-Za-z0-9_\-.~+/=]+$`)

// Set returns src with the value of each key in values replaced, keeping the quotes,
// spacing and trailing comment of its line. A key defined on several lines gets the
// new value on each. A key that src lacks is appended as a new line. Values must be
// non-empty and consist of letters, digits and -_.~+/= only.
//
// Set re-reads its result and fails, rather than return it, unless exactly the given
// keys changed, so an unusual layout (a value spanning lines, say) is never mangled.
func Set(src []byte, values map[string]string) ([]byte, error) {
	before, err := Parse(src)
	if err != nil {
		return nil, err
	}

	for _, k := range slices.Sorted(maps.Keys(values)) {
		if !safeValue.MatchString(values[k]) {
			return nil, fmt.Errorf("new value for %s is empty or holds characters "+
				"that would need quoting", k)
		}
	}

	out, seen, err := replaceLines(src, values)
	if err != nil {
		return nil, err
	}

	for _, k := range slices.Sorted(maps.Keys(values)) {
		if seen[k] {
			continue
		}

		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}

		out = append(out, k+"="+values[k]+"\n"...)
	}

	after, err := Parse(out)
	if err != nil {
		return nil, errors.New("the updated file would not parse; edit it by hand")
	}

	want := maps.Clone(before)
	maps.Copy(want, values)
	if !maps.Equal(after, want) {
		return nil, errors.New("the file's layout is too unusual to update safely " +
			"(a value spanning lines?); edit it by hand")
	}

	return out, nil
}

// replaceLines rewrites the lines that assign a key of values and reports which keys
// it found. Line endings, \n or \r\n, are kept.
func replaceLines(src []byte, values map[string]string) ([]byte, map[string]bool, error) {
	out := make([]byte, 0, len(src)+64*len(values))
	seen := make(map[string]bool)

	for line := range strings.Lines(string(src)) {
		body, eol := splitEOL(line)

		m := assignment.FindStringSubmatch(body)
		if m == nil {
			out = append(out, line...)
			continue
		}

		v, ok := values[m[2]]
		if !ok {
			out = append(out, line...)
			continue
		}

		rest, err := replaceValue(m[4], v)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", m[2], err)
		}

		seen[m[2]] = true
		out = append(out, m[1]+m[2]+m[3]+rest+eol...)
	}

	return out, seen, nil
}

// replaceValue swaps the value at the start of rest for v, keeping its quotes and
// whatever follows it (spaces, a comment).
func replaceValue(rest, v string) (string, error) {
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		q := rest[0]
		for i := 1; i < len(rest); i++ {
			if rest[i] == q && rest[i-1] != '\\' {
				return string(q) + v + string(q) + rest[i+1:], nil
			}
		}

		return "", errors.New("its quoted value spans lines; edit it by hand")
	}

	end := len(rest)
	for i := 1; i < len(rest); i++ {
		if rest[i] == '#' && (rest[i-1] == ' ' || rest[i-1] == '\t') {
			end = i
			break
		}
	}

	value := strings.TrimRight(rest[:end], " \t")

	return v + rest[len(value):], nil
}

// splitEOL cuts the line ending, \n or \r\n, off line.
func splitEOL(line string) (body, eol string) {
	switch {
	case strings.HasSuffix(line, "\r\n"):
		return line[:len(line)-2], "\r\n"
	case strings.HasSuffix(line, "\n"):
		return line[:len(line)-1], "\n"
	default:
		return line, ""
	}
}
