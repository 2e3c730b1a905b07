package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/envfile"
	"github.com/zentra-cli/zentra/internal/project"
	"github.com/zentra-cli/zentra/internal/token"
)

// tokenOptions are the inputs of "zentra token create" and "zentra token verify".
type tokenOptions struct {
	sys *System

	Dir     string
	User    string
	Refresh bool
	TTL     time.Duration
	JSON    bool
}

// kind is the token type the flags ask for.
func (o *tokenOptions) kind() token.Type {
	if o.Refresh {
		return token.Refresh
	}

	return token.Access
}

func newTokenCmd(sys *System) *cobra.Command {
	o := &tokenOptions{sys: sys}
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Create and verify JWTs with the project's keys",
		Long: "Create and verify the JWTs of a project made by zentra, with the keys and\n" +
			"settings in its .env, exactly as the project's own code does. The project is\n" +
			"the one around the current folder, or around --dir.\n\n" +
			"Exit codes: 0 done (a valid token for verify), 1 an invalid token, 2 bad\n" +
			"flags or no usable project (not inside one, made with --no-auth, bad .env).",
		Args: cobra.NoArgs,
	}
	cmd.PersistentFlags().StringVar(&o.Dir, "dir", "",
		"project folder or any folder inside it (default: the current folder)")
	cmd.AddCommand(newTokenCreateCmd(o), newTokenVerifyCmd(o))

	return cmd
}

func newTokenCreateCmd(o *tokenOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "create --user NAME",
		Short: "Print a new signed token for a user",
		Long: "Print a new access token (or with --refresh, a refresh token) for the user, with\n" +
			"the claims the project issues: sub, iat, exp and type. The user name is trimmed\n" +
			"and lower-cased as the project does; the server accepts the token only if that\n" +
			"user exists and is active. Without --json, stdout holds just the token.",
		Example: "  zentra token create --user alice\n" +
			"  zentra token create --user alice --refresh --ttl 24h\n" +
			"  curl -H \"Authorization: Bearer $(zentra token create --user alice)\" \\\n" +
			"    http://127.0.0.1:8000/api/auth/users/me",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return runTokenCreate(o)
		},
	}

	f := cmd.Flags()
	f.StringVarP(&o.User, "user", "u", "", "user name for the sub claim (required)")
	f.BoolVar(&o.Refresh, "refresh", false, "make a refresh token instead of an access token")
	f.DurationVar(&o.TTL, "ttl", 0, "lifetime such as 30m or 12h (default: the project's "+
		"setting); a negative one makes an expired token, for tests")
	f.BoolVar(&o.JSON, "json", false, "print the token and its claims as one JSON object")

	return cmd
}

func runTokenCreate(o *tokenOptions) error {
	if o.User == "" {
		return usageError(errors.New("--user is required: the name of the user the token is for"))
	}

	if _, err := token.NormalizeUser(o.User); err != nil {
		return usageError(err)
	}

	if o.TTL != 0 && o.TTL.Abs() < time.Second {
		return usageError(fmt.Errorf("--ttl %s is shorter than a second", o.TTL))
	}

	s, err := loadTokenSettings(o.sys, o.Dir)
	if err != nil {
		return err
	}

	raw, claims, err := s.Create(o.User, o.kind(), o.TTL, o.sys.Now())
	if err != nil {
		return err
	}

	if o.JSON {
		return writeTokenJSON(o.sys.Out, struct {
			Token  string       `json:"token"`
			Claims token.Claims `json:"claims"`
		}{raw, claims})
	}

	_, err = fmt.Fprintln(o.sys.Out, raw)

	return err
}

func newTokenVerifyCmd(o *tokenOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify TOKEN",
		Short: "Check a token's signature, lifetime and claims",
		Long: "Check a token as the project does: signed with the access key (or with\n" +
			"--refresh, the refresh key) under the configured algorithm and no other;\n" +
			"sub, iat, exp and type present; type matching; not expired and not issued in\n" +
			"the future, give or take " + token.Leeway.String() + " of clock difference. " +
			"TOKEN \"-\" reads it from stdin.\n\n" +
			"A valid token prints its claims and exits 0; an invalid one prints one line\n" +
			"saying why on stderr and exits 1.",
		Example: "  zentra token verify \"$TOKEN\"\n" +
			"  zentra token create --user alice --refresh | zentra token verify --refresh -",
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return runTokenVerify(o, args[0])
		},
	}

	f := cmd.Flags()
	f.BoolVar(&o.Refresh, "refresh", false, "expect a refresh token instead of an access token")
	f.BoolVar(&o.JSON, "json", false, "print the claims of a valid token as one JSON object")

	return cmd
}

// maxTokenBytes bounds what verify reads from stdin.
const maxTokenBytes = 64 << 10

