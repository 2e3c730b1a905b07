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
}

var _ jwt.Claims = (*wireClaims)(nil)

// claimError is the error of a time claim (exp, iat or nbf) that is not whole seconds
// in the range a token may name. The parser reports it as a malformed token.
type claimError struct {
	name string
	// what describes the value: the number itself, or its JSON kind.
	what string
}

func (e *claimError) Error() string {
	return fmt.Sprintf("%s is %s; it must be a whole number of seconds from 0 to %d "+
		"(the end of the year 9999)", e.name, e.what, maxUnix)
}

// UnmarshalJSON reads the payload strictly: exp, iat and nbf must be JSON integers, as
// the project writes them, not strings, fractions or exponents.
func (c *wireClaims) UnmarshalJSON(b []byte) error {
	var raw struct {
		Sub  *string         `json:"sub"`
		Type *string         `json:"type"`
		Exp  json.RawMessage `json:"exp"`
		Iat  json.RawMessage `json:"iat"`
		Nbf  json.RawMessage `json:"nbf"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}

	c.Sub, c.Type = raw.Sub, raw.Type

	for _, f := range []struct {
		name string
		raw  json.RawMessage
		dst  **jwt.NumericDate
	}{{"exp", raw.Exp, &c.Exp}, {"iat", raw.Iat, &c.Iat}, {"nbf", raw.Nbf, &c.Nbf}} {
		d, err := seconds(f.name, f.raw)
		if err != nil {
			return err
		}

		*f.dst = d
	}

	return nil
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
		return nil, &claimError{name: name, what: describe(v)}
	}

	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || n > maxUnix {
		return nil, &claimError{name: name, what: describe(v)}
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
