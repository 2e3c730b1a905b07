"""Password hashing with argon2, and creating and checking signed JWTs."""

from datetime import UTC, datetime, timedelta
from typing import Literal

import jwt
from fastapi import HTTPException, status
from pwdlib import PasswordHash

from app.core.config import settings

TokenType = Literal["access", "refresh"]

password_hash = PasswordHash.recommended()


def hash_password(password: str) -> str:
    """Hash a password for storage."""
    return password_hash.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    """Check a password against its stored hash."""
    return password_hash.verify(password, hashed)


# Checked against when the user is unknown, so that takes as long as a real check.
DUMMY_HASH = password_hash.hash("not-a-real-password")


def verify_dummy_password(password: str) -> None:
    """Spend the time of a real check, so unknown users cannot be told apart."""
    password_hash.verify(password, DUMMY_HASH)


def _signing_key(token_type: TokenType) -> str:
    keys = settings.AUTH
    key = keys.SECRET_ACCESS_KEY if token_type == "access" else keys.SECRET_REFRESH_KEY
    return key.get_secret_value()


def create_token(username: str, token_type: TokenType) -> str:
    """Create a signed access or refresh token for ``username``."""
    minutes = (
        settings.AUTH.ACCESS_TOKEN_EXPIRE_MINS
        if token_type == "access"
        else settings.AUTH.REFRESH_TOKEN_EXPIRE_MINS
    )
    now = datetime.now(UTC)
    claims = {
        "sub": username,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=minutes)).timestamp()),
        "type": token_type,
    }
    return jwt.encode(claims, _signing_key(token_type), settings.AUTH.ALGORITHM)


def decode_token(token: str, token_type: TokenType) -> str | None:
    """Return the username in a valid token of ``token_type``, else ``None``.

    Only the configured algorithm is accepted, all four claims are required, and an
    expired, tampered or wrongly typed token gives ``None``.
    """
    try:
        claims = jwt.decode(
            token,
            _signing_key(token_type),
            algorithms=[settings.AUTH.ALGORITHM],
            options={"require": ["sub", "exp", "iat", "type"]},
        )
    except jwt.PyJWTError:
        return None
    if claims["type"] != token_type or not isinstance(claims["sub"], str):
        return None
    return claims["sub"]


def unauthorized(detail: str) -> HTTPException:
    """A 401 error carrying the ``WWW-Authenticate: Bearer`` challenge."""
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )
