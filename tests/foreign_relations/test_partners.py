import csv
import io

import pytest

from foreign_relations.models import PartnerPage, Sector

pytestmark = pytest.mark.django_db


def card_titles(html):
    import re

    return re.findall(r'<h2 class="fr-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_vietnamese_directory_sorts_in_vietnamese_alphabetical_order(client):
    titles = card_titles(client.get("/vi/doi-tac/").text)
    assert len(titles) == 11
    # D before Đ before H; "Quỹ Ánh Dương" (Á) before "Quỹ Hạt giống Xanh".
    assert titles.index("Diễn đàn Sức khỏe Cộng đồng") < titles.index("Đoàn Thiện nguyện Maple")
    assert titles.index("Đoàn Thiện nguyện Maple") < titles.index("Hiệp hội Đánh bắt Bền vững Thái Bình Dương")
    assert titles.index("Quỹ Ánh Dương") < titles.index("Quỹ Hạt giống Xanh")
    from portal.text import vietnamese_sort_key

    assert titles == sorted(titles, key=vietnamese_sort_key)


def test_english_directory_lists_english_pages_only_in_english_order(client):
    html = client.get("/en/partners/").text
    titles = card_titles(html)
    assert titles == sorted(titles, key=str.casefold)
    assert "Caring Hands Korea" in titles and "Nordic Clean Water Initiative" in titles
    assert "Diễn đàn Sức khỏe Cộng đồng" not in html  # no English translation: not listed
    assert len(titles) == 7


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=DK", {"Tổ chức Nước sạch Bắc Âu"}),
        ("country=jp", {"Hội Hữu nghị Shimanami – An Giang"}),
        ("type=foundation", {"Quỹ Hạt giống Xanh", "Quỹ Ánh Dương"}),
        ("sector=y-te", {"Tổ chức Nước sạch Bắc Âu", "Tổ chức Bàn tay Chăm sóc", "Diễn đàn Sức khỏe Cộng đồng"}),
        ("locality=Phu+Quoc", {"Tổ chức Nước sạch Bắc Âu", "Hiệp hội Đánh bắt Bền vững Thái Bình Dương",
                               "Văn phòng Lãnh sự danh dự Lumière"}),
        ("type=ngo&sector=y-te&locality=Giồng+Riềng", {"Tổ chức Bàn tay Chăm sóc"}),
    ],
)  # fmt: skip
def test_directory_filters(client, query, expected):
    assert set(card_titles(client.get(f"/vi/doi-tac/?{query}").text)) == expected


def test_sector_filter_accepts_the_id_of_either_language_and_filters_english_pages(client, en):
    health_en = Sector.objects.get(code="y-te", locale=en)
    html = client.get(f"/en/partners/?sector={health_en.pk}").text
    assert set(card_titles(html)) == {"Nordic Clean Water Initiative", "Caring Hands Korea"}
    html = client.get("/en/partners/?locality=Phu+Quoc").text
    assert set(card_titles(html)) == {"Nordic Clean Water Initiative"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/vi/doi-tac/?country=ZZ", "“ZZ” không phải là mã quốc gia hợp lệ."),
        ("/en/partners/?country=ZZ", "“ZZ” is not a known country code."),
        ("/vi/doi-tac/?sector=999999", "“999999” không phải là lĩnh vực có trên trang."),
        ("/en/partners/?sector=999999", "“999999” is not a known sector."),
        ("/en/partners/?type=spy", "“spy” is not a type of partner."),
        ("/en/partners/?country=" + "X" * 300, "is too long"),
    ],
)
def test_bad_filter_values_give_an_explained_empty_result(client, url, message):
    response = client.get(url)
    assert response.status_code == 200
    assert message in response.text
    assert card_titles(response.text) == []


def test_a_valid_filter_without_match_says_so(client):
    response = client.get("/en/partners/?country=BR")
    assert response.status_code == 200
    assert "No partner matches these filters." in response.text
    assert "Không có đối tác nào phù hợp" in client.get("/vi/doi-tac/?country=BR").text


@pytest.mark.parametrize("number", ["abc", "0", "-1", "99999999999999999999", "%00", "１"])
def test_any_page_number_answers(client, number):
    response = client.get(f"/vi/doi-tac/?page={number}")
    assert response.status_code == 200
    assert len(card_titles(response.text)) == 11


def test_csv_has_bom_vietnamese_and_the_filters(client):
    response = client.get("/vi/doi-tac/csv/?country=DK")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "Tên" and len(rows) == 2
    assert rows[1][0] == "Tổ chức Nước sạch Bắc Âu"
    assert rows[1][4] == "Đan Mạch"
    assert "Nước sạch và vệ sinh" in rows[1][5]


def test_english_csv_and_formula_cells_are_neutralised(client, en):
    partner = PartnerPage.objects.get(locale=en, slug="caring-hands-korea")
    partner.contact_person = '=HYPERLINK("http://evil")'
    partner.save_revision().publish()
    rows = list(csv.reader(io.StringIO(client.get("/en/partners/csv/").content.decode("utf-8-sig"))))
    assert rows[0][0] == "Name"
    assert [r[0] for r in rows[1:]] == sorted((r[0] for r in rows[1:]), key=str.casefold)
    korea = next(r for r in rows if r[0] == "Caring Hands Korea")
    assert korea[4] == "South Korea" and korea[9].startswith("'=")
    bad = client.get("/en/partners/csv/?country=ZZ")
    assert bad.status_code == 200 and len(list(csv.reader(io.StringIO(bad.content.decode("utf-8-sig"))))) == 1


def test_partner_page_shows_facts_projects_and_sectors_in_each_language(client):
    vi = client.get("/vi/doi-tac/to-chuc-nuoc-sach-bac-au/").text
    assert "Nordisk Rent Vand Initiativ" in vi and "Đan Mạch" in vi and "Nước sạch và vệ sinh" in vi
    assert "Nước sạch cho 12 trường học ở Phú Quốc" in vi
    en = client.get("/en/partners/nordic-clean-water-initiative/").text
    assert "Denmark" in en and "Water and sanitation" in en and "Nước sạch và vệ sinh" not in en
    assert "Clean water for 12 schools in Phu Quoc" in en
    assert "A fictional organization" in en


def test_admin_partner_form_offers_the_sectors_of_the_page_language(client, partner_index_vi, vi, en):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(f"/admin/pages/add/foreign_relations/partnerpage/{partner_index_vi.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nước sạch và vệ sinh" in html
    assert "Water and sanitation" not in html
    edit = client.get(f"/admin/pages/{PartnerPage.objects.get(locale=vi, slug='quy-anh-duong').pk}/edit/")
    assert edit.status_code == 200
