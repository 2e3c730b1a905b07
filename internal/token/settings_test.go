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

// badSetting is a change to goodEnv that the project refuses when it starts.
type badSetting struct {
	name   string
	change map[string]string
	drop   []string
	want   string
	// key is true when the error wraps ErrKey.
	key bool
}

// badSettings follow the rules of the project's settings class (app/core/config.py), in
// its order.
var badSettings = []badSetting{
	// ALGORITHM is exactly one of HS256, HS384 and HS512.
	{name: "empty algorithm", change: map[string]string{token.EnvAlgorithm: ""},
		want: `AUTH__ALGORITHM is ""; only HS256, HS384 and HS512 are supported`},
	{name: "asymmetric algorithm", change: map[string]string{token.EnvAlgorithm: "RS256"},
		want: `AUTH__ALGORITHM is "RS256"`},
	{name: "algorithm none", change: map[string]string{token.EnvAlgorithm: "none"},
		want: `AUTH__ALGORITHM is "none"`},
	{name: "lower-case algorithm", change: map[string]string{token.EnvAlgorithm: "hs256"},
		want: `AUTH__ALGORITHM is "hs256"`},
	{name: "algorithm with a trailing space",
		change: map[string]string{token.EnvAlgorithm: "HS256 "},
		want:   `AUTH__ALGORITHM is "HS256 "`},

	// Both keys are required.
	{name: "missing access key", drop: []string{token.EnvAccessKey},
		want: "bad secret key: AUTH__SECRET_ACCESS_KEY is missing", key: true},
	{name: "both keys missing", drop: []string{token.EnvAccessKey, token.EnvRefreshKey},
		want: "AUTH__SECRET_ACCESS_KEY and AUTH__SECRET_REFRESH_KEY are missing", key: true},

	// A key must not start or end with whitespace, as Python's str.strip sees it.
	{name: "key with a leading space", change: map[string]string{token.EnvAccessKey: " " +
		accessKey}, want: "AUTH__SECRET_ACCESS_KEY starts or ends with whitespace", key: true},
	{name: "key with a trailing tab", change: map[string]string{token.EnvRefreshKey: refreshKey +
		"\t"}, want: "AUTH__SECRET_REFRESH_KEY starts or ends with whitespace", key: true},
	{name: "key with a trailing newline",
		change: map[string]string{token.EnvAccessKey: accessKey + "\n"},
		want:   "starts or ends with whitespace", key: true},
	{name: "key with a trailing no-break space",
		change: map[string]string{token.EnvAccessKey: accessKey + "\u00a0"},
		want:   "starts or ends with whitespace", key: true},
	{name: "key with a leading unit separator",
		change: map[string]string{token.EnvAccessKey: "\x1f" + accessKey},
		want:   "starts or ends with whitespace", key: true},
	{name: "key of spaces only",
		change: map[string]string{token.EnvAccessKey: strings.Repeat(" ", 64)},
		want:   "starts or ends with whitespace", key: true},

	// A key is at least as many UTF-8 bytes as the algorithm's digest.
	{name: "empty refresh key", change: map[string]string{token.EnvRefreshKey: ""},
		want: "AUTH__SECRET_REFRESH_KEY is empty", key: true},
	{name: "hs256 key of 31 bytes",
		change: map[string]string{token.EnvAccessKey: strings.Repeat("k", 31)},
		want:   "AUTH__SECRET_ACCESS_KEY is 31 bytes long; HS256 needs at least 32", key: true},
	{name: "hs384 key of 47 bytes", change: map[string]string{token.EnvAlgorithm: "HS384",
		token.EnvRefreshKey: strings.Repeat("k", 47)},
		want: "AUTH__SECRET_REFRESH_KEY is 47 bytes long; HS384 needs at least 48", key: true},
	{name: "hs512 key of 63 bytes", change: map[string]string{token.EnvAlgorithm: "HS512",
		token.EnvAccessKey: strings.Repeat("k", 63)},
		want: "AUTH__SECRET_ACCESS_KEY is 63 bytes long; HS512 needs at least 64", key: true},
	{name: "hs512 key of 63 bytes in 32 characters",
		change: map[string]string{token.EnvAlgorithm: "HS512",
			token.EnvAccessKey: strings.Repeat("é", 31) + "k"},
		want: "AUTH__SECRET_ACCESS_KEY is 63 bytes long", key: true},

	// The keys differ.
	{name: "equal keys", change: map[string]string{token.EnvRefreshKey: accessKey},
		want: "AUTH__SECRET_ACCESS_KEY and AUTH__SECRET_REFRESH_KEY are the same", key: true},

	// A lifetime is an integer of minutes, more than 0 and at most ten years.
	{name: "lifetime zero", change: map[string]string{token.EnvAccessTTL: "0"},
		want: `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "0"; it must be a whole number of ` +
			"minutes from 1 to 5256000 (ten years)"},
	{name: "lifetime negative", change: map[string]string{token.EnvAccessTTL: "-15"},
		want: `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "-15"`},
	{name: "lifetime of ten years and a minute",
		change: map[string]string{token.EnvRefreshTTL: "5256001"},
		want:   `AUTH__REFRESH_TOKEN_EXPIRE_MINS is "5256001"`},
	{name: "lifetime beyond int64",
		change: map[string]string{token.EnvRefreshTTL: "99999999999999999999"},
		want:   `AUTH__REFRESH_TOKEN_EXPIRE_MINS is "99999999999999999999"`},
	{name: "empty lifetime", change: map[string]string{token.EnvRefreshTTL: ""},
		want: `AUTH__REFRESH_TOKEN_EXPIRE_MINS is ""`},
	{name: "lifetime with a unit", change: map[string]string{token.EnvAccessTTL: "15m"},
		want: `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "15m"`},
	{name: "lifetime with a fraction", change: map[string]string{token.EnvAccessTTL: "15.5"},
		want: `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "15.5"`},
	{name: "lifetime ending in a point", change: map[string]string{token.EnvAccessTTL: "15."},
		want: `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "15."`},
	{name: "lifetime with an exponent", change: map[string]string{token.EnvAccessTTL: "1e2"},
		want: `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "1e2"`},
	{name: "lifetime in hex", change: map[string]string{token.EnvAccessTTL: "0x10"},
		want: `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "0x10"`},
	{name: "lifetime with a double underscore",
		change: map[string]string{token.EnvAccessTTL: "1__5"},
		want:   `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "1__5"`},
	{name: "lifetime with a trailing underscore",
		change: map[string]string{token.EnvAccessTTL: "15_"},
		want:   `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "15_"`},
	{name: "lifetime in arabic-indic digits",
		change: map[string]string{token.EnvAccessTTL: "\u0661\u0665"},
		want:   `AUTH__ACCESS_TOKEN_EXPIRE_MINS is "١٥"`},

	// The refresh lifetime is longer than the access lifetime.
	{name: "refresh as long as access", change: map[string]string{token.EnvRefreshTTL: "15"},
		want: "AUTH__REFRESH_TOKEN_EXPIRE_MINS must be longer than " +
			"AUTH__ACCESS_TOKEN_EXPIRE_MINS"},
	{name: "default refresh not longer than access", drop: []string{token.EnvRefreshTTL},
		change: map[string]string{token.EnvAccessTTL: "20000"},
		want:   "AUTH__REFRESH_TOKEN_EXPIRE_MINS must be longer"},
}

