"""The health route."""

from fastapi.testclient import TestClient


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
    assert client.get("/api/docs").status_code == 200
    assert client.get("/api/openapi.json").status_code == 200
