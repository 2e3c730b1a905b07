// Package templates holds the embedded Python project that zentra renders, and the
// manifest of which of its files belong to each optional feature.
package templates

import (
	"embed"

	"github.com/zentra-cli/zentra/internal/scaffold"
)

// FS is the project template tree. The "all:" prefix keeps dot-files and files whose
// names start with an underscore, such as __init__.py.
//
//go:embed all:project
var FS embed.FS

// Root is the folder inside FS that holds the project tree.
const Root = "project"

// AuthOnly lists the generated paths that exist only when the auth feature is on. An
// entry ending in "/" covers every file below that folder. Shared files switch their
// auth lines with the template conditional {{ if .Auth }}.
var AuthOnly = []string{
	"app/auth/",
	"app/core/security.py",
	"app/db_models/user.py",
	"migrations/versions/0001_create_users_tables.py",
	"tests/auth/",
}

// Source is the embedded project tree with its feature manifest, ready for scaffold.Plan.
func Source() scaffold.Source {
	return scaffold.Source{FS: FS, Root: Root, AuthOnly: AuthOnly}
}
