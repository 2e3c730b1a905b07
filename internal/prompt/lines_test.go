package prompt

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts -update
)

func TestLineReaderGivesEachScannerOneLine(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		scans   int
		want    []string
		starved bool
	}{
		{"every line answered", "a\nb\nc\n", 3, []string{"a", "b", "c"}, false},
		{"last line without a new line", "a\nb", 2, []string{"a", "b"}, false},
		{"input ends early", "a\n", 3, []string{"a", "", ""}, true},
		{"no input at all", "", 1, []string{""}, true},
		{"empty lines are answers", "\n\n", 2, []string{"", ""}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLineReader(strings.NewReader(tt.input))

			var got []string
			for range tt.scans {
				// A new scanner per question, as huh's accessible mode does.
				s := bufio.NewScanner(l)
				s.Scan()
				got = append(got, s.Text())
			}

			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines = %q, want %q", got, tt.want)
			}

			if l.starved != tt.starved {
				t.Errorf("starved = %v, want %v", l.starved, tt.starved)
			}
		})
	}
}

func TestLineReaderSplitsLongLines(t *testing.T) {
	l := newLineReader(strings.NewReader("abcdef\nz\n"))
	p := make([]byte, 4)

	var got []string
	for {
		n, err := l.Read(p)
		if errors.Is(err, io.EOF) {
			break
		}

		if err != nil {
			t.Fatal(err)
		}

		got = append(got, string(p[:n]))
	}

	if want := []string{"abcd", "ef\n", "z\n"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reads = %q, want %q", got, want)
	}
}

// onceThenStuck returns its data and then io.EOF once; a later read fails the test, as a
// terminal would block there after a Ctrl-D.
type onceThenStuck struct {
	t    *testing.T
	data string
	eof  bool
}

func (r *onceThenStuck) Read(p []byte) (int, error) {
	switch {
	case r.data != "":
		n := copy(p, r.data)
		r.data = r.data[n:]

		return n, nil
	case !r.eof:
		r.eof = true

		return 0, io.EOF
	default:
		r.t.Error("read again after the end of input")

		return 0, io.EOF
	}
}

func TestLineReaderStopsReadingAtTheEnd(t *testing.T) {
	l := newLineReader(&onceThenStuck{t: t, data: "a\n"})

	for range 3 {
		s := bufio.NewScanner(l)
		s.Scan()
	}

	if !l.starved {
		t.Error("starved = false after three questions on one line of input")
	}
}
