"""POST /api/auth/token: logging in with the OAuth2 password form."""

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import auth as auth_routes
from app.auth.schema import parse_username
from tests.auth.utils import ACCESS_KEY, PASSWORD, REFRESH_KEY, assert_error, set_active


def test_token_returns_a_plain_token_pair_not_to_be_cached(
    client: TestClient, user: str
) -> None:
    response = client.post(
        "/api/auth/token", data={"username": "alice", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert set(body) == {"access_token", "refresh_token", "token_type"}
    assert body["token_type"] == "bearer"
    access = jwt.decode(body["access_token"], ACCESS_KEY, algorithms=["HS256"])
    refresh = jwt.decode(body["refresh_token"], REFRESH_KEY, algorithms=["HS256"])
    assert access["sub"] == refresh["sub"] == "alice"
    assert (access["type"], refresh["type"]) == ("access", "refresh")
    for claims in (access, refresh):
        assert isinstance(claims["iat"], int)
        assert isinstance(claims["exp"], int)
    assert access["exp"] - access["iat"] == 15 * 60
    assert refresh["exp"] - refresh["iat"] == 10080 * 60


def test_token_accepts_the_username_in_any_case(client: TestClient, user: str) -> None:
    response = client.post(
        "/api/auth/token", data={"username": " ALICE ", "password": PASSWORD}
    )

    assert response.status_code == 200


def test_token_wrong_password_and_unknown_user_get_the_same_401(
    client: TestClient, user: str
) -> None:
    wrong_password = client.post(
        "/api/auth/token", data={"username": "alice", "password": "wrong-password"}
    )
    unknown_user = client.post(
        "/api/auth/token", data={"username": "nobody", "password": PASSWORD}
    )

    assert_error(wrong_password, 401, "Incorrect username or password.")
    assert unknown_user.json() == wrong_password.json()


def test_token_for_unknown_user_still_checks_a_hash(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    monkeypatch.setattr(auth_routes, "verify_dummy_password", checked.append)

    client.post("/api/auth/token", data={"username": "nobody", "password": PASSWORD})

    assert checked == [PASSWORD]


def test_parse_username_normalises_or_refuses() -> None:
    assert parse_username(" Alice.B ") == "alice.b"
    assert parse_username("al\x00ice") is None
    assert parse_username("a" * 65) is None


@pytest.mark.parametrize(
    "username", ["al\x00ice", "al ice", "al/ice", "ab", "a" * 65, "   "]
)
def test_token_for_a_name_that_breaks_the_rules_is_the_same_401(
    client: TestClient, user: str, monkeypatch: pytest.MonkeyPatch, username: str
) -> None:
    # Such names are never looked up: PostgreSQL, for one, refuses a NUL byte.
    looked_up: list[str] = []
    monkeypatch.setattr(
        auth_routes, "get_user", lambda db, name: looked_up.append(name)
    )
    checked: list[str] = []
    monkeypatch.setattr(auth_routes, "verify_dummy_password", checked.append)

    response = client.post(
        "/api/auth/token", data={"username": username, "password": PASSWORD}
    )

    assert_error(response, 401, "Incorrect username or password.")
    assert looked_up == []
    assert checked == [PASSWORD]


def test_token_for_inactive_user_is_400_after_a_correct_password(
    client: TestClient, user: str, db: Session
) -> None:
    set_active(db, "alice", False)

    right = client.post(
        "/api/auth/token", data={"username": "alice", "password": PASSWORD}
    )
    wrong = client.post(
        "/api/auth/token", data={"username": "alice", "password": "wrong-password"}
    )

    assert_error(right, 400, "Inactive user.")
    assert_error(wrong, 401, "Incorrect username or password.")


def test_token_needs_the_form_not_json(client: TestClient, user: str) -> None:
    response = client.post(
        "/api/auth/token", json={"username": "alice", "password": PASSWORD}
    )

    assert response.status_code == 422
    assert PASSWORD not in response.text


def test_openapi_token_url_is_absolute(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()

    flows = schema["components"]["securitySchemes"]["OAuth2PasswordBearer"]["flows"]
    assert flows["password"]["tokenUrl"] == "/api/auth/token"


def test_docs_authorize_redirect_is_served_under_api(client: TestClient) -> None:
    docs = client.get("/api/docs").text

    assert "'/api/docs/oauth2-redirect'" in docs
    assert client.get("/api/docs/oauth2-redirect").status_code == 200
    assert client.get("/docs/oauth2-redirect").status_code == 404
