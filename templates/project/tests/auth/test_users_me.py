"""GET /api/auth/users/me: the signed-in user's details."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db_models.user import DBUserDetails
from tests.auth.utils import (
    BAD_ACCESS_TOKENS,
    assert_error,
    bad_access_tokens,
    bearer,
    delete_user,
    set_active,
)


def test_me_returns_the_user_details(
    client: TestClient, tokens: dict[str, str]
) -> None:
    response = client.get("/api/auth/users/me", headers=bearer(tokens["access_token"]))

    assert response.status_code == 200
    assert response.json() == {
        "status": "success",
        "code": 200,
        "response": "200_OK",
        "data": {
            "username": "alice",
            "email": None,
            "phone": None,
            "full_name": None,
            "is_active": True,
        },
        "headers": None,
    }
    assert list(response.json()["data"]) == [
        "username",
        "email",
        "phone",
        "full_name",
        "is_active",
    ]


def test_me_shows_stored_details(
    client: TestClient, tokens: dict[str, str], db: Session
) -> None:
    details = db.scalar(select(DBUserDetails))
    assert details is not None
    details.email = "alice@example.com"
    details.full_name = "Alice Liddell"
    db.commit()

    response = client.get("/api/auth/users/me", headers=bearer(tokens["access_token"]))

    assert response.json()["data"]["email"] == "alice@example.com"
    assert response.json()["data"]["full_name"] == "Alice Liddell"


def test_me_without_token_is_401(client: TestClient) -> None:
    response = client.get("/api/auth/users/me")

    assert_error(response, 401, "Not authenticated.")


@pytest.mark.parametrize("reason", BAD_ACCESS_TOKENS)
def test_me_with_bad_token_is_401(client: TestClient, user: str, reason: str) -> None:
    token = bad_access_tokens()[reason]

    response = client.get("/api/auth/users/me", headers=bearer(token))

    assert_error(response, 401, "Not authenticated.")


def test_me_for_deleted_user_is_401(
    client: TestClient, tokens: dict[str, str], db: Session
) -> None:
    delete_user(db, "alice")

    response = client.get("/api/auth/users/me", headers=bearer(tokens["access_token"]))

    assert_error(response, 401, "Not authenticated.")


def test_me_for_inactive_user_is_400(
    client: TestClient, tokens: dict[str, str], db: Session
) -> None:
    set_active(db, "alice", False)

    response = client.get("/api/auth/users/me", headers=bearer(tokens["access_token"]))

    assert_error(response, 400, "Inactive user.")
