"""POST /api/auth/token/refresh: a new access token for a refresh token."""

import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.auth.utils import (
    REFRESH_KEY,
    assert_error,
    bearer,
    delete_user,
    make_token,
    set_active,
    tampered,
    unsigned_token,
)


def test_refresh_gives_a_new_access_token_and_the_same_refresh_token(
    client: TestClient, tokens: dict[str, str]
) -> None:
    response = client.post(
        "/api/auth/token/refresh", json={"refresh_token": tokens["refresh_token"]}
    )

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert set(body) == {"access_token", "refresh_token", "token_type"}
    assert body["refresh_token"] == tokens["refresh_token"]
    assert body["token_type"] == "bearer"
    me = client.get("/api/auth/users/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200


def bad_refresh_tokens(access_token: str) -> dict[str, str]:
    now = int(time.time())
    refresh = {"key": REFRESH_KEY, "type": "refresh"}
    return {
        "access token": access_token,
        "expired": make_token(**refresh, iat=now - 1200, exp=now - 600),
        "access key": make_token(type="refresh"),
        "alg none": unsigned_token(),
        "other algorithm": make_token(**refresh, algorithm="HS512"),
        "no exp": make_token(**refresh, drop=("exp",)),
        "unknown user": make_token(**refresh, sub="nobody"),
        "malformed": "not-a-token",
    }


@pytest.mark.parametrize("reason", sorted(bad_refresh_tokens("")))
def test_refresh_refuses_bad_tokens(
    client: TestClient, tokens: dict[str, str], reason: str
) -> None:
    token = bad_refresh_tokens(tokens["access_token"])[reason]

    response = client.post("/api/auth/token/refresh", json={"refresh_token": token})

    assert_error(response, 401, "Invalid refresh token.")


def test_refresh_refuses_a_tampered_token(
    client: TestClient, tokens: dict[str, str]
) -> None:
    token = tampered(tokens["refresh_token"], sub="mallory")

    response = client.post("/api/auth/token/refresh", json={"refresh_token": token})

    assert_error(response, 401, "Invalid refresh token.")


def test_refresh_refuses_a_deleted_user(
    client: TestClient, tokens: dict[str, str], db: Session
) -> None:
    delete_user(db, "alice")

    response = client.post(
        "/api/auth/token/refresh", json={"refresh_token": tokens["refresh_token"]}
    )

    assert_error(response, 401, "Invalid refresh token.")


def test_refresh_refuses_an_inactive_user(
    client: TestClient, tokens: dict[str, str], db: Session
) -> None:
    set_active(db, "alice", False)

    response = client.post(
        "/api/auth/token/refresh", json={"refresh_token": tokens["refresh_token"]}
    )

    assert_error(response, 401, "Invalid refresh token.")


def test_refresh_needs_a_json_body(client: TestClient, tokens: dict[str, str]) -> None:
    response = client.post(
        "/api/auth/token/refresh", data={"refresh_token": tokens["refresh_token"]}
    )

    assert response.status_code == 422
