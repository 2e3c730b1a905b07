package token_test

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zentra-cli/zentra/internal/token"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts -update
)

// Keys as the project writes them: 86 url-safe characters.
var (
	accessKey  = strings.Repeat("a", 43) + strings.Repeat("B", 43)
	refreshKey = strings.Repeat("c", 43) + strings.Repeat("D", 43)
)

func goodEnv(alg string) map[string]string {
	return map[string]string{
		"PROJECT_NAME":          "demo",
		token.EnvAccessKey:      accessKey,
		token.EnvRefreshKey:     refreshKey,
		token.EnvAlgorithm:      alg,
		token.EnvAccessTTL:      "15",
		token.EnvRefreshTTL:     "10080",
		"DB__URL":               "sqlite:///./dev.db",
		"BACKEND_CORS_ORIGINS":  "http://localhost",
		"AUTH__SOMETHING_EXTRA": "ignored",
	}
}

func TestFromEnvReadsSettings(t *testing.T) {
	s, err := token.FromEnv(goodEnv("HS384"))
	if err != nil {
		t.Fatal(err)
	}

	if s.Algorithm != "HS384" || string(s.AccessKey) != accessKey ||
		string(s.RefreshKey) != refreshKey {
		t.Errorf("settings = %+v", s)
	}

	if s.AccessTTL != 15*time.Minute || s.RefreshTTL != 10080*time.Minute {
		t.Errorf("ttl = %s, %s", s.AccessTTL, s.RefreshTTL)
	}

	if s.TTL(token.Refresh) != s.RefreshTTL || string(s.Key(token.Refresh)) != refreshKey {
		t.Error("Key or TTL of refresh picks the access setting")
	}
}

func TestFromEnvRefusesBadSettings(t *testing.T) {
	tests := []struct {
		name   string
		alg    string
		change map[string]string
		drop   []string
		want   string
		key    bool
	}{
		{name: "empty algorithm", alg: "", want: `AUTH__ALGORITHM is ""`},
		{name: "asymmetric algorithm", alg: "RS256", want: `AUTH__ALGORITHM is "RS256"`},
		{name: "algorithm none", alg: "none", want: `AUTH__ALGORITHM is "none"`},
		{name: "lower-case algorithm", alg: "hs256", want: `AUTH__ALGORITHM is "hs256"`},
		{name: "missing access key", alg: "HS256", drop: []string{token.EnvAccessKey},
			want: "bad secret key: AUTH__SECRET_ACCESS_KEY is missing", key: true},
		{name: "both keys missing", alg: "HS256",
			drop: []string{token.EnvAccessKey, token.EnvRefreshKey},
			want: "AUTH__SECRET_ACCESS_KEY and AUTH__SECRET_REFRESH_KEY are missing", key: true},
		{name: "empty refresh key", alg: "HS256",
			change: map[string]string{token.EnvRefreshKey: ""},
			want:   "AUTH__SECRET_REFRESH_KEY is empty", key: true},
		{name: "hs256 key of 31 bytes", alg: "HS256",
			change: map[string]string{token.EnvAccessKey: strings.Repeat("k", 31)},
			want:   "AUTH__SECRET_ACCESS_KEY is 31 bytes long; HS256 needs at least 32", key: true},
		{name: "hs384 key of 47 bytes", alg: "HS384",
			change: map[string]string{token.EnvRefreshKey: strings.Repeat("k", 47)},
			want:   "AUTH__SECRET_REFRESH_KEY is 47 bytes long; HS384 needs at least 48",
			key:    true},
		{name: "hs512 key of 63 bytes", alg: "HS512",
			change: map[string]string{token.EnvAccessKey: strings.Repeat("k", 63)},
			want:   "AUTH__SECRET_ACCESS_KEY is 63 bytes long; HS512 needs at least 64", key: true},
		{name: "equal keys", alg: "HS256",
			change: map[string]string{token.EnvRefreshKey: accessKey},
			want:   "are the same", key: true},
		{name: "expiry not a number", alg: "HS256",
			change: map[string]string{token.EnvAccessTTL: "15m"},
			want:   `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "15m"`},
		{name: "expiry zero", alg: "HS256", change: map[string]string{token.EnvAccessTTL: "0"},
			want: "AUTH__ACCESS_TOKEN_EXPIRE_MINS is \"0\""},
		{name: "expiry beyond a duration", alg: "HS256",
			change: map[string]string{token.EnvRefreshTTL: "999999999999"},
			want: "AUTH__REFRESH_TOKEN_EXPIRE_MINS is \"999999999999\"; it must be a whole " +
				"number of minutes from 1 to 153722867 (about 292 years)"},
		{name: "empty expiry", alg: "HS256", change: map[string]string{token.EnvRefreshTTL: ""},
			want: `AUTH__REFRESH_TOKEN_EXPIRE_MINS is ""`},
		{name: "default refresh expiry not longer than access", alg: "HS256",
			drop:   []string{token.EnvRefreshTTL},
			change: map[string]string{token.EnvAccessTTL: "20000"},
			want:   "AUTH__REFRESH_TOKEN_EXPIRE_MINS must be longer"},
		{name: "refresh not longer than access", alg: "HS256",
			change: map[string]string{token.EnvRefreshTTL: "15"},
			want:   "AUTH__REFRESH_TOKEN_EXPIRE_MINS must be longer"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := goodEnv(tt.alg)
			maps.Copy(env, tt.change)
			for _, k := range tt.drop {
				delete(env, k)
			}

			_, err := token.FromEnv(env)
			if err == nil {
				t.Fatal("no error")
			}

			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not say %q", msg, tt.want)
			}

			if errors.Is(err, token.ErrKey) != tt.key {
				t.Errorf("errors.Is(err, ErrKey) = %v, want %v", !tt.key, tt.key)
			}

			if strings.Contains(msg, accessKey) || strings.Contains(msg, refreshKey) ||
				strings.Contains(msg, strings.Repeat("k", 31)) {
				t.Errorf("error %q shows a key", msg)
			}
		})
	}
}

