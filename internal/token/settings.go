// Package token creates and verifies the JWTs of a generated project, exactly as the
// project's own code does: the same claims, keys and algorithm, read from its .env.
package token

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
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

// digestSize is the output size in bytes of each accepted algorithm's hash, which is
// also the shortest key it may be given.
var digestSize = map[string]int{"HS256": 32, "HS384": 48, "HS512": 64}

// ErrKey is wrapped by FromEnv's error when a secret key is missing, empty, too short
// or equal to the other one.
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

// FromEnv reads the settings from a project's .env variables and checks them as the
// project does when it starts, with the same defaults for the algorithm and lifetimes.
// Errors name the setting and never show a key.
func FromEnv(env map[string]string) (Settings, error) {
	var s Settings

	s.Algorithm = setting(env, EnvAlgorithm, defaultAlgorithm)
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
	if s.AccessKey, err = key(env, EnvAccessKey, s.Algorithm, need); err != nil {
		return Settings{}, err
	}

	if s.RefreshKey, err = key(env, EnvRefreshKey, s.Algorithm, need); err != nil {
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

// key returns the named key's bytes, refusing one that is missing, empty or shorter
// than the algorithm's digest.
func key(env map[string]string, name, alg string, need int) ([]byte, error) {
	v, ok := env[name]
	switch {
	case !ok:
		return nil, fmt.Errorf("%w: %s is missing", ErrKey, name)
	case v == "":
		return nil, fmt.Errorf("%w: %s is empty", ErrKey, name)
	case len(v) < need:
		return nil, fmt.Errorf("%w: %s is %d bytes long; %s needs at least %d",
			ErrKey, name, len(v), alg, need)
	}

	return []byte(v), nil
}

// maxMinutes keeps a lifetime within what a time.Duration holds (about 290 years).
const maxMinutes = int64(math.MaxInt64 / time.Minute)

// setting returns env[name] without surrounding spaces, or def when name is absent.
func setting(env map[string]string, name, def string) string {
	v, ok := env[name]
	if !ok {
		return def
	}

	return strings.TrimSpace(v)
}

// minutes reads a whole, positive number of minutes, def when name is absent.
func minutes(env map[string]string, name, def string) (time.Duration, error) {
	v := setting(env, name, def)

	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 || n > maxMinutes {
		return 0, fmt.Errorf("%s is %q; it must be a whole number of minutes from 1 to %d "+
			"(about 292 years)", name, v, maxMinutes)
	}

	return time.Duration(n) * time.Minute, nil
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
