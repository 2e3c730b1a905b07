// Package textutil holds small helpers for showing text that zentra did not write, such
// as names and paths, safely on a terminal.
package textutil

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable returns s as it is when it prints as itself, and otherwise quoted with Go
// escapes, so that it cannot send control sequences to a terminal or hide what it holds.
// Text is quoted when it holds a rune that is not printable (control and format
// characters, spaces other than ' '), is not valid UTF-8, or starts with a double quote,
// which would make it look like quoted text itself.
func Printable(s string) string {
	if strings.ContainsFunc(s, notPrintable) || !utf8.ValidString(s) ||
		strings.HasPrefix(s, `"`) {
		return strconv.Quote(s)
	}

	return s
}

func notPrintable(r rune) bool { return !unicode.IsPrint(r) }