func TestFromEnvDefaultsAsTheProjectDoes(t *testing.T) {
	env := goodEnv("HS512")
	for _, k := range []string{token.EnvAlgorithm, token.EnvAccessTTL, token.EnvRefreshTTL} {
		delete(env, k)
	}

	s, err := token.FromEnv(env)
	if err != nil {
		t.Fatal(err)
	}

	if s.Algorithm != "HS256" || s.AccessTTL != 15*time.Minute ||
		s.RefreshTTL != 7*24*time.Hour {
		t.Errorf("defaults = %s, %s, %s; want HS256, 15m, 7 days", s.Algorithm, s.AccessTTL,
			s.RefreshTTL)
	}
}

func TestFromEnvTakesKeysOfExactlyTheDigestSize(t *testing.T) {
	for alg, n := range map[string]int{"HS256": 32, "HS384": 48, "HS512": 64} {
		env := goodEnv(alg)
		env[token.EnvAccessKey] = strings.Repeat("x", n)
		env[token.EnvRefreshKey] = strings.Repeat("y", n)

		if _, err := token.FromEnv(env); err != nil {
			t.Errorf("%s with %d-byte keys: %v", alg, n, err)
		}
	}
}

func TestMissingKeys(t *testing.T) {
	tests := []struct {
		name string
		drop []string
		want []string
	}{
		{name: "none missing"},
		{name: "access missing", drop: []string{token.EnvAccessKey},
			want: []string{token.EnvAccessKey}},
		{name: "both missing", drop: []string{token.EnvRefreshKey, token.EnvAccessKey},
			want: []string{token.EnvAccessKey, token.EnvRefreshKey}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := goodEnv("HS256")
			env[token.EnvRefreshKey+"_OLD"] = "x"
			for _, k := range tt.drop {
				delete(env, k)
			}

			if got := token.MissingKeys(env); !slices.Equal(got, tt.want) {
				t.Errorf("MissingKeys = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMissingKeysCountsAnEmptyKeyAsPresent(t *testing.T) {
	env := goodEnv("HS256")
	env[token.EnvAccessKey] = ""

	if got := token.MissingKeys(env); len(got) != 0 {
		t.Errorf("MissingKeys = %v, want none: an empty key is there to be filled in", got)
	}
}
