// Package token creates and verifies the JWTs of a generated project as the project's
// own code does: the same claims, keys and algorithm, read from its .env with the same
// rules. Settings.Verify lists the few ways its check differs.
package token

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Names of the .env settings the tokens depend on.
const (
	EnvAccessKey  = "AUTH__SECRET_ACCESS_KEY"
	EnvRefreshKey = "AUTH__SECRET_REFRESH_KEY"
	EnvAlgorithm  = "AUTH__ALGORITHM"
	EnvAccessTTL  = "AUTH__ACCESS_TOKEN_EXPIRE_MINS"
	EnvRefreshTTL = "AUTH__REFRESH_TOKEN_EXPIRE_MINS"
)

// Defaults the project's settings class applies when .env leaves a setting out.
const (
	defaultAlgorithm  = "HS256"
	defaultAccessMins = "15"
	defaultRefreshMin = "10080"
)

// MaxLifetimeMinutes is the longest lifetime the project accepts for either kind of
// token: ten years (of 365 days), in minutes.
const MaxLifetimeMinutes = 5_256_000

// digestSize is the output size in bytes of each accepted algorithm's hash, which is
// also the shortest key it may be given.
var digestSize = map[string]int{"HS256": 32, "HS384": 48, "HS512": 64}

// ErrKey is wrapped by FromEnv's error when a secret key is missing, empty, too short,
// padded with whitespace or equal to the other one.
var ErrKey = errors.New("bad secret key")

// Type is the kind of a token, written in its "type" claim.
type Type string

// The two kinds of token the generated project issues.
const (
	Access  Type = "access"
	Refresh Type = "refresh"
)

// Settings are what a project's tokens depend on.
type Settings struct {
	// Algorithm is HS256, HS384 or HS512.
	Algorithm string
	// AccessKey and RefreshKey are the HMAC keys: the .env values' UTF-8 bytes as
	// written, not decoded.
	AccessKey, RefreshKey []byte
	// AccessTTL and RefreshTTL are the configured lifetimes.
	AccessTTL, RefreshTTL time.Duration
}

// FromEnv reads the settings from a project's .env variables and applies the rules of
// the project's settings class (app/core/config.py), with its defaults:
//
//   - the algorithm is exactly HS256, HS384 or HS512, untrimmed and case-sensitive;
//   - both keys are present, neither starts or ends with whitespace, each is at least
//     as many UTF-8 bytes as the algorithm's digest (32, 48 or 64), and they differ;
//   - each lifetime is a whole number of minutes from 1 to MaxLifetimeMinutes, written
//     as the project's settings library reads integers, and the refresh lifetime is
//     longer than the access lifetime.
//
// Where the project would report several problems at once, FromEnv reports the first.
// Errors name the setting and never show a key.
//
// TODO: the project's settings library also matches names case-insensitively and
// accepts AUTH as one JSON object; FromEnv reads only the exact AUTH__ names, which is
// what zentra writes.
func FromEnv(env map[string]string) (Settings, error) {
	s := Settings{Algorithm: defaultAlgorithm}
	if v, ok := env[EnvAlgorithm]; ok {
		s.Algorithm = v
	}

	need, ok := digestSize[s.Algorithm]
	if !ok {
		return Settings{}, fmt.Errorf("%s is %q; only HS256, HS384 and HS512 are supported",
			EnvAlgorithm, s.Algorithm)
	}

	if missing := MissingKeys(env); len(missing) > 0 {
		verb := "is"
		if len(missing) > 1 {
			verb = "are"
		}

		return Settings{}, fmt.Errorf("%w: %s %s missing", ErrKey,
			strings.Join(missing, " and "), verb)
	}

	var err error
	if s.AccessKey, err = key(env[EnvAccessKey], EnvAccessKey, s.Algorithm, need); err != nil {
		return Settings{}, err
	}

	if s.RefreshKey, err = key(env[EnvRefreshKey], EnvRefreshKey, s.Algorithm,
		need); err != nil {
		return Settings{}, err
	}

	if string(s.AccessKey) == string(s.RefreshKey) {
		return Settings{}, fmt.Errorf("%w: %s and %s are the same; they must differ",
			ErrKey, EnvAccessKey, EnvRefreshKey)
	}

	if s.AccessTTL, err = minutes(env, EnvAccessTTL, defaultAccessMins); err != nil {
		return Settings{}, err
	}

	if s.RefreshTTL, err = minutes(env, EnvRefreshTTL, defaultRefreshMin); err != nil {
		return Settings{}, err
	}

	if s.RefreshTTL <= s.AccessTTL {
		return Settings{}, fmt.Errorf("%s must be longer than %s", EnvRefreshTTL, EnvAccessTTL)
	}

	return s, nil
}

