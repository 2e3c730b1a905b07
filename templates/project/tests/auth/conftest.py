"""Fixtures of the auth tests: a registered user and their tokens."""

import pytest
from fastapi.testclient import TestClient

from tests.auth.utils import PASSWORD


@pytest.fixture
def user(client: TestClient) -> str:
    """Register ``alice`` (password ``PASSWORD``) and return the username."""
    response = client.post(
        "/api/auth/register", json={"username": "alice", "password": PASSWORD}
    )
    assert response.status_code == 201
    return "alice"


@pytest.fixture
def tokens(client: TestClient, user: str) -> dict[str, str]:
    """Log ``alice`` in and return the token response."""
    response = client.post(
        "/api/auth/token", data={"username": user, "password": PASSWORD}
    )
    assert response.status_code == 200
    return response.json()
