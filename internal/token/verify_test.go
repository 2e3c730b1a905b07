package token_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/zentra-cli/zentra/internal/token"
)

func TestVerifyRefusesBadTokens(t *testing.T) {
	hs256 := jwt.SigningMethodHS256
	access, refresh := []byte(accessKey), []byte(refreshKey)
	later := func(d time.Duration) int64 { return now.Add(d).Unix() }

	tests := []struct {
		name string
		raw  func(t *testing.T) string
		typ  token.Type
		want error
		says string
	}{
		{name: "expired beyond the leeway", typ: token.Access, want: token.ErrExpired,
			says: "expired at 2025-03-01T11:59:29Z",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp", later(-31*time.Second)))
			}},
		{name: "exp zero", typ: token.Access, want: token.ErrExpired,
			says: "1970-01-01T00:00:00Z",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp", 0))
			}},
		{name: "signed with another key", typ: token.Access, want: token.ErrSignature,
			says: "not signed with this project's access key",
			raw: func(t *testing.T) string {
				return sign(t, hs256, []byte(strings.Repeat("z", 86)), claims("access"))
			}},
		{name: "refresh token as access token", typ: token.Access, want: token.ErrSignature,
			says: "signed with the refresh key, not the access key (is it a refresh token?)",
			raw: func(t *testing.T) string {
				return sign(t, hs256, refresh, claims("refresh"))
			}},
		{name: "access token as refresh token", typ: token.Refresh, want: token.ErrSignature,
			says: "signed with the access key, not the refresh key (is it an access token?)",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, claims("access"))
			}},
		{name: "refresh type under the access key", typ: token.Access, want: token.ErrType,
			says: `the token's type is "refresh", not "access"`,
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, claims("refresh"))
			}},
		{name: "access type under the refresh key", typ: token.Refresh, want: token.ErrType,
			says: `the token's type is "access", not "refresh"`,
			raw: func(t *testing.T) string {
				return sign(t, hs256, refresh, claims("access"))
			}},
		{name: "missing sub", typ: token.Access, want: token.ErrMissingClaim, says: "claim: sub",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, without(claims("access"), "sub"))
			}},
		{name: "empty sub", typ: token.Access, want: token.ErrMissingClaim, says: "claim: sub",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "sub", ""))
			}},
		{name: "sub not a string", typ: token.Access, want: token.ErrMalformed, says: "sub",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "sub", 42))
			}},
		{name: "missing exp", typ: token.Access, want: token.ErrMissingClaim, says: "claim: exp",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, without(claims("access"), "exp"))
			}},
		{name: "missing iat", typ: token.Access, want: token.ErrMissingClaim, says: "claim: iat",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, without(claims("access"), "iat"))
			}},
		{name: "missing type", typ: token.Access, want: token.ErrMissingClaim,
			says: "claim: type",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, without(claims("access"), "type"))
			}},
		{name: "iat in the future beyond the leeway", typ: token.Access,
			want: token.ErrIssuedLater, says: "iat is 2025-03-01T12:00:31Z",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "iat", later(31*time.Second)))
			}},
		{name: "nbf in the future", typ: token.Access, want: token.ErrNotYetValid,
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "nbf", later(time.Hour)))
			}},
		{name: "alg none", typ: token.Access, want: token.ErrAlgorithm,
			says: `the token uses "none"; the project uses HS256`,
			raw: func(t *testing.T) string {
				return sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType,
					claims("access"))
			}},
		{name: "hs384 token in an hs256 project", typ: token.Access, want: token.ErrAlgorithm,
			says: `the token uses "HS384"`,
			raw: func(t *testing.T) string {
				return sign(t, jwt.SigningMethodHS384, access, claims("access"))
			}},
		{name: "hs512 token in an hs256 project", typ: token.Access, want: token.ErrAlgorithm,
			raw: func(t *testing.T) string {
				return sign(t, jwt.SigningMethodHS512, access, claims("access"))
			}},
		{name: "rs256 header", typ: token.Access, want: token.ErrAlgorithm, says: "RS256",
			raw: func(t *testing.T) string {
				return withHeader(t, sign(t, hs256, access, claims("access")),
					`{"alg":"RS256","typ":"JWT"}`)
			}},
		{name: "no alg in the header", typ: token.Access, want: token.ErrAlgorithm,
			says: "names no algorithm",
			raw: func(t *testing.T) string {
				return withHeader(t, sign(t, hs256, access, claims("access")), `{"typ":"JWT"}`)
			}},
		{name: "payload changed after signing", typ: token.Access, want: token.ErrSignature,
			raw: func(t *testing.T) string {
				good := strings.Split(sign(t, hs256, access, claims("access")), ".")
				other := strings.Split(sign(t, hs256, access, with(claims("access"), "sub",
					"admin")), ".")

				return good[0] + "." + other[1] + "." + good[2]
			}},
		{name: "crit header", typ: token.Access, want: token.ErrCritical,
			says: `the token's header has "crit"`,
			raw: func(t *testing.T) string {
				return signWithHeader(t, access, claims("access"), "crit", []string{"exp"})
			}},
		{name: "exp a string", typ: token.Access, want: token.ErrMalformed,
			says: "exp is a string; it must be a whole number of seconds",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp", "1740831300"))
			}},
		{name: "exp a fraction", typ: token.Access, want: token.ErrMalformed,
			says: "exp is 1740831300.5;",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp", 1740831300.5))
			}},
		{name: "iat a whole fraction", typ: token.Access, want: token.ErrMalformed,
			says: "iat is 1740830400.0;",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "iat",
					json.Number("1740830400.0")))
			}},
		{name: "exp far beyond the year 9999", typ: token.Access, want: token.ErrMalformed,
			says: "exp is 1e300; it must be a whole number of seconds from 0 to 253402300799",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp", json.Number("1e300")))
			}},
		{name: "exp after the year 9999", typ: token.Access, want: token.ErrMalformed,
			says: "exp is 253402300800;",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp", 253402300800))
			}},
		{name: "exp beyond int64", typ: token.Access, want: token.ErrMalformed,
			says: "exp is 123456789012345678901234...;",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp",
					json.Number("1234567890123456789012345678901234567890")))
			}},
		{name: "iat before 1970", typ: token.Access, want: token.ErrMalformed,
			says: "iat is -1;",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "iat", -1))
			}},
		{name: "exp null", typ: token.Access, want: token.ErrMalformed, says: "exp is null;",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "exp", nil))
			}},
		{name: "nbf an object", typ: token.Access, want: token.ErrMalformed,
			says: "nbf is an object;",
			raw: func(t *testing.T) string {
				return sign(t, hs256, access, with(claims("access"), "nbf",
					map[string]any{"\u001b[2J": 1}))
			}},
		{name: "two parts", typ: token.Access, want: token.ErrMalformed,
			raw: func(*testing.T) string { return "abc.def" }},
		{name: "not base64", typ: token.Access, want: token.ErrMalformed,
			raw: func(*testing.T) string { return "a!b.c!d.e!f" }},
	}

	s := settings(t, "HS256")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Verify(tt.raw(t), tt.typ, now)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}

			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not say %q", err, tt.says)
			}

			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is more than one line", err)
			}
		})
	}
}

