package project

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDefaults(t *testing.T) {
	a := Defaults("my-api")
	if a.Name != "my-api" || !a.Auth || a.Description == "" || a.Author != "" {
		t.Errorf("Defaults(\"my-api\") = %+v", a)
	}

	if err := a.Validate(); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Answers)
		why    string // "" when the answers are valid
	}{
		{name: "defaults", change: func(*Answers) {}},
		{name: "author with email", change: func(a *Answers) { a.Author = "Jane <jane@example.com>" }},
		{name: "quotes and backslashes", change: func(a *Answers) { a.Description = `say "hi" \o/` }},
		{name: "template text", change: func(a *Answers) { a.Description = "{{ .AccessKey }} }}" }},
		{name: "empty description", change: func(a *Answers) { a.Description = "" }},
		{
			name:   "longest description in accented letters",
			change: func(a *Answers) { a.Description = strings.Repeat("é", MaxTextLen) },
		},
		{name: "bad name", change: func(a *Answers) { a.Name = "My API" }, why: "invalid project name"},
		{
			name:   "description with new line",
			change: func(a *Answers) { a.Description = "one\ntwo" },
			why:    "description must not contain control characters",
		},
		{
			name:   "author with tab",
			change: func(a *Answers) { a.Author = "Jane\tDoe" },
			why:    "author must not contain control characters",
		},
		{
			name:   "description with c1 control",
			change: func(a *Answers) { a.Description = "a\u0085b" },
			why:    "control characters",
		},
		{
			name:   "description too long",
			change: func(a *Answers) { a.Description = strings.Repeat("x", MaxTextLen+1) },
			why:    "description is longer than 200 characters",
		},
		{
			name:   "author too long",
			change: func(a *Answers) { a.Author = strings.Repeat("é", MaxTextLen+1) },
			why:    "author is longer than 200 characters",
		},
		{
			name:   "description not utf-8",
			change: func(a *Answers) { a.Description = "caf\xe9" },
			why:    "description is not valid UTF-8",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Defaults("my-api")
			tt.change(&a)

			err := a.Validate()
			switch {
			case tt.why == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.why != "" && err == nil:
				t.Fatalf("Validate() accepted %+v", a)
			case tt.why != "" && !strings.Contains(err.Error(), tt.why):
				t.Fatalf("Validate() = %q, want it to say %q", err, tt.why)
			}
		})
	}
}

// The --json report of "zentra init" prints Answers; tools read these keys.
func TestAnswersJSONKeys(t *testing.T) {
	b, err := json.Marshal(Answers{Name: "n", Description: "d", Author: "a", Auth: true})
	if err != nil {
		t.Fatal(err)
	}

	want := `{"name":"n","description":"d","author":"a","auth":true}`
	if string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
}
