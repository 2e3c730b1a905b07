// Package scaffold turns answers and the embedded templates into a list of files (Plan)
// and puts that list on disk all at once or not at all (Write).
package scaffold

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"

	"github.com/zentra-cli/zentra/internal/project"
)

// File is one file of a planned project.
type File struct {
	// Path is slash-separated and relative to the project root.
	Path string
	// Mode is the permission the file is created with.
	Mode fs.FileMode
	// Data is the file's content.
	Data []byte
}

// Data is what the templates see: the answers, the secrets for .env and the version of
// zentra that rendered them.
type Data struct {
	project.Answers
	AccessKey  string
	RefreshKey string
	Version    string
}

// Source is a template tree and the manifest of its feature files.
type Source struct {
	// FS holds the tree.
	FS fs.FS
	// Root is the folder inside FS where the project tree starts.
	Root string
	// AuthOnly lists generated paths (folders end in "/") that exist only with auth.
	AuthOnly []string
}

// Template file conventions: a path element starting with dotPrefix becomes a dot-file,
// and a file ending in tmplSuffix is rendered with text/template, then loses the suffix.
const (
	dotPrefix  = "dot_"
	tmplSuffix = ".tmpl"
)

// Plan renders every template for d and returns the files sorted by path. It reads only
// src and touches no disk.
func Plan(src Source, d Data) ([]File, error) {
	var files []File

	err := fs.WalkDir(src.FS, src.Root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}

		rel := strings.TrimPrefix(p, src.Root+"/")
		out := outputPath(rel)
		if !d.Auth && matchesAny(out, src.AuthOnly) {
			return nil
		}

		raw, err := fs.ReadFile(src.FS, p)
		if err != nil {
			return err
		}

		if strings.HasSuffix(rel, tmplSuffix) {
			if raw, err = render(rel, raw, d); err != nil {
				return err
			}
		}

		files = append(files, File{Path: out, Mode: modeFor(out, raw), Data: raw})

		return nil
	})
	if err != nil {
		return nil, err
	}

	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })

	return files, nil
}

// outputPath applies the naming conventions to a template path.
func outputPath(rel string) string {
	parts := strings.Split(strings.TrimSuffix(rel, tmplSuffix), "/")
	for i, p := range parts {
		if strings.HasPrefix(p, dotPrefix) {
			parts[i] = "." + strings.TrimPrefix(p, dotPrefix)
		}
	}

	return strings.Join(parts, "/")
}

func matchesAny(p string, patterns []string) bool {
	for _, m := range patterns {
		if p == m || (strings.HasSuffix(m, "/") && strings.HasPrefix(p, m)) {
			return true
		}
	}

	return false
}

// modeFor gives .env owner-only access, makes scripts executable and leaves the rest
// readable.
func modeFor(p string, data []byte) fs.FileMode {
	switch {
	case path.Base(p) == ".env":
		return 0o600
	case bytes.HasPrefix(data, []byte("#!")):
		return 0o755
	default:
		return 0o644
	}
}

func render(name string, raw []byte, d Data) ([]byte, error) {
	t, err := template.New(name).Option("missingkey=error").Funcs(Funcs()).Parse(string(raw))
	if err != nil {
		return nil, fmt.Errorf("parse template %s: %w", name, err)
	}

	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("render template %s: %w", name, err)
	}

	out := bytes.ReplaceAll(buf.Bytes(), []byte("\r\n"), []byte("\n"))

	return out, nil
}

// Funcs is the template function map: sprig's hermetic functions (no clock, no
// randomness, no environment) and quoting helpers for TOML and Python.
func Funcs() template.FuncMap {
	m := sprig.HermeticTxtFuncMap()
	m["toml"] = quote
	m["pystr"] = quote

	return m
}

// quote writes s as a double-quoted string with backslash escapes, a form that TOML
// basic strings and Python string literals both read the same way.
func quote(s string) string {
	var b strings.Builder

	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')

	return b.String()
}
