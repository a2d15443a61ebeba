"""Every answer under /api/ is JSON with the right status, never a redirect to an HTML page."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v2/pages/99999/", 404),
        ("/api/v2/news/99999/", 404),
        ("/api/v2/partners/99999/", 404),
        ("/api/v2/images/99999/", 404),
        ("/api/v2/pages/?locale=fr", 400),
        ("/api/v2/news/?locale=xx", 400),
        ("/api/v2/pages/?type=nosuch.Page", 400),
        ("/api/v2/pages/?limit=abc", 400),
        ("/api/v2/pages/abc/", 404),
        ("/api/v2/nosuch/", 404),
        ("/api/v1/pages/", 404),
        ("/api/", 404),
    ],
)
def test_api_errors_are_json(client, url, status):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == status, response.get("Location")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_unknown_locale_names_the_languages(client):
    assert client.get("/api/v2/pages/?locale=fr").json() == {"message": "locale must be one of: vi, en"}


def test_api_index_lists_the_endpoints(client):
    response = client.get("/api/v2/")
    assert response.status_code == 200
    endpoints = response.json()["endpoints"]
    assert set(endpoints) == {
        "pages",
        "news",
        "partners",
        "projects",
        "directives",
        "events",
        "albums",
        "videos",
        "associations",
        "images",
        "documents",
    }
    for name, endpoint in endpoints.items():
        assert endpoint["url"] == f"http://testserver/api/v2/{name}/"
        assert client.get(endpoint["url"]).status_code == 200


def test_api_index_is_read_only(client):
    response = client.post("/api/v2/")
    assert response.status_code == 405
    assert response.json()["message"]


def test_site_paths_without_language_still_get_one(client):
    response = client.get("/tin-tuc/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302
    assert response["Location"] == "/vi/tin-tuc/"


def test_api_server_error_is_json(rf):
    from portal.views import server_error

    response = server_error(rf.get("/api/v2/pages/"))
    assert response.status_code == 500
    assert json.loads(response.content) == {"message": "Server error."}
