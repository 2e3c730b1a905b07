package token

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// maxUnix is the last second of the year 9999, the latest time a token may name.
const maxUnix = 253402300799

// wireClaims is a token's payload as Verify reads it. Pointers tell a missing claim from
// an empty one; a claim of the wrong JSON type makes the token malformed.
type wireClaims struct {
	Sub  *string
	Exp  *jwt.NumericDate
	Iat  *jwt.NumericDate
	Nbf  *jwt.NumericDate
	Type *string
	// Aud is true when the token names an audience (an aud claim that is not null, ""
	// or []).
	Aud bool
}

var _ jwt.Claims = (*wireClaims)(nil)

// claimError is the error of a claim whose JSON value is not what the project accepts.
// The parser reports it as a malformed token.
type claimError struct {
	name string
	// what describes the value: the number itself, or its JSON kind.
	what string
	// want says what the value must be.
	want string
}

func (e *claimError) Error() string {
	return fmt.Sprintf("%s is %s; it must be %s", e.name, e.what, e.want)
}

// wantSeconds is what a time claim must be.
var wantSeconds = fmt.Sprintf("a whole number of seconds from 0 to %d (the end of the "+
	"year 9999)", maxUnix)

// UnmarshalJSON reads the payload strictly: claim names match exactly, as they do for
// the project, and exp, iat and nbf must be JSON integers, as the project writes them,
// not strings, fractions or exponents. A null sub or type counts as missing, as it does
// for the project; a jti must be a string.
func (c *wireClaims) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}

	var err error
	if c.Sub, err = text("sub", raw["sub"]); err != nil {
		return err
	}

	if c.Type, err = text("type", raw["type"]); err != nil {
		return err
	}

	if jti, ok := raw["jti"]; ok && !jsonString(jti) {
		return &claimError{name: "jti", what: describe(string(bytes.TrimSpace(jti))),
			want: "a string"}
	}

	c.Aud = namesAudience(raw["aud"])

	for _, f := range []struct {
		name string
		dst  **jwt.NumericDate
	}{{"exp", &c.Exp}, {"iat", &c.Iat}, {"nbf", &c.Nbf}} {
		if *f.dst, err = seconds(f.name, raw[f.name]); err != nil {
			return err
		}
	}

	return nil
}

// text reads a string claim; nil when the claim is absent or null.
func text(name string, raw json.RawMessage) (*string, error) {
	v := bytes.TrimSpace(raw)
	if len(v) == 0 || string(v) == "null" {
		return nil, nil
	}

	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return nil, &claimError{name: name, what: describe(string(v)), want: "a string"}
	}

	return &s, nil
}

// jsonString reports whether raw, a valid JSON value, is a string.
func jsonString(raw json.RawMessage) bool {
	return bytes.HasPrefix(bytes.TrimSpace(raw), []byte(`"`))
}

// namesAudience reports whether an aud claim names an audience: it is there and is not
// null, "" or [].
func namesAudience(raw json.RawMessage) bool {
	if raw == nil {
		return false
	}

	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return true
	}

	switch a := v.(type) {
	case nil:
		return false
	case string:
		return a != ""
	case []any:
		return len(a) > 0
	default:
		return true
	}
}

// jsonNumber and jsonInteger match a JSON number, and one without a fraction or an
// exponent.
var (
	jsonNumber  = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)
	jsonInteger = regexp.MustCompile(`^-?(0|[1-9][0-9]*)$`)
)

// seconds reads a time claim; nil when the claim is absent.
func seconds(name string, raw json.RawMessage) (*jwt.NumericDate, error) {
	if raw == nil {
		return nil, nil
	}

	v := string(bytes.TrimSpace(raw))
	if !jsonInteger.MatchString(v) {
		return nil, &claimError{name: name, what: describe(v), want: wantSeconds}
	}

	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || n > maxUnix {
		return nil, &claimError{name: name, what: describe(v), want: wantSeconds}
	}

	return jwt.NewNumericDate(time.Unix(n, 0)), nil
}

// describe names a JSON value for a message without quoting text from the token: a
// number as written (shortened), anything else by its kind.
func describe(v string) string {
	const most = 24

	switch {
	case jsonNumber.MatchString(v) && len(v) > most:
		return v[:most] + "..."
	case jsonNumber.MatchString(v):
		return v
	case strings.HasPrefix(v, `"`):
		return "a string"
	case strings.HasPrefix(v, "{"):
		return "an object"
	case strings.HasPrefix(v, "["):
		return "an array"
	default:
		return v // null, true or false
	}
}

// GetExpirationTime implements jwt.Claims.
func (c *wireClaims) GetExpirationTime() (*jwt.NumericDate, error) { return c.Exp, nil }

// GetIssuedAt implements jwt.Claims.
func (c *wireClaims) GetIssuedAt() (*jwt.NumericDate, error) { return c.Iat, nil }

// GetNotBefore implements jwt.Claims.
func (c *wireClaims) GetNotBefore() (*jwt.NumericDate, error) { return c.Nbf, nil }

// GetIssuer implements jwt.Claims; the project sets no issuer.
func (c *wireClaims) GetIssuer() (string, error) { return "", nil }

// GetAudience implements jwt.Claims; the project sets no audience.
func (c *wireClaims) GetAudience() (jwt.ClaimStrings, error) { return nil, nil }

// GetSubject implements jwt.Claims.
func (c *wireClaims) GetSubject() (string, error) {
	if c.Sub == nil {
		return "", nil
	}

	return *c.Sub, nil
}
