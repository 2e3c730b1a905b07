"""Every error the app returns uses the envelope."""

from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from app.core.responses import status_phrase


class Item(BaseModel):
    name: str = Field(max_length=5)
    quantity: int


def test_unknown_route_is_a_404_envelope(client: TestClient) -> None:
    response = client.get("/api/no-such-route")

    assert response.status_code == 404
    assert response.json() == {
        "status": "error",
        "code": 404,
        "response": "404_NOT_FOUND",
        "message": "Not found.",
        "headers": None,
    }


def test_wrong_method_is_a_405_envelope_keeping_allow(client: TestClient) -> None:
    response = client.delete("/api/health")

    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert response.json() == {
        "status": "error",
        "code": 405,
        "response": "405_METHOD_NOT_ALLOWED",
        "message": "Method not allowed.",
        "headers": {"Allow": "GET"},
    }


def test_invalid_body_is_a_422_envelope_without_the_input(app: FastAPI) -> None:
    @app.post("/items")
    def create_item(item: Item) -> Item:
        return item

    with TestClient(app) as client:
        response = client.post(
            "/items", json={"name": "far-too-long", "quantity": "many"}
        )

    assert response.status_code == 422
    body = response.json()
    assert body["status"] == "error"
    assert body["response"] == "422_UNPROCESSABLE_CONTENT"
    assert body["message"]
    assert {tuple(error["loc"]) for error in body["data"]} == {
        ("body", "name"),
        ("body", "quantity"),
    }
    assert all(set(error) == {"loc", "msg", "type"} for error in body["data"])
    assert "far-too-long" not in response.text
    assert "many" not in response.text


def test_http_exception_keeps_its_message_and_headers(app: FastAPI) -> None:
    @app.get("/teapot")
    def teapot() -> None:
        raise HTTPException(409, "Already brewing.", headers={"Retry-After": "5"})

    with TestClient(app) as client:
        response = client.get("/teapot")

    assert response.status_code == 409
    assert response.headers["retry-after"] == "5"
    assert response.json() == {
        "status": "error",
        "code": 409,
        "response": "409_CONFLICT",
        "message": "Already brewing.",
        "headers": {"Retry-After": "5"},
    }


def test_unhandled_exception_is_a_500_envelope_without_details(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("internal detail that must stay on the server")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")

    assert response.status_code == 500
    assert response.json() == {
        "status": "error",
        "code": 500,
        "response": "500_INTERNAL_SERVER_ERROR",
        "message": "Internal server error.",
        "headers": None,
    }
    assert "internal detail" not in response.text


def test_status_phrases_follow_rfc_9110() -> None:
    assert status_phrase(200) == "200_OK"
    assert status_phrase(413) == "413_CONTENT_TOO_LARGE"
    assert status_phrase(422) == "422_UNPROCESSABLE_CONTENT"
    assert status_phrase(505) == "505_HTTP_VERSION_NOT_SUPPORTED"


def test_refused_cors_preflight_is_a_400_envelope(client: TestClient) -> None:
    response = client.options(
        "/api/health",
        headers={
            "Origin": "http://evil.test",
            "Access-Control-Request-Method": "GET",
        },
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert "access-control-allow-origin" not in response.headers
    assert "Origin" in response.headers["vary"]
    assert response.json() == {
        "status": "error",
        "code": 400,
        "response": "400_BAD_REQUEST",
        "message": "Disallowed CORS request.",
        "headers": None,
    }


def test_allowed_cors_preflight_still_succeeds(client: TestClient) -> None:
    response = client.options(
        "/api/health",
        headers={
            "Origin": "http://localhost",
            "Access-Control-Request-Method": "GET",
        },
    )

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "http://localhost"
    assert response.headers["access-control-allow-credentials"] == "true"
