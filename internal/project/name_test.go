package project

import (
	"errors"
	"slices"
	"strings"
	"testing"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts go test ./... -update
)

func TestValidateName(t *testing.T) {
	long := strings.Repeat("a", MaxNameLen+1)

	tests := []struct {
		name string
		in   string
		ok   bool
		// why is a part of the refusal message; try is the suggested fixed form, "" for
		// none.
		why, try string
	}{
		{name: "hyphenated", in: "my-api", ok: true},
		{name: "dotted", in: "my.api", ok: true},
		{name: "underscored", in: "my_api", ok: true},
		{name: "starts with digits", in: "2024-api", ok: true},
		{name: "only digits", in: "123", ok: true},
		{name: "python keyword", in: "class", ok: true},
		{name: "single letter", in: "a", ok: true},
		{name: "longest allowed", in: strings.Repeat("a", MaxNameLen), ok: true},
		{name: "upper case and space", in: "My API", why: "lower-case", try: "my-api"},
		{name: "upper case only", in: "API", why: "lower-case", try: "api"},
		{name: "accent", in: "café", why: "lower-case", try: "cafe"},
		{name: "empty", in: "", why: "empty"},
		{name: "dot", in: ".", why: "not a relative folder"},
		{name: "dot dot", in: "..", why: "not a relative folder"},
		{name: "parent path", in: "../escape", why: "path separator", try: "escape"},
		{name: "nested path", in: "a/b", why: "path separator", try: "a-b"},
		{name: "windows path", in: `a\b`, why: "path separator", try: "a-b"},
		{name: "windows device", in: "CON", why: "Windows reserves"},
		{name: "windows device lower case", in: "nul", why: "Windows reserves"},
		{name: "windows device with extension", in: "aux.api", why: "Windows reserves", try: "aux-api"},
		{name: "device name inside a word", in: "console", ok: true},
		{name: "too long", in: long, why: "longer than 64", try: long[:MaxNameLen]},
		{name: "template action", in: "{{.Name}}", why: "lower-case", try: "name"},
		{name: "template close", in: "}}", why: "lower-case"},
		{name: "double separator", in: "my--api", why: "single", try: "my-api"},
		{name: "leading separator", in: "-api", why: "lower-case", try: "api"},
		{name: "trailing dot", in: "api.", why: "lower-case", try: "api"},
		{name: "space inside", in: "my api", why: "lower-case", try: "my-api"},
		{name: "new line", in: "my\napi", why: "control characters"},
		{name: "only symbols", in: "!!!", why: "lower-case"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateName(tt.in)
			if tt.ok {
				if err != nil {
					t.Fatalf("ValidateName(%q) = %v, want nil", tt.in, err)
				}

				return
			}

			if err == nil {
				t.Fatalf("ValidateName(%q) accepted it", tt.in)
			}

			if !errors.Is(err, ErrName) {
				t.Errorf("error %v does not wrap ErrName", err)
			}

			msg := err.Error()
			if !strings.Contains(msg, tt.why) {
				t.Errorf("error %q does not say %q", msg, tt.why)
			}

			_, try, hasTry := strings.Cut(msg, "(try ")
			switch {
			case tt.try == "" && hasTry:
				t.Errorf("error %q suggests a name, want none", msg)
			case tt.try != "" && try != `"`+tt.try+`")`:
				t.Errorf("error %q does not suggest %q", msg, tt.try)
			}
		})
	}
}

func TestSuggestedNamesAreValid(t *testing.T) {
	inputs := []string{
		"My API", "café", "Ünïcödé Sérvice", "../escape", "a/b", "{{.Name}}", "x__y",
		"Hello, World!", strings.Repeat("ab-", 40), "ÉCOLE", "2024 API", "naïve.api",
	}
	for _, in := range inputs {
		s := SuggestName(in)
		if s == "" {
			t.Errorf("SuggestName(%q) = \"\", want a name", in)
			continue
		}

		if err := ValidateName(s); err != nil {
			t.Errorf("SuggestName(%q) = %q, which is refused: %v", in, s, err)
		}
	}
}

func TestSuggestNameGivesUpOnNothingUsable(t *testing.T) {
	for _, in := range []string{"", "}}", "!!!", "ß", "日本"} {
		if s := SuggestName(in); s != "" {
			t.Errorf("SuggestName(%q) = %q, want \"\"", in, s)
		}
	}
}

func TestDependencyNames(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{in: "fastapi"},
		{in: "sqlalchemy"},
		{in: "python_multipart"},
		{in: "python.multipart"},
		{in: "pydantic_settings"},
		{in: "starlette"},
		{in: "uvicorn"},
		{in: "argon2-cffi"},
		{in: "click"},
		{in: "pytest"},
		{in: "hatchling"},
		{in: "app", ok: true},
		{in: "fastapi-app", ok: true},
		{in: "my-fastapi", ok: true},
		{in: "pydantic-settings-app", ok: true},
	}
	for _, tt := range tests {
		err := ValidateName(tt.in)
		switch {
		case tt.ok && err != nil:
			t.Errorf("ValidateName(%q) = %v, want nil", tt.in, err)
		case tt.ok:
		case err == nil || !errors.Is(err, ErrName):
			t.Errorf("ValidateName(%q) = %v, want ErrName", tt.in, err)
		case !strings.Contains(err.Error(), "cannot depend on itself") ||
			!strings.Contains(err.Error(), `such as "`+tt.in+`-app"`):
			t.Errorf("ValidateName(%q) = %q: it should say why and suggest %q",
				tt.in, err, tt.in+"-app")
		}
	}
}

// TestDependencyListsAreTidy keeps the lists normalised, sorted and free of repeats, so
// that a name added by hand in another form still matches.
func TestDependencyListsAreTidy(t *testing.T) {
	for _, list := range [][]string{directDeps, indirectDeps} {
		for i, n := range list {
			if NormalizeName(n) != n {
				t.Errorf("%q is not in normal form %q", n, NormalizeName(n))
			}

			if i > 0 && list[i-1] >= n {
				t.Errorf("%q comes after %q: keep the list sorted and without repeats", n, list[i-1])
			}

			if slices.Contains(directDeps, n) && slices.Contains(indirectDeps, n) {
				t.Errorf("%q is in both lists", n)
			}
		}
	}
}

func TestSuggestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"My_API", "my_api"},
		{"My API", "my-api"},
		{"my.api", "my.api"},
		{"Orders..Service", "orders.service"},
		{"x__y", "x_y"},
		{"a_-b", "a-b"},
		{"Hello, World!", "hello-world"},
		{"naïve.api", "naive.api"},
		{"FastAPI", "fastapi-app"},
		{"Python_Multipart", "python_multipart-app"},
		{"_private_", "private"},
	}
	for _, tt := range tests {
		if got := SuggestName(tt.in); got != tt.want {
			t.Errorf("SuggestName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
