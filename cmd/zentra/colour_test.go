package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sgr matches one "select graphic rendition" sequence and captures its parameters.
var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// firstColour returns the first SGR sequence in s that sets a colour, or "". Colours are
// the parameters 30-38 and 40-48 (38 and 48 start the 256-colour and true-colour forms,
// such as "38;5;212" or "48:2::1:2:3") and the bright 90-107. Other parameters, such as
// bold (1) or reset (0), are not colours.
func firstColour(s string) string {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.Split(m[1], ";") {
			first, _, _ := strings.Cut(p, ":")

			n, err := strconv.Atoi(first)
			if err != nil {
				continue
			}

			if n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 107 {
				return m[0]
			}
		}
	}

	return ""
}

func TestFirstColour(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text", "Project name", ""},
		{"reset and bold", "\x1b[0m\x1b[1mName\x1b[m", ""},
		{"bold with blink", "\x1b[1;5mName", ""},
		{"basic foreground", "a\x1b[31mred", "\x1b[31m"},
		{"background after bold", "\x1b[1;44mx", "\x1b[1;44m"},
		{"bright foreground", "\x1b[92mx", "\x1b[92m"},
		{"bright background", "\x1b[107mx", "\x1b[107m"},
		{"256 colours", "\x1b[0m\x1b[38;5;212mx", "\x1b[38;5;212m"},
		{"true colour background", "\x1b[48;2;10;20;30mx", "\x1b[48;2;10;20;30m"},
		{"true colour with colons", "\x1b[38:2::1:2:3mx", "\x1b[38:2::1:2:3m"},
		{"other sequences", "\x1b[2K\x1b[1;1H\x1b[?25l", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := firstColour(tt.in); got != tt.want {
				t.Errorf("firstColour(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
