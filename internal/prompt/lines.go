package prompt

import (
	"bufio"
	"errors"
	"io"
)

// lineReader hands out its input one line per Read call.
//
// huh's accessible mode starts a new bufio.Scanner for every question, and a scanner
// keeps whatever it read beyond its own line: with piped input, the answers to the later
// questions would be lost. One line per Read leaves nothing behind. huh also takes the
// end of input as "use the default" and says nothing, so lineReader remembers whether a
// question met the end of input.
type lineReader struct {
	r    *bufio.Reader
	rest []byte
	// atEOF is set once the underlying reader has reported the end of input; later reads
	// never touch it again, since a terminal would wait for more after a Ctrl-D.
	atEOF bool
	// starved is set when a read found no line left: a question went unanswered.
	starved bool
	// err is the first error of the underlying reader other than the end of input.
	err error
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReader(r)}
}

// Read copies at most the rest of the current line into p. The last line gets a new line
// added when the input lacks one, so that it reads as a complete answer.
func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.rest) == 0 {
		if l.atEOF {
			l.starved = true

			return 0, io.EOF
		}

		line, err := l.r.ReadBytes('\n')
		if err != nil {
			l.atEOF = true
			if !errors.Is(err, io.EOF) {
				l.err = err
			}
		}

		if len(line) == 0 {
			l.starved = true

			return 0, io.EOF
		}

		if line[len(line)-1] != '\n' {
			line = append(line, '\n')
		}

		l.rest = line
	}

	n := copy(p, l.rest)
	l.rest = l.rest[n:]

	return n, nil
}
