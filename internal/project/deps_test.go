package project_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/zentra-cli/zentra/internal/project"
)

// pyproject is the part of a generated pyproject.toml that names distributions.
type pyproject struct {
	Project struct {
		Dependencies         []string            `toml:"dependencies"`
		OptionalDependencies map[string][]string `toml:"optional-dependencies"`
	} `toml:"project"`
	DependencyGroups map[string][]any `toml:"dependency-groups"`
	BuildSystem      struct {
		Requires []string `toml:"requires"`
	} `toml:"build-system"`
}

// requirementName is the distribution name at the start of a PEP 508 requirement.
var requirementName = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)`)

// renderedDeps renders pyproject.toml for one variant and returns every distribution it
// names, normalised.
func renderedDeps(t *testing.T, auth bool) []string {
	t.Helper()

	a := project.Defaults("my-api")
	a.Auth = auth

	data := renderedPyproject(t, a)

	var p pyproject
	if err := toml.Unmarshal(data, &p); err != nil {
		t.Fatalf("pyproject.toml: %v", err)
	}

	reqs := slices.Concat(p.Project.Dependencies, p.BuildSystem.Requires)
	for _, extra := range p.Project.OptionalDependencies {
		reqs = append(reqs, extra...)
	}

	for _, group := range p.DependencyGroups {
		for _, r := range group {
			if s, ok := r.(string); ok {
				reqs = append(reqs, s)
			}
		}
	}

	var names []string
	for _, r := range reqs {
		m := requirementName.FindStringSubmatch(r)
		if m == nil {
			t.Fatalf("pyproject.toml: no distribution name in %q", r)
		}

		names = append(names, project.NormalizeName(m[1]))
	}

	return names
}

// TestDependencyNamesAreRefused keeps the refused names in step with the template: every
// distribution the generated pyproject.toml names, in either variant, is refused as a
// project name, in its normalised form and with other separators.
func TestDependencyNamesAreRefused(t *testing.T) {
	var all []string
	for _, auth := range []bool{true, false} {
		all = append(all, renderedDeps(t, auth)...)
	}

	if !slices.Contains(all, "fastapi") || !slices.Contains(all, "pyjwt") {
		t.Fatalf("the rendered pyproject.toml names %v: fastapi or pyjwt missing", all)
	}

	for _, name := range all {
		for _, form := range []string{name, strings.ReplaceAll(name, "-", "_"),
			strings.ReplaceAll(name, "-", ".")} {
			if !project.IsDependency(form) {
				t.Errorf("IsDependency(%q) = false; the generated project depends on it", form)
			}

			err := project.ValidateName(form)
			if err == nil || !strings.Contains(err.Error(), "cannot depend on itself") {
				t.Errorf("ValidateName(%q) = %v, want a refusal saying why", form, err)
			}
		}
	}
}
