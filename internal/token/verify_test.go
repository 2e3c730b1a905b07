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

// refusal is a token that Verify must refuse.
type refusal struct {
	name string
	// raw makes the token; key and claims sign one with HS256 when raw is nil.
	raw    func(t *testing.T) string
	key    []byte
	claims jwt.MapClaims
	// typ is the type Verify expects; access when empty.
	typ  token.Type
	want error
	says string
}

// refuseAll checks that an HS256 project's Verify refuses each token with one line that
// wraps the wanted reason.
func refuseAll(t *testing.T, cases []refusal) {
	t.Helper()

	s := settings(t, "HS256")
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			raw := ""
			if tt.raw != nil {
				raw = tt.raw(t)
			} else {
				raw = sign(t, jwt.SigningMethodHS256, tt.key, tt.claims)
			}

			typ := tt.typ
			if typ == "" {
				typ = token.Access
			}

			_, err := s.Verify(raw, typ, now)
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

// later is a Unix time d after now.
func later(d time.Duration) int64 { return now.Add(d).Unix() }

func TestVerifyRefusesTokensOutsideTheirTime(t *testing.T) {
	access := []byte(accessKey)

	refuseAll(t, []refusal{
		{name: "expired beyond the leeway", key: access, want: token.ErrExpired,
			claims: with(claims("access"), "exp", later(-31*time.Second)),
			says:   "expired at 2025-03-01T11:59:29Z"},
		{name: "exp zero", key: access, claims: with(claims("access"), "exp", 0),
			want: token.ErrExpired, says: "1970-01-01T00:00:00Z"},
		{name: "iat in the future beyond the leeway", key: access, want: token.ErrIssuedLater,
			claims: with(claims("access"), "iat", later(31*time.Second)),
			says:   "iat is 2025-03-01T12:00:31Z"},
		{name: "nbf in the future", key: access, want: token.ErrNotYetValid,
			claims: with(claims("access"), "nbf", later(time.Hour)),
			says:   "nbf is 2025-03-01T13:00:00Z"},
	})
}

func TestVerifyRefusesTheWrongKeyOrType(t *testing.T) {
	access, refresh := []byte(accessKey), []byte(refreshKey)

	refuseAll(t, []refusal{
		{name: "signed with another key", key: []byte(strings.Repeat("z", 86)),
			claims: claims("access"), want: token.ErrSignature,
			says: "not signed with this project's access key"},
		{name: "refresh token as access token", key: refresh, claims: claims("refresh"),
			want: token.ErrSignature,
			says: "signed with the refresh key, not the access key (is it a refresh token?)"},
		{name: "access token as refresh token", typ: token.Refresh, key: access,
			claims: claims("access"), want: token.ErrSignature,
			says: "signed with the access key, not the refresh key (is it an access token?)"},
		{name: "refresh type under the access key", key: access, claims: claims("refresh"),
			want: token.ErrType, says: `the token's type is "refresh", not "access"`},
		{name: "access type under the refresh key", typ: token.Refresh, key: refresh,
			claims: claims("access"), want: token.ErrType,
			says: `the token's type is "access", not "refresh"`},
		{name: "payload changed after signing", want: token.ErrSignature,
			raw: func(t *testing.T) string {
				good := strings.Split(sign(t, jwt.SigningMethodHS256, access,
					claims("access")), ".")
				other := strings.Split(sign(t, jwt.SigningMethodHS256, access,
					with(claims("access"), "sub", "admin")), ".")

				return good[0] + "." + other[1] + "." + good[2]
			}},
	})
}

func TestVerifyRefusesMissingOrOddClaims(t *testing.T) {
	access := []byte(accessKey)
	c := claims("access")

	refuseAll(t, []refusal{
		{name: "missing sub", key: access, claims: without(c, "sub"),
			want: token.ErrMissingClaim, says: "claim: sub"},
		{name: "empty sub", key: access, claims: with(c, "sub", ""),
			want: token.ErrMissingClaim, says: "claim: sub"},
		{name: "null sub", key: access, claims: with(c, "sub", nil),
			want: token.ErrMissingClaim, says: "claim: sub"},
		{name: "sub in capitals only", key: access, claims: with(without(c, "sub"), "SUB",
			"alice"), want: token.ErrMissingClaim, says: "claim: sub"},
		{name: "sub not a string", key: access, claims: with(c, "sub", 42),
			want: token.ErrMalformed, says: "sub is 42; it must be a string"},
		{name: "missing exp", key: access, claims: without(c, "exp"),
			want: token.ErrMissingClaim, says: "claim: exp"},
		{name: "missing iat", key: access, claims: without(c, "iat"),
			want: token.ErrMissingClaim, says: "claim: iat"},
		{name: "missing type", key: access, claims: without(c, "type"),
			want: token.ErrMissingClaim, says: "claim: type"},
		{name: "type with a capital only", key: access, claims: with(without(c, "type"), "Type",
			"access"), want: token.ErrMissingClaim, says: "claim: type"},
		{name: "an audience", key: access, claims: with(c, "aud", "api"),
			want: token.ErrAudience, says: "the token has an aud claim"},
		{name: "a list of audiences", key: access, claims: with(c, "aud", []string{"a", "b"}),
			want: token.ErrAudience},
		{name: "jti not a string", key: access, claims: with(c, "jti", 7),
			want: token.ErrMalformed, says: "jti is 7; it must be a string"},
	})
}

func TestVerifyRefusesOtherAlgorithmsAndHeaders(t *testing.T) {
	access := []byte(accessKey)
	signed := func(m jwt.SigningMethod, key any) func(t *testing.T) string {
		return func(t *testing.T) string { return sign(t, m, key, claims("access")) }
	}
	reheaded := func(header string) func(t *testing.T) string {
		return func(t *testing.T) string {
			return withHeader(t, sign(t, jwt.SigningMethodHS256, access, claims("access")),
				header)
		}
	}

	refuseAll(t, []refusal{
		{name: "alg none", want: token.ErrAlgorithm,
			raw:  signed(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType),
			says: `the token uses "none"; the project uses HS256`},
		{name: "hs384 token in an hs256 project", raw: signed(jwt.SigningMethodHS384, access),
			want: token.ErrAlgorithm, says: `the token uses "HS384"`},
		{name: "hs512 token in an hs256 project", raw: signed(jwt.SigningMethodHS512, access),
			want: token.ErrAlgorithm},
		{name: "rs256 header", raw: reheaded(`{"alg":"RS256","typ":"JWT"}`),
			want: token.ErrAlgorithm, says: "RS256"},
		{name: "no alg in the header", raw: reheaded(`{"typ":"JWT"}`),
			want: token.ErrAlgorithm, says: "names no algorithm"},
		{name: "crit header", want: token.ErrCritical, says: `the token's header has "crit"`,
			raw: func(t *testing.T) string {
				return signWithHeader(t, access, claims("access"), "crit", []string{"exp"})
			}},
		{name: "unencoded payload", want: token.ErrMalformed, says: `"b64": false`,
			raw: func(t *testing.T) string {
				return signWithHeader(t, access, claims("access"), "b64", false)
			}},
	})
}

func TestVerifyTakesTimesOnlyAsWholeSeconds(t *testing.T) {
	access := []byte(accessKey)
	c := claims("access")

	refuseAll(t, []refusal{
		{name: "exp a string", key: access, claims: with(c, "exp", "1740831300"),
			want: token.ErrMalformed,
			says: "exp is a string; it must be a whole number of seconds"},
		{name: "exp a fraction", key: access, claims: with(c, "exp", 1740831300.5),
			want: token.ErrMalformed, says: "exp is 1740831300.5;"},
		{name: "iat a whole fraction", key: access,
			claims: with(c, "iat", json.Number("1740830400.0")),
			want:   token.ErrMalformed, says: "iat is 1740830400.0;"},
		{name: "exp far beyond the year 9999", key: access,
			claims: with(c, "exp", json.Number("1e300")), want: token.ErrMalformed,
			says: "exp is 1e300; it must be a whole number of seconds from 0 to 253402300799"},
		{name: "exp after the year 9999", key: access, claims: with(c, "exp", 253402300800),
			want: token.ErrMalformed, says: "exp is 253402300800;"},
		{name: "exp beyond int64", key: access,
			claims: with(c, "exp", json.Number("1234567890123456789012345678901234567890")),
			want:   token.ErrMalformed, says: "exp is 123456789012345678901234...;"},
		{name: "iat before 1970", key: access, claims: with(c, "iat", -1),
			want: token.ErrMalformed, says: "iat is -1;"},
		{name: "exp null", key: access, claims: with(c, "exp", nil),
			want: token.ErrMalformed, says: "exp is null;"},
		{name: "nbf an object", key: access,
			claims: with(c, "nbf", map[string]any{"\u001b[2J": 1}),
			want:   token.ErrMalformed, says: "nbf is an object;"},
	})
}

func TestVerifyRefusesWhatIsNoToken(t *testing.T) {
	refuseAll(t, []refusal{
		{name: "two parts", want: token.ErrMalformed,
			raw: func(*testing.T) string { return "abc.def" }},
		{name: "not base64", want: token.ErrMalformed,
			raw: func(*testing.T) string { return "a!b.c!d.e!f" }},
	})
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

func TestExpirySaysWhenTheTokenExpires(t *testing.T) {
	tests := []struct {
		name string
		exp  int64
		want string
	}{
		{name: "in the future", exp: later(10 * time.Minute), want: "expires in 10m0s"},
		{name: "a second from now", exp: later(time.Second), want: "expires in 1s"},
		{name: "this very second", exp: now.Unix(), want: "expired 0s ago"},
		{name: "in the past", exp: later(-90 * time.Second), want: "expired 1m30s ago"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := token.Claims{Exp: tt.exp}
			if got := c.Expiry(now.Add(400 * time.Millisecond)); got != tt.want {
				t.Errorf("Expiry = %q, want %q", got, tt.want)
			}
		})
	}
}
