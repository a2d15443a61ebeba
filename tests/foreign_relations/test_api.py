import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("endpoint", "type_name"),
    [
        ("partners", "foreign_relations.PartnerPage"),
        ("projects", "foreign_relations.AidProjectPage"),
        ("directives", "foreign_relations.DirectivePage"),
    ],
)
def test_typed_endpoints_filter_by_locale(client, endpoint, type_name):
    english = client.get(f"/api/v2/{endpoint}/?locale=en&fields=*").json()
    vietnamese = client.get(f"/api/v2/{endpoint}/?locale=vi").json()
    assert english["meta"]["total_count"] > 0
    assert vietnamese["meta"]["total_count"] > english["meta"]["total_count"]
    assert {item["meta"]["type"] for item in english["items"]} == {type_name}
    assert {item["meta"]["locale"] for item in english["items"]} == {"en"}
    generic = client.get(f"/api/v2/pages/?type={type_name}&locale=en").json()
    assert generic["meta"]["total_count"] == english["meta"]["total_count"]


def test_api_fields_of_partners_and_directives(client):
    partners = client.get("/api/v2/partners/?locale=en&fields=*&limit=20").json()["items"]
    nordic = next(p for p in partners if p["title"] == "Nordic Clean Water Initiative")
    assert nordic["country"] == {"code": "DK", "name": "Denmark"}
    assert {s["name"] for s in nordic["sectors"]} == {"Health", "Water and sanitation"}
    assert nordic["partner_type"] == "ngo" and nordic["acronym"] == "NCWI"
    directives = client.get("/api/v2/directives/?locale=vi&fields=*").json()["items"]
    directive = next(d for d in directives if d["document_number"] == "12-CT/TW")
    assert directive["issue_date"] == "2022-01-05"
    assert directive["issuing_body"]["name"] == "Ban Bí thư Trung ương Đảng"
    assert directive["document_type"]["code"] == "chi-thi"
    projects = client.get("/api/v2/projects/?locale=vi&fields=budget,currency,status&limit=20").json()["items"]
    assert {p["status"] for p in projects} == {"seeking", "ongoing", "completed"}
    assert all(len(p["currency"]) == 3 for p in projects)


def test_news_articles_through_the_api(client):
    response = client.get("/api/v2/pages/?type=news.NewsPage&locale=en")
    assert response.status_code == 200
    assert {item["meta"]["locale"] for item in response.json()["items"]} <= {"en"}


def test_unknown_locale_and_type_do_not_fail(client):
    assert client.get("/api/v2/partners/?locale=xx").status_code < 500
    assert client.get("/api/v2/pages/?type=nosuch.Page").status_code == 400
