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
	ErrAudience     = errors.New("unexpected audience")
)

// Reasons Create refuses its input.
var (
	// ErrUser is wrapped when the user name breaks the project's rules.
	ErrUser = errors.New("invalid user name")
	// ErrLifetime is wrapped when the lifetime is under a second either way, or would
	// put exp before 1970 or after the year 9999.
	ErrLifetime = errors.New("invalid lifetime")
)

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

	var notes []string
	if c.Exp <= t {
		notes = append(notes, c.Expiry(now))
	}

	if c.Iat > t {
		notes = append(notes, "issued "+span(c.Iat-t).String()+" in the future")
	}

	if c.Nbf > t {
		notes = append(notes, "not valid for another "+span(c.Nbf-t).String())
	}

	return notes
}

// Expiry says when the token expires as seen at now: "expires in 10m0s", or "expired 20s
// ago" once exp is not after now, which is when the project counts it as expired.
func (c Claims) Expiry(now time.Time) string {
	t := now.Unix()
	if c.Exp <= t {
		return "expired " + span(t-c.Exp).String() + " ago"
	}

	return "expires in " + span(c.Exp-t).String()
}

// span is n seconds as a Duration.
func span(n int64) time.Duration { return time.Duration(n) * time.Second }

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
// A bad user name wraps ErrUser and a bad ttl ErrLifetime.
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

	c := Claims{Sub: sub, Iat: now.Unix(), Type: t}
	c.Exp = c.Iat + int64(ttl/time.Second)

	switch {
	case ttl.Abs() < time.Second:
		return "", Claims{}, fmt.Errorf("%w: %s is shorter than a second", ErrLifetime, ttl)
	case c.Exp < 0 || c.Exp > maxUnix:
		return "", Claims{}, fmt.Errorf("%w: with %s, exp would fall before 1970 or after "+
			"the year 9999", ErrLifetime, ttl)
	}

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
// with t's key and the configured algorithm only; sub, exp, iat and type present (null
// counts as missing) and type equal to t; not expired, not issued in the future and not
// before its nbf; no audience (an aud claim other than null, "" or []); a jti, if any, a
// string; and no unencoded payload ("b64": false in the header).
//
// It differs from the project's check in three ways only:
//
//   - exp, iat and nbf are checked with Leeway; the project allows none;
//   - exp, iat and nbf must be JSON integers from 0 to the end of the year 9999, as the
//     project writes them, where the project reads any value Python's int() takes
//     (strings of digits, fractions cut short, negative or later times);
//   - any "crit" header is refused, where the project refuses only the extensions its
//     JWT library does not support.
func (s Settings) Verify(raw string, t Type, now time.Time) (Claims, error) {
	raw = strings.TrimSpace(raw)

	var wc wireClaims
	tok, err := s.parser(now).ParseWithClaims(raw, &wc, func(*jwt.Token) (any, error) {
		return s.Key(t), nil
	})
	if err != nil {
		return Claims{}, s.reason(raw, tok, &wc, t, err)
	}

	if err := checkHeader(tok.Header); err != nil {
		return Claims{}, err
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
	case wc.Aud:
		return Claims{}, fmt.Errorf("%w: the token has an aud claim; the project names no "+
			"audience, so it refuses any", ErrAudience)
	}

	c := Claims{Sub: *wc.Sub, Exp: wc.Exp.Unix(), Iat: wc.Iat.Unix(), Type: t}
	if wc.Nbf != nil {
		c.Nbf = wc.Nbf.Unix()
	}

	return c, nil
}

// checkHeader refuses a "crit" header, since zentra supports no header extensions, and
// an unencoded payload ("b64": false), which the project refuses.
func checkHeader(h map[string]any) error {
	if _, ok := h["crit"]; ok {
		return fmt.Errorf("%w: the token's header has \"crit\"; zentra understands no "+
			"header extensions", ErrCritical)
	}

	if b64, ok := h["b64"].(bool); ok && !b64 {
		return fmt.Errorf("%w: the token's header has \"b64\": false (an unencoded "+
			"payload), which the project refuses", ErrMalformed)
	}

	return nil
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
