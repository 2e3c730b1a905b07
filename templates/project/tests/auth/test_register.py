"""POST /api/auth/register: creating users."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import auth as auth_routes
from app.db_models.user import DBUser, DBUserDetails
from tests.auth.utils import PASSWORD, assert_error, delete_user


def test_register_creates_user_and_empty_details(
    client: TestClient, db: Session
) -> None:
    response = client.post(
        "/api/auth/register", json={"username": "alice", "password": PASSWORD}
    )

    assert response.status_code == 201
    assert response.json() == {
        "status": "success",
        "code": 201,
        "response": "201_CREATED",
        "data": {"username": "alice"},
        "headers": None,
    }
    user = db.scalar(select(DBUser))
    assert user is not None
    assert user.is_active
    assert user.password.startswith("$argon2")
    assert PASSWORD not in user.password
    details = db.scalar(select(DBUserDetails))
    assert details is not None
    assert details.user_id == user.id
    assert (details.email, details.phone, details.full_name) == (None, None, None)


def test_register_stores_the_normalised_username(
    client: TestClient, db: Session
) -> None:
    response = client.post(
        "/api/auth/register", json={"username": "  Alice.B ", "password": PASSWORD}
    )

    assert response.json()["data"] == {"username": "alice.b"}
    assert db.scalars(select(DBUser.username)).all() == ["alice.b"]


def test_register_can_create_an_inactive_user(client: TestClient, db: Session) -> None:
    client.post(
        "/api/auth/register",
        json={"username": "bob", "password": PASSWORD, "is_active": False},
    )

    assert db.scalar(select(DBUser.is_active)) is False


@pytest.mark.parametrize("username", ["alice", "ALICE", " Alice "])
def test_register_an_existing_name_in_any_case_is_400(
    client: TestClient, user: str, username: str
) -> None:
    response = client.post(
        "/api/auth/register", json={"username": username, "password": PASSWORD}
    )

    assert_error(response, 400, "User already registered.")


def test_register_losing_a_race_is_400_not_500(
    client: TestClient, user: str, monkeypatch: pytest.MonkeyPatch, db: Session
) -> None:
    # As if another request inserted the name just after this one checked for it.
    monkeypatch.setattr(auth_routes, "get_user", lambda db, username: None)

    response = client.post(
        "/api/auth/register", json={"username": "Alice", "password": PASSWORD}
    )

    assert_error(response, 400, "User already registered.")
    assert db.scalars(select(DBUser.username)).all() == ["alice"]


def test_two_concurrent_registrations_give_one_201_and_one_400(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, db: Session
) -> None:
    both_checked = threading.Barrier(2)
    real_get_user = auth_routes.get_user

    def get_user_then_wait(db: Session, username: str) -> DBUser | None:
        found = real_get_user(db, username)
        both_checked.wait(timeout=10)
        return found

    monkeypatch.setattr(auth_routes, "get_user", get_user_then_wait)

    def register(username: str) -> int:
        response = client.post(
            "/api/auth/register", json={"username": username, "password": PASSWORD}
        )
        return response.status_code

    with ThreadPoolExecutor(max_workers=2) as pool:
        codes = sorted(pool.map(register, ["carol", "CAROL"]))

    assert codes == [201, 400]
    assert db.scalars(select(DBUser.username)).all() == ["carol"]


@pytest.mark.parametrize(
    "username",
    ["ab", "a" * 65, "has space", "slash/name", "émile", "semi;colon", ""],
)
def test_register_refuses_bad_usernames(client: TestClient, username: str) -> None:
    response = client.post(
        "/api/auth/register", json={"username": username, "password": PASSWORD}
    )

    assert response.status_code == 422
    assert response.json()["data"][0]["loc"] == ["body", "username"]


def test_register_explains_a_too_short_username(client: TestClient) -> None:
    response = client.post(
        "/api/auth/register", json={"username": " X1 ", "password": PASSWORD}
    )

    error = response.json()["data"][0]
    assert error["msg"] == "String should have at least 3 characters"


@pytest.mark.parametrize("password", ["short12", "p" * 129, "secret-" * 28 + "xxxx"])
def test_register_refuses_bad_passwords_without_echoing_them(
    client: TestClient, password: str
) -> None:
    response = client.post(
        "/api/auth/register", json={"username": "alice", "password": password}
    )

    assert response.status_code == 422
    body = response.json()
    assert body["status"] == "error"
    assert body["response"] == "422_UNPROCESSABLE_CONTENT"
    assert body["data"][0]["loc"] == ["body", "password"]
    assert password not in response.text


def test_register_accepts_passwords_of_8_and_128_characters(
    client: TestClient,
) -> None:
    for name, password in [("eight", "p" * 8), ("long", "p" * 128)]:
        response = client.post(
            "/api/auth/register", json={"username": name, "password": password}
        )
        assert response.status_code == 201


def test_deleting_a_user_deletes_their_details(
    client: TestClient, user: str, db: Session
) -> None:
    delete_user(db, "alice")

    assert db.scalars(select(DBUserDetails)).all() == []
