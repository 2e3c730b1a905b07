package token

import "github.com/golang-jwt/jwt/v5"

// wireClaims is a token's payload as Verify reads it. Pointers tell a missing claim from
// an empty one; a claim of the wrong JSON type makes the token malformed.
type wireClaims struct {
	Sub  *string          `json:"sub"`
	Exp  *jwt.NumericDate `json:"exp"`
	Iat  *jwt.NumericDate `json:"iat"`
	Nbf  *jwt.NumericDate `json:"nbf"`
	Type *string          `json:"type"`
}

var _ jwt.Claims = (*wireClaims)(nil)

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
