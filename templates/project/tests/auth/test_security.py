"""Password hashing, token helpers, and keeping tokens out of the access log."""

import logging

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.auth.access_log import RedactVerifyTokenFilter, redact
from app.core.security import create_token, decode_token, hash_password, verify_password
from tests.auth.utils import PASSWORD, REFRESH_KEY, make_token


def test_passwords_are_hashed_with_argon2() -> None:
    hashed = hash_password(PASSWORD)

    assert hashed.startswith("$argon2id$")
    assert verify_password(PASSWORD, hashed)
    assert not verify_password("wrong-password", hashed)


def test_tokens_round_trip_only_as_their_own_type() -> None:
    access = create_token("alice", "access")
    refresh = create_token("alice", "refresh")

    assert decode_token(access, "access") == "alice"
    assert decode_token(refresh, "refresh") == "alice"
    assert decode_token(access, "refresh") is None
    assert decode_token(refresh, "access") is None


def test_a_refresh_key_token_typed_access_is_refused() -> None:
    token = make_token(key=REFRESH_KEY, type="access")

    assert decode_token(token, "access") is None
    assert decode_token(token, "refresh") is None


def test_a_non_string_subject_is_refused() -> None:
    assert decode_token(make_token(sub=42), "access") is None


def test_verify_paths_are_redacted() -> None:
    path = "/api/auth/token/verify/eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl?x=1"

    assert redact(path) == "/api/auth/token/verify/[redacted]?x=1"
    assert redact("/api/health") == "/api/health"


def test_access_log_records_lose_the_token() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "POST", "/api/auth/token/verify/abc.def.ghi", "1.1", 200),
        None,
    )

    assert RedactVerifyTokenFilter().filter(record)
    assert "abc.def.ghi" not in record.getMessage()
    assert "/api/auth/token/verify/[redacted]" in record.getMessage()


def test_the_filter_is_installed_when_the_app_starts(app: FastAPI) -> None:
    logger = logging.getLogger("uvicorn.access")
    for installed in list(logger.filters):
        logger.removeFilter(installed)

    with TestClient(app):
        filters = [f for f in logger.filters if isinstance(f, RedactVerifyTokenFilter)]

    assert len(filters) == 1