// signWithHeader signs claims under HS256 with one more header field.
func signWithHeader(t *testing.T, key []byte, c jwt.MapClaims, name string, v any) string {
	t.Helper()

	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	tok.Header[name] = v

	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}

	return s
}

// withHeader swaps raw's header for another; the signature no longer matters.
func withHeader(t *testing.T, raw, header string) string {
	t.Helper()

	i := strings.IndexByte(raw, '.')

	return base64.RawURLEncoding.EncodeToString([]byte(header)) + raw[i:]
}

func TestVerifyForgivesSmallClockDifferences(t *testing.T) {
	s := settings(t, "HS256")
	tests := []struct {
		name     string
		iat, exp time.Duration
	}{
		{name: "expired within the leeway", iat: -15 * time.Minute, exp: -29 * time.Second},
		{name: "issued a little in the future", iat: 29 * time.Second, exp: 15 * time.Minute},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := with(with(claims("access"), "iat", now.Add(tt.iat).Unix()), "exp",
				now.Add(tt.exp).Unix())

			if _, err := s.Verify(sign(t, jwt.SigningMethodHS256, s.AccessKey, c),
				token.Access, now); err != nil {
				t.Errorf("error = %v, want none", err)
			}
		})
	}
}

func TestVerifyInHS384AndHS512Projects(t *testing.T) {
	for alg, m := range map[string]jwt.SigningMethod{
		"HS384": jwt.SigningMethodHS384, "HS512": jwt.SigningMethodHS512,
	} {
		t.Run(alg, func(t *testing.T) {
			s := settings(t, alg)

			if _, err := s.Verify(sign(t, m, s.RefreshKey, claims("refresh")), token.Refresh,
				now); err != nil {
				t.Errorf("a %s refresh token: %v", alg, err)
			}

			_, err := s.Verify(sign(t, jwt.SigningMethodHS256, s.AccessKey, claims("access")),
				token.Access, now)
			if !errors.Is(err, token.ErrAlgorithm) {
				t.Errorf("an HS256 token: error = %v, want wrong algorithm", err)
			}
		})
	}
}

func TestVerifyNamesWhatOnlyTheLeewayLetsThrough(t *testing.T) {
	s := settings(t, "HS256")
	later := func(d time.Duration) int64 { return now.Add(d).Unix() }
	tests := []struct {
		name string
		c    jwt.MapClaims
		want []string
	}{
		{name: "fresh token", c: claims("access")},
		{name: "nbf in the past", c: with(claims("access"), "nbf", later(-time.Minute))},
		{name: "expired within the leeway",
			c:    with(claims("access"), "exp", later(-20*time.Second)),
			want: []string{"expired 20s ago"}},
		{name: "expiring this very second", c: with(claims("access"), "exp", now.Unix()),
			want: []string{"expired 0s ago"}},
		{name: "issued in the future",
			c:    with(claims("access"), "iat", later(10*time.Second)),
			want: []string{"issued 10s in the future"}},
		{name: "nbf in the future",
			c:    with(claims("access"), "nbf", later(29*time.Second)),
			want: []string{"not valid for another 29s"}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := s.Verify(sign(t, jwt.SigningMethodHS256, s.AccessKey, tt.c), token.Access,
				now)
			if err != nil {
				t.Fatal(err)
			}

			if got := c.WithinLeeway(now); !slices.Equal(got, tt.want) {
				t.Errorf("WithinLeeway = %q, want %q", got, tt.want)
			}

			if nbf, ok := tt.c["nbf"].(int64); ok && c.Nbf != nbf {
				t.Errorf("Nbf = %d, want %d", c.Nbf, nbf)
			}
		})
	}
}
