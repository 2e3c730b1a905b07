package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/zentra-cli/zentra/internal/textutil"
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

	return newProjectGroup(sys, "token", "Create and verify JWTs with the project's keys",
		"Create and verify the JWTs of a project made by zentra, with the keys and\n"+
			"settings in its .env, as the project's own code does (\"zentra token verify\n"+
			"--help\" lists the few differences). The project is the one around the current\n"+
			"folder, or around --dir.\n\n"+
			"Exit codes: 0 done (a valid token for verify), 1 an invalid token, 2 bad\n"+
			"flags or no usable project (not inside one, made with --no-auth, bad .env).",
		&o.Dir, newTokenCreateCmd(o), newTokenVerifyCmd(o))
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
	f.Var(ttlValue{&o.TTL}, "ttl", "lifetime such as 30m or 12h (default: the project's "+
		"setting); a negative one makes an expired token, for tests")
	f.BoolVar(&o.JSON, "json", false, "print the token and its claims as one JSON object")

	return cmd
}

// maxTTL is the longest lifetime a time.Duration holds, in whole seconds.
var maxTTL = time.Duration(math.MaxInt64).Truncate(time.Second)

// durationSyntax matches what time.ParseDuration accepts, whatever the size, so that a
// lifetime too long to hold can be told from one that is not a duration at all.
var durationSyntax = regexp.MustCompile(
	`^[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$`)

// ttlValue is the --ttl flag: a duration whose error says when it is too long.
type ttlValue struct{ d *time.Duration }

func (v ttlValue) String() string {
	if v.d == nil {
		return "0s"
	}

	return v.d.String()
}

func (v ttlValue) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil && durationSyntax.MatchString(s) {
		return fmt.Errorf("out of range: a lifetime is at most %s either way", maxTTL)
	}

	if err != nil {
		return err
	}

	*v.d = d

	return nil
}

func (ttlValue) Type() string { return "duration" }

func runTokenCreate(o *tokenOptions) error {
	if o.User == "" {
		return usageError(errors.New("--user is required: the name of the user the token is for"))
	}

	s, err := loadTokenSettings(o.sys, o.Dir)
	if err != nil {
		return err
	}

	raw, claims, err := s.Create(o.User, o.kind(), o.TTL, o.sys.Now())
	if errors.Is(err, token.ErrUser) || errors.Is(err, token.ErrLifetime) {
		return usageError(err)
	}

	if err != nil {
		return err
	}

	if o.JSON {
		return writeJSON(o.sys.Out, struct {
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
			"sub, iat, exp and type present; type matching; not expired, not issued in the\n" +
			"future and not before its nbf; no aud claim. TOKEN \"-\" reads it from stdin.\n\n" +
			"It differs from the project's own check in three ways only. It forgives " +
			token.Leeway.String() + " of\n" +
			"clock difference where the project forgives none, and says so when a token is\n" +
			"valid only thanks to that. It takes exp, iat and nbf only as JSON integers from\n" +
			"0 (1970) to the end of the year 9999, as the project writes them, where the\n" +
			"project takes whatever Python's int() reads, such as \"1740830400\" or 1.5e9.\n" +
			"And it refuses any \"crit\" header, where the project refuses only the\n" +
			"extensions its JWT library does not support.\n\n" +
			"A valid token prints its claims and exits 0; an invalid one prints one line\n" +
			"saying why on stderr and exits 1.",
		Example: "  zentra token verify \"$TOKEN\"\n" +
			"  zentra token create --user alice --refresh | zentra token verify --refresh -",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTokenVerify(cmd.Context(), o, args[0])
		},
	}

	f := cmd.Flags()
	f.BoolVar(&o.Refresh, "refresh", false, "expect a refresh token instead of an access token")
	f.BoolVar(&o.JSON, "json", false, "print the claims of a valid token as one JSON object")

	return cmd
}

// maxTokenBytes bounds what verify reads from stdin; a token is a few hundred bytes.
const maxTokenBytes = 64 << 10

func runTokenVerify(ctx context.Context, o *tokenOptions, raw string) error {
	if raw == "-" {
		var err error
		if raw, err = readToken(ctx, o.sys.In); err != nil {
			return err
		}
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
		return writeJSON(o.sys.Out, struct {
			Valid        bool         `json:"valid"`
			Algorithm    string       `json:"algorithm"`
			Claims       token.Claims `json:"claims"`
			WithinLeeway []string     `json:"within_leeway"`
		}{true, s.Algorithm, claims, append([]string{}, claims.WithinLeeway(now)...)})
	}

	return writeClaims(o.sys.Out, s.Algorithm, claims, now)
}

// readToken reads a token from in, at most maxTokenBytes of it, and gives up with
// ctx's error when ctx ends first. A read still blocked then is left behind: the
// process is about to exit.
func readToken(ctx context.Context, in io.Reader) (string, error) {
	type result struct {
		b   []byte
		err error
	}

	done := make(chan result, 1)
	go func() {
		b, err := io.ReadAll(io.LimitReader(in, maxTokenBytes+1))
		done <- result{b, err}
	}()

	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case r := <-done:
		if r.err != nil {
			return "", fmt.Errorf("read the token from stdin: %w", r.err)
		}

		if len(r.b) > maxTokenBytes {
			return "", usageError(fmt.Errorf("stdin holds more than %d KiB, too much for "+
				"a token", maxTokenBytes>>10))
		}

		return string(r.b), nil
	}
}

// writeClaims prints a valid token's claims for people, with a note when it is valid
// only thanks to the leeway.
func writeClaims(w io.Writer, alg string, c token.Claims, now time.Time) error {
	unix := func(n int64) string { return time.Unix(n, 0).UTC().Format(time.RFC3339) }

	var b strings.Builder
	fmt.Fprintf(&b, "valid %s token (%s)\n  sub   %s\n  type  %s\n  iat   %d  %s\n",
		c.Type, alg, textutil.Printable(c.Sub), c.Type, c.Iat, unix(c.Iat))
	fmt.Fprintf(&b, "  exp   %d  %s, %s\n", c.Exp, unix(c.Exp), c.Expiry(now))

	if c.Nbf != 0 {
		fmt.Fprintf(&b, "  nbf   %d  %s\n", c.Nbf, unix(c.Nbf))
	}

	if notes := c.WithinLeeway(now); len(notes) > 0 {
		fmt.Fprintf(&b, "note: valid only thanks to the %s leeway for clock differences "+
			"(%s); the project's own check allows none\n", token.Leeway,
			strings.Join(notes, ", "))
	}

	_, err := io.WriteString(w, b.String())

	return err
}

// writeJSON prints v as indented JSON, the form of every --json output.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(v)
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
		switch {
		case len(token.MissingKeys(p.Env)) > 0:
			ee.Hint = "Run \"zentra keys rotate\" to add the missing keys to .env."
		case errors.Is(err, token.ErrKey):
			ee.Hint = "Run \"zentra keys rotate\" to write new keys."
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
