import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from foreign_relations.models import DirectivePage
from foreign_relations.models.directives import number_key

pytestmark = pytest.mark.django_db


def numbers(html):
    return re.findall(r'<span class="fr-number">([^<]+)</span>', html)


def test_number_key_reduces_the_ways_a_number_is_typed():
    assert number_key("12-CT/TW") == number_key("12/CT-TW") == number_key("12 ct tw") == "12CTTW"
    assert number_key("229/QĐ-LH") == number_key("229/qd-lh") == "229QDLH"


@pytest.mark.parametrize("query", ["12-CT/TW", "12/CT-TW", "12 ct tw", "12CTTW"])
def test_finding_a_directive_by_number(client, query):
    found = numbers(client.get("/vi/van-ban/", {"q": query}).text)
    assert found[0] == "12-CT/TW"


def test_decision_by_number_without_diacritics_and_by_words(client):
    assert numbers(client.get("/vi/van-ban/", {"q": "229/QD-LH"}).text) == ["229/QĐ-LH"]
    assert "229/QĐ-LH" in numbers(client.get("/vi/van-ban/", {"q": "Ban Biên tập"}).text)


def test_english_library_lists_translated_documents_only(client):
    html = client.get("/en/documents/").text
    assert set(numbers(html)) == {"12-CT/TW", "15/KH-LH"}
    assert "Secretariat of the Party Central Committee" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=chi-thi", ["12-CT/TW"]),
        ("type=quyet-dinh", ["229/QĐ-LH"]),
        ("issuing_body=chu-tich-lien-hiep", ["15/KH-LH", "229/QĐ-LH"]),
        ("year=2022", ["229/QĐ-LH", "12-CT/TW"]),
        ("year=2023&issuing_body=chu-tich-lien-hiep", ["15/KH-LH"]),
        ("year=1999", []),
    ],
)
def test_library_filters(client, query, expected):
    assert numbers(client.get(f"/vi/van-ban/?{query}").text) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/vi/van-ban/?year=abc", "“abc” không phải là năm trong khoảng từ 1945 đến 2100."),
        ("/en/documents/?year=abc", "“abc” is not a year between 1945 and 2100."),
        ("/en/documents/?year=-5", "is not a year"),
        ("/en/documents/?year=%C2%B2", "is not a year"),
        ("/en/documents/?year=99999999999999999999", "is not a year"),
        ("/en/documents/?type=%C2%B2", "is not a known type of document."),
        ("/en/documents/?type=999999", "“999999” is not a known type of document."),
        ("/en/documents/?issuing_body=nobody", "“nobody” is not a known issuing body."),
    ],
)
def test_bad_library_filters_are_explained(client, url, message):
    response = client.get(url)
    assert response.status_code == 200
    assert message in response.text
    assert numbers(response.text) == []


def test_english_directive_gives_a_summary_and_says_the_official_text_is_vietnamese(client):
    html = client.get("/en/documents/directive-12-ct-tw/").text
    assert "The official text of this document is Vietnamese." in html
    assert 'href="/vi/van-ban/chi-thi-12-ct-tw/"' in html
    assert "5 January 2022" in html and "people-to-people diplomacy" in html
    vi = client.get("/vi/van-ban/chi-thi-12-ct-tw/").text
    assert "05/01/2022" in vi and "Ban Bí thư Trung ương Đảng" in vi
    assert "The official text of this document is Vietnamese." not in vi


def test_attachment_downloads_as_attachment_with_nosniff(client):
    response = client.get("/vi/van-ban/quyet-dinh-229-qd-lh/")
    assert 'href="/vi/van-ban/quyet-dinh-229-qd-lh/download/"' in response.text
    download = client.get("/vi/van-ban/quyet-dinh-229-qd-lh/download/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "229/QĐ-LH" in b"".join(download.streaming_content).decode("utf-8")
    assert client.get("/vi/van-ban/chi-thi-12-ct-tw/download/").status_code == 404


def test_html_attachment_is_never_rendered_inline(client, directive_index_vi):
    Document = get_document_model()
    document = Document(title="Bẫy")
    document.file.save("bay.txt", ContentFile(b"<script>alert(1)</script>"), save=False)
    document.save()
    page = DirectivePage(title="Văn bản thử", document_number="1/TB-LH", attachment=document)
    directive_index_vi.add_child(instance=page)
    response = client.get(page.url + "download/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_directive_links_both_ways(client):
    plan = client.get("/vi/van-ban/ke-hoach-thuc-hien-chi-thi-12-nam-2023/").text
    assert 'href="/vi/van-ban/chi-thi-12-ct-tw/"' in plan  # its related page
    directive = client.get("/vi/van-ban/chi-thi-12-ct-tw/").text
    assert 'href="/vi/van-ban/ke-hoach-thuc-hien-chi-thi-12-nam-2023/"' in directive  # cited by
    english = client.get("/en/documents/directive-12-ct-tw/").text
    assert 'href="/en/documents/plan-directive-12-2023/"' in english
    assert "/vi/" not in english.split('id="mentions-heading"')[1].split("</section>")[0]
