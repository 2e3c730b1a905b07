package textutil_test

import (
	"testing"

	"github.com/zentra-cli/zentra/internal/textutil"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts -update
)

func TestPrintable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "plain text", in: "alice", want: "alice"},
		{name: "empty", in: "", want: ""},
		{name: "spaces and punctuation", in: "my api (v2)/src", want: "my api (v2)/src"},
		{name: "backslashes of a windows path", in: `C:\Users\al`, want: `C:\Users\al`},
		{name: "quote inside", in: `al"ice`, want: `al"ice`},
		{name: "letters beyond ascii", in: "zoë 名前", want: "zoë 名前"},
		{name: "escape sequence", in: "\x1b[2Jalice", want: `"\x1b[2Jalice"`},
		{name: "newline", in: "al\nice", want: `"al\nice"`},
		{name: "tab", in: "al\tice", want: `"al\tice"`},
		{name: "right-to-left override", in: "bob\u202e", want: `"bob\u202e"`},
		{name: "no-break space", in: "a\u00a0b", want: `"a\u00a0b"`},
		{name: "invalid utf-8", in: "a\xffb", want: `"a\xffb"`},
		{name: "leading quote", in: `"x"`, want: `"\"x\""`},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textutil.Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
