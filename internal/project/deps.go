package project

import (
	"regexp"
	"slices"
	"strings"
)

// directDeps are the distributions that the generated pyproject.toml names, in either
// variant: dependencies, the dev extra and group, and the build backend. A test renders
// the template and checks that this list covers every one of them.
var directDeps = []string{
	"alembic", "fastapi", "hatchling", "httpx", "pwdlib", "pydantic", "pydantic-settings",
	"pyjwt", "pytest", "python-multipart", "ruff", "sqlalchemy",
}

// indirectDeps are the distributions that the direct ones bring in, through extras such
// as fastapi[standard] and pwdlib[argon2] or their own requirements, on every platform
// and supported Python: a project named like one of them cannot be installed either. The
// list is a snapshot of a resolution of both variants; later releases may add names.
var indirectDeps = []string{
	"agent-detector", "annotated-doc", "annotated-types", "anyio", "argon2-cffi",
	"argon2-cffi-bindings", "certifi", "cffi", "charset-normalizer", "click", "colorama",
	"detect-installer", "dnspython", "email-validator", "fastapi-cli", "fastapi-cloud-cli",
	"fastar", "googleapis-common-protos", "greenlet", "h11", "httpcore", "httpcore2",
	"httptools", "httpx2", "httpx2-jsfetch", "idna", "iniconfig", "jinja2", "mako",
	"markdown-it-py", "markupsafe", "mdurl", "opentelemetry-api",
	"opentelemetry-exporter-http-transport", "opentelemetry-exporter-otlp-common",
	"opentelemetry-exporter-otlp-proto-common", "opentelemetry-exporter-otlp-proto-http",
	"opentelemetry-proto", "opentelemetry-sdk", "opentelemetry-semantic-conventions",
	"packaging", "pluggy", "protobuf", "pycparser", "pydantic-core", "pydantic-extra-types",
	"pygments", "python-dotenv", "pyyaml", "requests", "rich", "rich-toolkit", "rignore",
	"sentry-sdk", "shellingham", "starlette", "truststore", "typer", "typing-extensions",
	"typing-inspection", "urllib3", "uvicorn", "uvloop", "watchfiles", "websockets",
}

var separatorRuns = regexp.MustCompile(`[-_.]+`)

// NormalizeName returns a distribution name in the form that Python packaging compares
// (PEP 503): lower case, with every run of "-", "_" and "." turned into one "-".
func NormalizeName(name string) string {
	return separatorRuns.ReplaceAllString(strings.ToLower(name), "-")
}

// IsDependency reports whether a generated project depends, directly or not, on a
// distribution of this name in either variant. Installers refuse a project that depends
// on itself, so such a name cannot be the project's.
func IsDependency(name string) bool {
	n := NormalizeName(name)

	return slices.Contains(directDeps, n) || slices.Contains(indirectDeps, n)
}