// MissingKeys lists the secret keys that env does not define at all, access key first.
func MissingKeys(env map[string]string) []string {
	var missing []string
	for _, k := range []string{EnvAccessKey, EnvRefreshKey} {
		if _, ok := env[k]; !ok {
			missing = append(missing, k)
		}
	}

	return missing
}

// key returns the bytes of the key v, called name, refusing one that is empty, starts
// or ends with whitespace, or is shorter than the algorithm's digest.
func key(v, name, alg string, need int) ([]byte, error) {
	switch {
	case v == "":
		return nil, fmt.Errorf("%w: %s is empty", ErrKey, name)
	case strings.TrimFunc(v, pythonSpace) != v:
		return nil, fmt.Errorf("%w: %s starts or ends with whitespace; the project refuses "+
			"it", ErrKey, name)
	case len(v) < need:
		return nil, fmt.Errorf("%w: %s is %d bytes long; %s needs at least %d",
			ErrKey, name, len(v), alg, need)
	}

	return []byte(v), nil
}

// pythonSpace reports whether Python's str.strip removes r: Unicode white space, and
// also the four separators U+001C to U+001F.
func pythonSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// wholeNumber matches, once surrounding white space is trimmed, the text the project's
// settings library reads as an integer: an optional "+", digits with single underscores
// between them (leading zeros may be followed by underscores) and an optional fraction
// of zeros only, such as "15", "+015", "10_080" or "15.0".
var wholeNumber = regexp.MustCompile(`^\+?(?:0[0_]*)?(?:[1-9][0-9]*(?:_[0-9]+)*)?(?:\.0+)?$`)

// minutes reads a lifetime from 1 to MaxLifetimeMinutes minutes, def when name is absent.
func minutes(env map[string]string, name, def string) (time.Duration, error) {
	v, ok := env[name]
	if !ok {
		v = def
	}

	n, err := parseWhole(v)
	if err != nil || n < 1 || n > MaxLifetimeMinutes {
		return 0, fmt.Errorf("%s is %q; it must be a whole number of minutes from 1 to %d "+
			"(ten years)", name, v, MaxLifetimeMinutes)
	}

	return time.Duration(n) * time.Minute, nil
}

// parseWhole reads v as the project's settings library reads an integer.
func parseWhole(v string) (int64, error) {
	t := strings.TrimSpace(v)
	if !wholeNumber.MatchString(t) {
		return 0, fmt.Errorf("%q is not a whole number", v)
	}

	t, _, _ = strings.Cut(strings.TrimPrefix(t, "+"), ".")

	// An empty string, such as what is left of ".0", is refused here.
	return strconv.ParseInt(strings.ReplaceAll(t, "_", ""), 10, 64)
}

// Key returns the key that signs tokens of type t.
func (s Settings) Key(t Type) []byte {
	if t == Refresh {
		return s.RefreshKey
	}

	return s.AccessKey
}

// TTL returns the configured lifetime of tokens of type t.
func (s Settings) TTL(t Type) time.Duration {
	if t == Refresh {
		return s.RefreshTTL
	}

	return s.AccessTTL
}