func TestFromEnvRefusesWhatTheProjectRefuses(t *testing.T) {
	for _, tt := range badSettings {
		t.Run(tt.name, func(t *testing.T) {
			env := goodEnv("HS256")
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

			for _, k := range []string{token.EnvAccessKey, token.EnvRefreshKey} {
				if v := strings.TrimSpace(env[k]); len(v) >= 31 && strings.Contains(msg, v) {
					t.Errorf("error %q shows %s", msg, k)
				}
			}
		})
	}
}

func TestFromEnvAcceptsWhatTheProjectAccepts(t *testing.T) {
	tests := []struct {
		name                 string
		change               map[string]string
		accessMins, refrMins int64
	}{
		{name: "plain numbers", accessMins: 15, refrMins: 10080},
		{name: "numbers with spaces around them",
			change:     map[string]string{token.EnvAccessTTL: " 30\t"},
			accessMins: 30, refrMins: 10080},
		{name: "plus sign and leading zeros",
			change:     map[string]string{token.EnvAccessTTL: "+015"},
			accessMins: 15, refrMins: 10080},
		{name: "underscores between digits",
			change:     map[string]string{token.EnvRefreshTTL: "10_080", token.EnvAccessTTL: "0_5"},
			accessMins: 5, refrMins: 10080},
		{name: "a fraction of zeros", change: map[string]string{token.EnvAccessTTL: "15.00"},
			accessMins: 15, refrMins: 10080},
		{name: "the longest lifetime",
			change:     map[string]string{token.EnvRefreshTTL: "5256000"},
			accessMins: 15, refrMins: 5256000},
		{name: "keys with spaces inside",
			change: map[string]string{token.EnvAccessKey: "a b" + accessKey,
				token.EnvRefreshKey: "c d" + refreshKey},
			accessMins: 15, refrMins: 10080},
		{name: "keys of 32 bytes in 16 characters",
			change: map[string]string{token.EnvAccessKey: strings.Repeat("é", 16),
				token.EnvRefreshKey: strings.Repeat("ü", 16)},
			accessMins: 15, refrMins: 10080},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := goodEnv("HS256")
			maps.Copy(env, tt.change)

			s, err := token.FromEnv(env)
			if err != nil {
				t.Fatal(err)
			}

			if s.AccessTTL != time.Duration(tt.accessMins)*time.Minute ||
				s.RefreshTTL != time.Duration(tt.refrMins)*time.Minute {
				t.Errorf("lifetimes = %s, %s; want %d and %d minutes", s.AccessTTL,
					s.RefreshTTL, tt.accessMins, tt.refrMins)
			}

			if string(s.AccessKey) != env[token.EnvAccessKey] {
				t.Error("the access key is not the .env value byte for byte")
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
