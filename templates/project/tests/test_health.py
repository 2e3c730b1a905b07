"""The health route."""

from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Route


def test_health_answers_200_with_the_envelope(client: TestClient) -> None:
    response = client.get("/api/health")

    assert response.status_code == 200
    assert response.json() == {
        "status": "success",
        "code": 200,
        "response": "200_OK",
        "data": {"project": "test-app", "environment": "local", "database": "ok"},
        "headers": None,
    }


def test_docs_and_schema_are_served_under_api(client: TestClient) -> None:
    docs = client.get("/api/docs")

    assert docs.status_code == 200
    assert "'/api/openapi.json'" in docs.text
    assert client.get("/api/openapi.json").status_code == 200


def test_health_answers_head(client: TestClient) -> None:
    response = client.head("/api/health")

    assert response.status_code == 200
    assert response.content == b""


def test_health_is_documented_once(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]

    assert list(paths["/api/health"]) == ["get"]


def test_every_route_is_under_api(app: FastAPI) -> None:
    paths = [route.path for route in app.routes if isinstance(route, Route)]

    assert "/api/docs" in paths
    assert [path for path in paths if not path.startswith("/api/")] == []