func runTokenVerify(o *tokenOptions, raw string) error {
	if raw == "-" {
		b, err := io.ReadAll(io.LimitReader(o.sys.In, maxTokenBytes))
		if err != nil {
			return fmt.Errorf("read the token from stdin: %w", err)
		}

		raw = string(b)
	}

	if strings.TrimSpace(raw) == "" {
		return usageError(errors.New("the token is empty"))
	}

	s, err := loadTokenSettings(o.sys, o.Dir)
	if err != nil {
		return err
	}

	now := o.sys.Now()

	claims, err := s.Verify(raw, o.kind(), now)
	if err != nil {
		return &ExitError{Code: ExitFailed, Err: fmt.Errorf("invalid token: %w", err)}
	}

	if o.JSON {
		return writeTokenJSON(o.sys.Out, struct {
			Valid     bool         `json:"valid"`
			Algorithm string       `json:"algorithm"`
			Claims    token.Claims `json:"claims"`
		}{true, s.Algorithm, claims})
	}

	return writeClaims(o.sys.Out, s.Algorithm, claims, now)
}

// writeClaims prints a valid token's claims for people.
func writeClaims(w io.Writer, alg string, c token.Claims, now time.Time) error {
	exp := time.Unix(c.Exp, 0).UTC()
	left := exp.Sub(now).Round(time.Second)

	when := "expires in " + left.String()
	if left < 0 {
		when = fmt.Sprintf("expired %s ago, within the %s leeway", -left, token.Leeway)
	}

	_, err := fmt.Fprintf(w, "valid %s token (%s)\n"+
		"  sub   %s\n"+
		"  type  %s\n"+
		"  iat   %d  %s\n"+
		"  exp   %d  %s, %s\n",
		c.Type, alg, c.Sub, c.Type,
		c.Iat, time.Unix(c.Iat, 0).UTC().Format(time.RFC3339),
		c.Exp, exp.Format(time.RFC3339), when)

	return err
}

func writeTokenJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(v)
}

// authProject is a project with auth, found around a folder, and its .env variables.
type authProject struct {
	project.Found
	Env map[string]string
}

// openAuthProject finds the project around dir (the working folder when empty) and
// reads its .env. Not finding one, or finding one without auth, is a usage error.
func openAuthProject(sys *System, dir string) (authProject, error) {
	wd, err := sys.Getwd()
	if err != nil {
		return authProject{}, err
	}

	start := wd
	if dir != "" {
		start = dir
		if !filepath.IsAbs(dir) {
			start = filepath.Join(wd, dir)
		}
	}

	found, err := project.Discover(start)
	if errors.Is(err, project.ErrNotFound) {
		return authProject{}, &ExitError{
			Code: ExitUsage,
			Err:  err,
			Hint: "Run this inside a project made by \"zentra init\", or pass --dir.",
		}
	}

	if err != nil {
		return authProject{}, usageError(err)
	}

	if !found.Auth {
		return authProject{}, usageError(noAuthError(found.Dir))
	}

	env, err := envfile.Read(found.EnvPath())
	if errors.Is(err, fs.ErrNotExist) {
		return authProject{}, &ExitError{
			Code: ExitUsage,
			Err:  fmt.Errorf("%s is missing", found.EnvPath()),
			Hint: "Copy .env.example to .env and fill in the AUTH__ keys " +
				"(\"zentra new-key\" makes one).",
		}
	}

	if err != nil {
		return authProject{}, usageError(err)
	}

	if !token.HasAuth(env) {
		return authProject{}, usageError(noAuthError(found.Dir))
	}

	return authProject{Found: found, Env: env}, nil
}

func noAuthError(dir string) error {
	return fmt.Errorf("the project in %s was made with --no-auth: it has no tokens or keys", dir)
}

// loadTokenSettings opens the project around dir and checks its token settings.
func loadTokenSettings(sys *System, dir string) (token.Settings, error) {
	p, err := openAuthProject(sys, dir)
	if err != nil {
		return token.Settings{}, err
	}

	warnEnvOverrides(sys)

	s, err := token.FromEnv(p.Env)
	if err != nil {
		ee := &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %w", p.EnvPath(), err)}
		if errors.Is(err, token.ErrKey) {
			ee.Hint = "\"zentra keys rotate\" writes new keys."
		}

		return token.Settings{}, ee
	}

	return s, nil
}

// warnEnvOverrides warns about auth settings in zentra's own environment: the project's
// settings loader prefers them to .env, but zentra reads .env only.
func warnEnvOverrides(sys *System) {
	for _, k := range []string{token.EnvAccessKey, token.EnvRefreshKey, token.EnvAlgorithm,
		token.EnvAccessTTL, token.EnvRefreshTTL} {
		if sys.Getenv(k) != "" {
			fmt.Fprintf(sys.Err, "warning: %s is set in the environment; the project would "+
				"use it over .env, but zentra reads .env only\n", k)
		}
	}
}
