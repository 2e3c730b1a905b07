"""POST /api/auth/token/verify/{token}: checking an access token."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.auth.utils import (
    BAD_ACCESS_TOKENS,
    assert_error,
    bad_access_tokens,
    bearer,
    delete_user,
    set_active,
)


def test_verify_accepts_a_valid_access_token(
    client: TestClient, tokens: dict[str, str]
) -> None:
    response = client.post(f"/api/auth/token/verify/{tokens['access_token']}")

    assert response.status_code == 200
    assert response.json() == {
        "status": "success",
        "code": 200,
        "response": "200_OK",
        "message": "Token is valid.",
        "headers": None,
    }


@pytest.mark.parametrize("reason", BAD_ACCESS_TOKENS)
def test_verify_refuses_bad_tokens(client: TestClient, user: str, reason: str) -> None:
    token = bad_access_tokens()[reason]

    response = client.post(f"/api/auth/token/verify/{token}")

    assert_error(response, 401, "Not authenticated.")


def test_verify_refuses_the_token_of_a_deleted_user(
    client: TestClient, tokens: dict[str, str], db: Session
) -> None:
    delete_user(db, "alice")

    response = client.post(f"/api/auth/token/verify/{tokens['access_token']}")

    assert_error(response, 401, "Not authenticated.")


def test_verify_refuses_the_token_of_an_inactive_user(
    client: TestClient, tokens: dict[str, str], db: Session
) -> None:
    set_active(db, "alice", False)

    response = client.post(f"/api/auth/token/verify/{tokens['access_token']}")

    assert_error(response, 401, "Not authenticated.")


def test_verify_reads_the_token_from_the_path_only(
    client: TestClient, tokens: dict[str, str]
) -> None:
    response = client.post(
        "/api/auth/token/verify/not-a-token", headers=bearer(tokens["access_token"])
    )

    assert_error(response, 401, "Not authenticated.")
