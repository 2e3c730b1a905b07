"""Helpers for the auth tests: a password, hand-made tokens, checks and changes."""

import base64
import json
import time
from typing import Any

import jwt
from httpx import Response
from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from app.core.config import settings
from app.db_models.user import DBUser

PASSWORD = "correct-horse-battery"
ACCESS_KEY = settings.AUTH.SECRET_ACCESS_KEY.get_secret_value()
REFRESH_KEY = settings.AUTH.SECRET_REFRESH_KEY.get_secret_value()


def make_token(
    key: str = ACCESS_KEY,
    algorithm: str = "HS256",
    drop: tuple[str, ...] = (),
    **claims: Any,
) -> str:
    """Sign a token for ``alice`` by hand, changing or dropping claims."""
    now = int(time.time())
    payload = {"sub": "alice", "iat": now, "exp": now + 600, "type": "access"}
    payload.update(claims)
    for claim in drop:
        del payload[claim]
    return jwt.encode(payload, key, algorithm=algorithm)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned_token() -> str:
    """A token for ``alice`` with ``alg: none`` and no signature."""
    now = int(time.time())
    header = {"alg": "none", "typ": "JWT"}
    claims = {"sub": "alice", "iat": now, "exp": now + 600, "type": "access"}
    return f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}."


def tampered(token: str, **claims: Any) -> str:
    """Change claims of a signed token but keep its old signature."""
    header, payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=="))
    data.update(claims)
    return f"{header}.{_b64(json.dumps(data).encode())}.{signature}"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response: Response, code: int, message: str) -> None:
    assert response.status_code == code
    body = response.json()
    assert body["status"] == "error"
    assert body["code"] == code
    assert body["message"] == message
    if code == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def set_active(db: Session, username: str, active: bool) -> None:
    db.execute(
        update(DBUser).where(DBUser.username == username).values(is_active=active)
    )
    db.commit()


def delete_user(db: Session, username: str) -> None:
    db.execute(delete(DBUser).where(DBUser.username == username))
    db.commit()


def bad_access_tokens() -> dict[str, str]:
    """Tokens that ``users/me`` and ``token/verify`` must refuse, by reason."""
    now = int(time.time())
    return {
        "malformed": "not-a-token",
        "expired": make_token(iat=now - 1200, exp=now - 600),
        "wrong key": make_token(key="another-key-" + "x" * 52),
        "refresh token": make_token(key=REFRESH_KEY, type="refresh"),
        "refresh type with access key": make_token(type="refresh"),
        "alg none": unsigned_token(),
        "other algorithm": make_token(algorithm="HS512"),
        "no exp": make_token(drop=("exp",)),
        "no iat": make_token(drop=("iat",)),
        "no sub": make_token(drop=("sub",)),
        "no type": make_token(drop=("type",)),
        "unknown user": make_token(sub="nobody"),
    }


BAD_ACCESS_TOKENS = sorted(bad_access_tokens())
