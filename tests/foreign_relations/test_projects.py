import re
from decimal import Decimal

import pytest

from foreign_relations.models import AidProjectPage, ProjectStatus, Sector

pytestmark = pytest.mark.django_db


def project_titles(html):
    return re.findall(r'<td><a href="[^"]+">([^<]+)</a>', html)


def totals_section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</table>", start)]


def test_totals_by_status_and_sector_per_currency_never_converted(client, project_index_vi, vi):
    water = Sector.objects.get(code="nuoc-sach", locale=vi)
    project_index_vi.add_child(
        instance=AidProjectPage(
            title="Giếng khoan cho xã đảo",
            status=ProjectStatus.SEEKING,
            sector=water,
            budget=Decimal("50000.50"),
            currency="USD",
            locality="Kiên Hải",
        )
    )
    html = client.get("/vi/du-an/").text
    by_status = totals_section(html, "totals-status")
    # Seeking: 250.000 USD (health stations) + 50.000,50 USD (wells), 80.000 AUD, 2.500.000.000 VND; no sum across them.
    assert "300.000,50 USD" in by_status
    assert "80.000 AUD" in by_status and "2.500.000.000 VND" in by_status
    by_sector = totals_section(html, "totals-sector")
    # Water: 185.000 + 50.000,50 USD and 2.500.000.000 VND.
    assert "235.000,50 USD" in by_sector and "2.500.000.000 VND" in by_sector
    english = client.get("/en/projects/").text
    assert "USD 250,000" in totals_section(english, "totals-status")
    assert "Water and sanitation" in totals_section(english, "totals-sector")


def test_totals_follow_the_filters(client):
    html = client.get("/vi/du-an/?status=completed").text
    assert set(project_titles(html)) == {
        "Phục hồi 40 ha rừng ngập mặn ở An Biên",
        "Khám bệnh lưu động ở Giồng Riềng",
        "Tủ sách thiếu nhi ở Châu Thành",
    }
    by_status = totals_section(html, "totals-status")
    assert "320.000 EUR" in by_status and "USD" not in by_status


def test_english_list_of_projects_seeking_funding(client):
    response = client.get("/en/projects/seeking-funding/")
    assert response.status_code == 200
    assert "Projects seeking funding" in response.text
    assert set(project_titles(response.text)) == {
        "Upgrading health stations on the islands",
        "Rainwater tanks for the Giang Thanh border area",
        "Disaster skills in schools",
    }
    assert "Ongoing</span>" not in response.text
    narrowed = client.get("/en/projects/seeking-funding/?sector=y-te").text
    assert project_titles(narrowed) == ["Upgrading health stations on the islands"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/vi/du-an/?status=paused", "“paused” không phải là trạng thái dự án."),
        ("/en/projects/?status=paused", "“paused” is not a project status."),
        ("/en/projects/?sector=999999", "“999999” is not a known sector."),
        ("/en/projects/seeking-funding/?sector=%3Cscript%3E", "“&lt;script&gt;” is not a known sector."),
    ],
)
def test_bad_project_filters_are_explained(client, url, message):
    response = client.get(url)
    assert response.status_code == 200
    assert message in response.text
    assert project_titles(response.text) == []


def test_locality_filter_ignores_diacritics(client):
    html = client.get("/vi/du-an/?locality=giong+rieng").text
    assert project_titles(html) == ["Khám bệnh lưu động ở Giồng Riềng"]


def test_project_page_in_english_links_the_english_partner(client):
    html = client.get("/en/projects/clean-water-for-12-schools-in-phu-quoc/").text
    assert 'href="/en/partners/nordic-clean-water-initiative/"' in html
    assert "USD 185,000" in html and "1 March 2023" in html
    assert "Water and sanitation" in html
    vi = client.get("/vi/du-an/nuoc-sach-truong-hoc-phu-quoc/").text
    assert "185.000 USD" in vi and "01/03/2023" in vi and 'href="/vi/doi-tac/to-chuc-nuoc-sach-bac-au/"' in vi


def test_seeking_project_says_it_looks_for_a_partner(client):
    html = client.get("/en/projects/upgrading-health-stations-on-the-islands/").text
    assert "Seeking a partner and funding" in html


def test_project_validation_rejects_negative_budget_and_reversed_period():
    import datetime

    from django.core.exceptions import ValidationError

    project = AidProjectPage(title="Sai", budget=Decimal("-1"), currency="USD")
    with pytest.raises(ValidationError):
        project.clean()
    project = AidProjectPage(
        title="Sai", start_date=datetime.date(2024, 1, 2), end_date=datetime.date(2023, 1, 1), currency="USD"
    )
    with pytest.raises(ValidationError):
        project.clean()
