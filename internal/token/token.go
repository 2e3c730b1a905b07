package token

import (
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/text/cases"
)

// Leeway is the clock difference Verify forgives when it checks exp, iat and nbf, so a
// token made on a machine whose clock is a little ahead or behind still checks out.
const Leeway = 30 * time.Second

// Reasons a token is refused. Verify's errors wrap exactly one of them.
var (
	ErrMalformed    = errors.New("malformed token")
	ErrAlgorithm    = errors.New("wrong algorithm")
	ErrSignature    = errors.New("bad signature")
	ErrExpired      = errors.New("expired")
	ErrIssuedLater  = errors.New("issued in the future")
	ErrNotYetValid  = errors.New("not valid yet")
	ErrMissingClaim = errors.New("missing claim")
	ErrType         = errors.New("wrong type")
	ErrCritical     = errors.New("unsupported critical header")
)

// ErrUser is wrapped by Create's error when the user name breaks the project's rules.
var ErrUser = errors.New("invalid user name")

// Claims are the claims the generated project puts in every token, and no others, plus
// nbf when a token carries one.
type Claims struct {
	// Sub is the normalised user name.
	Sub string `json:"sub"`
	// Exp and Iat are Unix times in whole seconds.
	Exp  int64 `json:"exp"`
	Iat  int64 `json:"iat"`
	Type Type  `json:"type"`
	// Nbf is the not-before time, a Unix time, when the token has one; the project
	// never sets it, but it checks it when present.
	Nbf int64 `json:"nbf,omitempty"`
}

// WithinLeeway lists the time checks that a token verified at now passes only thanks to
// Leeway, in words such as "expired 20s ago"; it is empty when none does. The project's
// own checks allow no leeway, so the server would refuse such a token.
func (c Claims) WithinLeeway(now time.Time) []string {
	t := now.Unix()
	secs := func(n int64) time.Duration { return time.Duration(n) * time.Second }

	var notes []string
	if c.Exp <= t {
		notes = append(notes, "expired "+secs(t-c.Exp).String()+" ago")
	}

	if c.Iat > t {
		notes = append(notes, "issued "+secs(c.Iat-t).String()+" in the future")
	}

	if c.Nbf > t {
		notes = append(notes, "not valid for another "+secs(c.Nbf-t).String())
	}

	return notes
}

// userName is a user name after normalising, as the project's schema allows it.
var userName = regexp.MustCompile(`^[a-z0-9_.-]{3,64}$`)

// NormalizeUser trims and case-folds name as the project does before it stores or
// looks up a user, then checks the result against the project's rules.
func NormalizeUser(name string) (string, error) {
	n := cases.Fold().String(strings.TrimSpace(name))
	if !userName.MatchString(n) {
		return "", fmt.Errorf("%w %q: after trimming and lower-casing it must be 3 to 64 "+
			"characters of a-z, 0-9, _, . and -", ErrUser, name)
	}

	return n, nil
}

// Create signs a token of type t for user, issued at now and valid for ttl; a ttl of 0
// means the project's configured lifetime, and a negative one makes a token that has
// already expired. Times are whole seconds, so ttl must be at least a second either way.
func (s Settings) Create(user string, t Type, ttl time.Duration, now time.Time) (
	string, Claims, error,
) {
	sub, err := NormalizeUser(user)
	if err != nil {
		return "", Claims{}, err
	}

	if ttl == 0 {
		ttl = s.TTL(t)
	}

	secs := int64(ttl / time.Second)
	if secs == 0 {
		return "", Claims{}, fmt.Errorf("a token's lifetime must be at least one second, not %s",
			ttl)
	}

	c := Claims{Sub: sub, Iat: now.Unix(), Type: t}
	c.Exp = c.Iat + secs

	tok := jwt.NewWithClaims(jwt.GetSigningMethod(s.Algorithm), jwt.MapClaims{
		"sub":  c.Sub,
		"exp":  c.Exp,
		"iat":  c.Iat,
		"type": string(c.Type),
	})

	signed, err := tok.SignedString(s.Key(t))
	if err != nil {
		return "", Claims{}, fmt.Errorf("sign the token: %w", err)
	}

	return signed, c, nil
}

