"""Password hashing, token helpers, and keeping tokens out of the access log."""

import logging

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.auth.access_log import RedactVerifyTokenFilter, redact
from app.core.config import MAX_EXPIRE_MINS, settings
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


def test_tokens_can_last_the_longest_allowed_expiry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings.AUTH, "REFRESH_TOKEN_EXPIRE_MINS", MAX_EXPIRE_MINS)

    token = create_token("alice", "refresh")

    assert decode_token(token, "refresh") == "alice"


def test_a_refresh_key_token_typed_access_is_refused() -> None:
    token = make_token(key=REFRESH_KEY, type="access")

    assert decode_token(token, "access") is None
    assert decode_token(token, "refresh") is None


def test_a_non_string_subject_is_refused() -> None:
    assert decode_token(make_token(sub=42), "access") is None


def test_verify_paths_are_redacted() -> None:
    path = "/api/auth/token/verify/eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl?x=1"

    assert redact(path) == "/api/auth/token/verify/[redacted]"
    assert redact("/api/health?x=1") == "/api/health?x=1"


# Paths that the server routes to the verify route (or might), however they are
# spelled; each carries the token ``SECRET.TOKEN.VALUE``.
ENCODED_VERIFY_PATHS = {
    "encoded letter": "/api/auth/token/%76erify/SECRET.TOKEN.VALUE",
    "encoded slash": "/api/auth/token/verify%2FSECRET.TOKEN.VALUE",
    "lower-case escape": "/api/auth/token%2fverify%2fSECRET.TOKEN.VALUE",
    "encoded twice": "/api/auth/token/%2576erify/SECRET.TOKEN.VALUE",
    "every letter encoded": "/api/auth/%74%6F%6B%65%6E/%76%65%72%69%66%79/"
    + "SECRET%2ETOKEN%2EVALUE",
    "other letter case": "/api/auth/Token/VERIFY/SECRET.TOKEN.VALUE",
}


@pytest.mark.parametrize("spelling", sorted(ENCODED_VERIFY_PATHS))
def test_encoded_verify_paths_are_redacted(spelling: str) -> None:
    path = ENCODED_VERIFY_PATHS[spelling]

    redacted = redact(path)

    assert redacted.endswith("[redacted]")
    assert "SECRET" not in redacted
    assert "VALUE" not in redacted


@pytest.mark.parametrize(
    "path",
    [
        "/api/auth/token/%76erify/{token}",
        "/api/auth/token/verify%2F{token}",
    ],
)
def test_encoded_verify_paths_do_reach_the_route(
    client: TestClient, tokens: dict[str, str], path: str
) -> None:
    # Why the log filter decodes paths: these spellings are served, not refused.
    response = client.post(path.format(token=tokens["access_token"]))

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/api/auth/token/refresh?refresh_token=SECRET&x=1",
            "/api/auth/token/refresh?refresh_token=[redacted]&x=1",
        ),
        (
            "/api/auth/token/refresh?refresh%5Ftoken=SECRET",
            "/api/auth/token/refresh?refresh%5Ftoken=[redacted]",
        ),
        ("/api/health?access_token=SECRET", "/api/health?access_token=[redacted]"),
        ("/api/health?x=SECRET", "/api/health?x=SECRET"),
    ],
)
def test_token_query_parameters_are_redacted(path: str, expected: str) -> None:
    assert redact(path) == expected


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
