package project_test

import (
	"slices"
	"testing"

	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/scaffold"
	"github.com/zentra-cli/zentra/templates"
)

// renderedPyproject renders the project for a and returns its pyproject.toml.
func renderedPyproject(t *testing.T, a project.Answers) []byte {
	t.Helper()

	data := scaffold.Data{Answers: a, AccessKey: "a", RefreshKey: "r"}
	files, err := scaffold.Plan(templates.Source(), data)
	if err != nil {
		t.Fatal(err)
	}

	i := slices.IndexFunc(files, func(f scaffold.File) bool { return f.Path == "pyproject.toml" })
	if i < 0 {
		t.Fatal("no pyproject.toml in the plan")
	}

	return files[i].Data
}
