package token_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/zentra-cli/zentra/internal/token"
)

var now = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func settings(t *testing.T, alg string) token.Settings {
	t.Helper()

	s, err := token.FromEnv(goodEnv(alg))
	if err != nil {
		t.Fatal(err)
	}

	return s
}

// sign makes a token with exactly the given claims, as any JWT library would.
func sign(t *testing.T, m jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()

	s, err := jwt.NewWithClaims(m, claims).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}

	return s
}

// claims returns what the project issues for alice at now: an access token for 15 min.
func claims(typ string) jwt.MapClaims {
	return jwt.MapClaims{"sub": "alice", "iat": now.Unix(), "exp": now.Unix() + 900, "type": typ}
}

func without(c jwt.MapClaims, key string) jwt.MapClaims {
	c = maps.Clone(c)
	delete(c, key)

	return c
}

func with(c jwt.MapClaims, key string, v any) jwt.MapClaims {
	c = maps.Clone(c)
	c[key] = v

	return c
}

func TestCreateAndVerifyRoundTrip(t *testing.T) {
	for _, alg := range []string{"HS256", "HS384", "HS512"} {
		for _, typ := range []token.Type{token.Access, token.Refresh} {
			t.Run(alg+" "+string(typ), func(t *testing.T) {
				s := settings(t, alg)

				raw, c, err := s.Create("  Alice.Smith ", typ, 0, now)
				if err != nil {
					t.Fatal(err)
				}

				want := token.Claims{Sub: "alice.smith", Iat: now.Unix(),
					Exp: now.Add(s.TTL(typ)).Unix(), Type: typ}
				if c != want {
					t.Errorf("Create claims = %+v, want %+v", c, want)
				}

				got, err := s.Verify(raw+"\n", typ, now.Add(time.Minute))
				if err != nil {
					t.Fatal(err)
				}

				if got != want {
					t.Errorf("Verify claims = %+v, want %+v", got, want)
				}
			})
		}
	}
}

func TestCreateWritesOnlyTheProjectsClaims(t *testing.T) {
	raw, _, err := settings(t, "HS512").Create("bob", token.Refresh, 2*time.Hour, now)
	if err != nil {
		t.Fatal(err)
	}

	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d parts", len(parts))
	}

	var header, payload map[string]any
	decodePart(t, parts[0], &header)
	decodePart(t, parts[1], &payload)

	if header["alg"] != "HS512" || header["typ"] != "JWT" || len(header) != 2 {
		t.Errorf("header = %v", header)
	}

	keys := slices.Sorted(maps.Keys(payload))
	if !slices.Equal(keys, []string{"exp", "iat", "sub", "type"}) {
		t.Errorf("claims = %v, want exactly exp, iat, sub, type", keys)
	}

	// Integers, not floats with a fraction, and the lifetime given.
	if payload["iat"] != float64(now.Unix()) || payload["exp"] != float64(now.Unix()+7200) ||
		payload["sub"] != "bob" || payload["type"] != "refresh" {
		t.Errorf("payload = %v", payload)
	}

	if strings.ContainsAny(raw, "=+/") {
		t.Errorf("token %q is not url-safe base64 without padding", raw)
	}
}

func decodePart(t *testing.T, part string, v any) {
	t.Helper()

	b, err := base64.RawURLEncoding.DecodeString(part)
	if err != nil {
		t.Fatal(err)
	}

	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

func TestCreateRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		user string
		ttl  time.Duration
		want error
		says string
	}{
		{name: "name too short", user: "al", want: token.ErrUser, says: `invalid user name "al"`},
		{name: "name with a space", user: "al ice", want: token.ErrUser},
		{name: "name with a letter outside a-z", user: "zoë", want: token.ErrUser},
		{name: "empty name", user: "   ", want: token.ErrUser},
		{name: "name of 65 characters", user: strings.Repeat("a", 65), want: token.ErrUser},
		{name: "lifetime under a second", user: "alice", ttl: time.Millisecond,
			want: token.ErrLifetime, says: "invalid lifetime: 1ms is shorter than a second"},
		{name: "negative lifetime under a second", user: "alice", ttl: -999 * time.Millisecond,
			want: token.ErrLifetime, says: "shorter than a second"},
		{name: "expiring before 1970", user: "alice", ttl: -60 * 365 * 24 * time.Hour,
			want: token.ErrLifetime, says: "exp would fall before 1970 or after the year 9999"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := settings(t, "HS256").Create(tt.user, token.Access, tt.ttl, now)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error = %v, want %v saying %q", err, tt.want, tt.says)
			}
		})
	}
}

func TestNormalizeUserFoldsCase(t *testing.T) {
	tests := map[string]string{
		" Alice ":               "alice",
		"BOB_the-2nd.x":         "bob_the-2nd.x",
		"\u212Aelvin":           "kelvin", // KELVIN SIGN folds to k, as in Python's casefold
		"\u017Fam":              "sam",    // LATIN SMALL LETTER LONG S folds to s
		"STRASSE":               "strasse",
		strings.Repeat("Z", 64): strings.Repeat("z", 64),
	}

	for in, want := range tests {
		got, err := token.NormalizeUser(in)
		if err != nil || got != want {
			t.Errorf("NormalizeUser(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestCreateWithNegativeLifetimeMakesAnExpiredToken(t *testing.T) {
	s := settings(t, "HS256")

	raw, c, err := s.Create("alice", token.Access, -time.Hour, now)
	if err != nil {
		t.Fatal(err)
	}

	if c.Exp != now.Unix()-3600 {
		t.Errorf("exp = %d, want an hour before iat", c.Exp)
	}

	if _, err := s.Verify(raw, token.Access, now); !errors.Is(err, token.ErrExpired) {
		t.Errorf("Verify error = %v, want expired", err)
	}
}