// Verify checks raw as the project checks a token of type t at time now: the signature
// with t's key and the configured algorithm only, no "crit" header, exp, iat and nbf
// whole seconds and within Leeway, then that sub, exp, iat and type are all present and
// type is t. Leeway is the one difference: the project allows none.
func (s Settings) Verify(raw string, t Type, now time.Time) (Claims, error) {
	raw = strings.TrimSpace(raw)

	var wc wireClaims
	tok, err := s.parser(now).ParseWithClaims(raw, &wc, func(*jwt.Token) (any, error) {
		return s.Key(t), nil
	})
	if err != nil {
		return Claims{}, s.reason(raw, tok, &wc, t, err)
	}

	if _, ok := tok.Header["crit"]; ok {
		return Claims{}, fmt.Errorf("%w: the token's header has \"crit\"; the project "+
			"understands no header extensions", ErrCritical)
	}

	switch {
	case wc.Sub == nil || *wc.Sub == "":
		return Claims{}, fmt.Errorf("%w: sub", ErrMissingClaim)
	case wc.Iat == nil:
		return Claims{}, fmt.Errorf("%w: iat", ErrMissingClaim)
	case wc.Type == nil:
		return Claims{}, fmt.Errorf("%w: type", ErrMissingClaim)
	case *wc.Type != string(t):
		return Claims{}, fmt.Errorf("%w: the token's type is %q, not %q", ErrType, *wc.Type, t)
	}

	c := Claims{Sub: *wc.Sub, Exp: wc.Exp.Unix(), Iat: wc.Iat.Unix(), Type: t}
	if wc.Nbf != nil {
		c.Nbf = wc.Nbf.Unix()
	}

	return c, nil
}

func (s Settings) parser(now time.Time) *jwt.Parser {
	return jwt.NewParser(
		jwt.WithValidMethods([]string{s.Algorithm}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(Leeway),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
}

// reason turns the parser's error into one of the package's reasons.
func (s Settings) reason(raw string, tok *jwt.Token, wc *wireClaims, t Type, err error) error {
	alg := ""
	if tok != nil {
		alg, _ = tok.Header["alg"].(string)
	}

	var ce *claimError

	switch {
	case errors.As(err, &ce):
		return fmt.Errorf("%w: %w", ErrMalformed, ce)
	case errors.Is(err, jwt.ErrTokenMalformed):
		detail := strings.TrimPrefix(err.Error(), jwt.ErrTokenMalformed.Error()+": ")
		return fmt.Errorf("%w: %s", ErrMalformed, detail)
	case tok != nil && alg != s.Algorithm:
		if alg == "" {
			return fmt.Errorf("%w: the token names no algorithm; the project uses %s",
				ErrAlgorithm, s.Algorithm)
		}

		return fmt.Errorf("%w: the token uses %q; the project uses %s",
			ErrAlgorithm, alg, s.Algorithm)
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		other := Refresh
		if t == Refresh {
			other = Access
		}

		if s.signedWith(raw, s.Key(other)) {
			return fmt.Errorf("%w: signed with the %s key, not the %s key (is it %s token?)",
				ErrSignature, other, t, article(other))
		}

		return fmt.Errorf("%w: not signed with this project's %s key", ErrSignature, t)
	case errors.Is(err, jwt.ErrTokenExpired):
		return fmt.Errorf("%w at %s", ErrExpired, wc.Exp.UTC().Format(time.RFC3339))
	case errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return fmt.Errorf("%w: iat is %s", ErrIssuedLater, wc.Iat.UTC().Format(time.RFC3339))
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return fmt.Errorf("%w: nbf is %s", ErrNotYetValid, wc.Nbf.UTC().Format(time.RFC3339))
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return fmt.Errorf("%w: exp", ErrMissingClaim)
	default:
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
}

// signedWith reports whether raw's signature matches key under the configured
// algorithm, whatever its claims say.
func (s Settings) signedWith(raw string, key []byte) bool {
	i := strings.LastIndexByte(raw, '.')
	if i < 0 {
		return false
	}

	sig, err := base64.RawURLEncoding.DecodeString(raw[i+1:])
	if err != nil {
		return false
	}

	return jwt.GetSigningMethod(s.Algorithm).Verify(raw[:i], sig, key) == nil
}

// article returns "an access" or "a refresh".
func article(t Type) string {
	if t == Access {
		return "an access"
	}

	return "a " + string(t)
}
