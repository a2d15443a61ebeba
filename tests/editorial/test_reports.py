"""Coverage and quota reports against known data; the CSV and XLSX exports open and match."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from editorial import reports
from portal.models import Department
from tests.editorial.helpers import aware, make_article

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    text = text[1:]
    return list(csv.reader(io.StringIO(text)))


def read_xlsx(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [["" if v is None else str(v) for v in row] for row in workbook.active.iter_rows(values_only=True)]


@pytest.fixture
def quota_data(section, department, vi, users):
    """Known articles of 2021 for a department with a quota of 3 a month, plus noise that must not count."""
    other = Department.objects.create(
        name="Phòng Đối ngoại thử", code="phong-doi-ngoai-thu", monthly_quota=1, locale=vi
    )
    for day in (3, 17):
        make_article(section, f"Tin tháng ba {day}", department=department, date=aware(2021, 3, day))
    make_article(section, "Tin tháng năm", department=department, date=aware(2021, 5, 9))
    make_article(section, "Tin năm khác", department=department, date=aware(2020, 5, 9))
    make_article(section, "Nháp không tính", department=department, date=aware(2021, 3, 20), publish=False)
    make_article(section, "Tin phòng khác", department=other, date=aware(2021, 12, 31, 23))
    return department, other


def test_quota_figures(quota_data):
    department, other = quota_data
    rows = {row.department.pk: row for row in reports.quota_rows(2021, today=datetime.date(2022, 1, 15))}
    row = rows[department.pk]
    assert row.quota == 3
    assert row.months == [0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert (row.total, row.expected, row.difference) == (3, 36, -33)
    assert row.month_behind(3) and row.month_behind(1)
    # 31/12 23:00 in Viet Nam is December there, whatever UTC says.
    assert rows[other.pk].months[11] == 1
    assert not rows[other.pk].month_behind(12)
    assert 2021 in reports.quota_years() and 2020 in reports.quota_years()


def test_quota_this_month_and_dashboard(quota_data, client, users):
    department, other = quota_data
    today = timezone.localdate()
    behind = {row.department.pk: row for row in reports.quotas_behind_this_month(today)}
    assert department.pk in behind and behind[department.pk].this_month == 0
    client.force_login(users["truongban"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="editorial-dashboard-section"' in html
    assert department.name in html
    assert "<svg" in html and '<script src="http' not in html


def test_quota_report_page_and_exports_match(quota_data, client, users):
    department, _other = quota_data
    client.force_login(users["truongban"])
    url = reverse("editorial_quotas")
    page = client.get(url, {"year": "2021"})
    assert page.status_code == 200
    assert department.name in page.content.decode()

    csv_rows = read_csv(client.get(url, {"year": "2021", "export": "csv"}))
    xlsx_rows = read_xlsx(client.get(url, {"year": "2021", "export": "xlsx"}))
    assert csv_rows == xlsx_rows
    header = csv_rows[0]
    assert len(header) == 2 + 12 + 3
    assert header[2] == "01/2021"
    line = next(r for r in csv_rows if r[0] == department.name)
    assert line == ["Phòng Kiểm thử", "3", "0", "0", "2", "0", "1", "0", "0", "0", "0", "0", "0", "0", "3", "36", "-33"]


def test_quota_report_survives_bad_input(client, users):
    client.force_login(users["truongban"])
    for year in ("abc", "-5", "99999", ""):
        assert client.get(reverse("editorial_quotas"), {"year": year}).status_code == 200
    assert client.get(reverse("editorial_coverage"), {"language": "xx"}).status_code == 200


def test_reports_are_for_the_board_only(client, users):
    for username in ("congtacvien", "biendichvien"):
        client.force_login(users[username])
        for name in ("editorial_quotas", "editorial_coverage"):
            response = client.get(reverse(name), {"export": "csv"})
            assert response.status_code in (302, 403)
            assert not response.get("Content-Type", "").startswith("text/csv")
    client.logout()
    assert client.get(reverse("editorial_quotas")).status_code == 302
    client.force_login(users["bientapvien"])
    assert client.get(reverse("editorial_coverage")).status_code == 200


def test_coverage_flags_empty_stale_and_fresh_sections(news_index, users, client, settings):
    from news.models import NewsSectionPage

    settings.PORTAL_STALE_AFTER_DAYS = 30
    now = timezone.now()
    made = {}
    for slug in ("muc-trong", "muc-cu", "muc-moi"):
        made[slug] = NewsSectionPage(title=f"Mục {slug}", slug=slug)
        news_index.add_child(instance=made[slug])
        made[slug].save_revision().publish()
    make_article(made["muc-cu"], "Tin cũ", first_published_at=now - datetime.timedelta(days=100))
    make_article(made["muc-moi"], "Tin cũ ở mục mới", first_published_at=now - datetime.timedelta(days=90))
    make_article(made["muc-moi"], "Tin mới", first_published_at=now - datetime.timedelta(days=2))
    make_article(made["muc-moi"], "Tin nháp", publish=False)

    rows = {row.page.pk: row for row in reports.coverage_rows(language="vi")}
    empty, old, fresh = (rows[made[s].pk] for s in ("muc-trong", "muc-cu", "muc-moi"))
    assert (empty.live_items, empty.recent_items, empty.status, empty.last_published) == (0, 0, "empty", None)
    assert (old.live_items, old.recent_items, old.status) == (1, 0, "stale")
    assert (fresh.live_items, fresh.recent_items, fresh.status) == (2, 1, "ok")
    assert abs((fresh.last_published - (now - datetime.timedelta(days=2))).total_seconds()) < 5
    # The news index counts every article below it, and is listed too.
    assert rows[news_index.pk].live_items >= 4
    # Both languages are covered; the home page and plain pages are not listing pages.
    all_rows = reports.coverage_rows()
    assert {"vi"} <= {r.language for r in all_rows}
    assert not any(r.page.depth <= 2 for r in all_rows)

    client.force_login(users["truongban"])
    url = reverse("editorial_coverage")
    csv_rows = read_csv(client.get(url, {"export": "csv", "language": "vi"}))
    xlsx_rows = read_xlsx(client.get(url, {"export": "xlsx", "language": "vi"}))
    assert csv_rows == xlsx_rows
    line = next(r for r in csv_rows if r[0] == "Mục muc-cu")
    assert line[1] == "vi" and line[3] == "1" and line[5] == "0" and line[6] == "Đã lâu chưa cập nhật"
    assert line[4] == timezone.localtime(now - datetime.timedelta(days=100)).strftime("%d/%m/%Y")
    assert csv_rows[0][0] == "Chuyên mục"
    settings.PORTAL_STALE_AFTER_DAYS = 120
    rows = {row.page.pk: row for row in reports.coverage_rows(language="vi")}
    assert rows[made["muc-cu"].pk].status == "ok"


def test_listing_types_are_found_generically():
    names = {m._meta.label for m in reports.listing_page_models()}
    assert {"news.NewsIndexPage", "news.NewsSectionPage"} <= names
    assert "home.HomePage" not in names and "home.StandardPage" not in names and "news.NewsPage" not in names


def test_publications_per_month_counts_new_articles(section, department):
    today = datetime.date(2021, 6, 15)
    before = reports.publications_per_month(months=6, today=today)
    assert [month for month, _count in before] == [datetime.date(2021, m, 1) for m in range(1, 7)]
    make_article(section, "Tin tháng hai", department=department, date=aware(2021, 2, 1))
    make_article(section, "Tin tháng hai nữa", date=aware(2021, 2, 28, 20))
    make_article(section, "Tin tháng tư", date=aware(2021, 4, 30))
    make_article(section, "Tin tháng bảy", date=aware(2021, 7, 1))  # after the window
    after = reports.publications_per_month(months=6, today=today)
    assert [a - b for (_m, a), (_n, b) in zip(after, before, strict=True)] == [0, 2, 0, 1, 0, 0]
