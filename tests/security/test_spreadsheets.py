"""No file the site exports carries a spreadsheet formula: one neutraliser (portal.spreadsheets),
used by every CSV/XLSX export, each tried with text that a spreadsheet would run."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page, PageLogEntry

from portal.spreadsheets import SafeSpreadsheetMixin, neutralise

FORMULA = "=HYPERLINK(\"http://attacker.example\",\"Bấm vào đây\")"
NEUTRALISED = "'" + FORMULA


def test_neutralise_each_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise("Hội Hữu nghị Việt – Đức") == "Hội Hữu nghị Việt – Đức"
    assert neutralise(None) == ""
    assert neutralise(-3) == "'-3"  # as text; exports keep numbers as numbers (below)


def test_numbers_and_dates_stay_numbers():
    class Export(SafeSpreadsheetMixin, SpreadsheetExportMixin):
        pass

    view = Export()
    assert view.preprocess_field_value("difference", -3, "csv") == -3
    assert view.preprocess_field_value("title", "-3 bài", "csv") == "'-3 bài"
    assert view.preprocess_field_value("title", FORMULA, "xlsx") == NEUTRALISED


# Exports whose cells cannot start with a formula character, and why.
NOT_NEUTRALISED = {
    "wagtailredirects:index": "old paths start with '/', targets are validated URLs or pages",
    "wagtailredirects:index_results": "the same listing's results",
}


def exporting_routes():
    """(name, path) of every installed admin URL whose view exports a spreadsheet."""
    found = []

    def walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = ":".join(filter(None, [namespace, pattern.namespace])) if pattern.namespace else namespace
                walk(pattern, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                view_class = getattr(pattern.callback, "view_class", None)
                if not (view_class and issubclass(view_class, SpreadsheetExportMixin)):
                    continue
                exports = view_class.list_export
                if isinstance(exports, property) or exports:
                    found.append((f"{namespace}:{pattern.name}" if namespace else pattern.name, prefix + str(pattern.pattern)))

    walk(get_resolver(), "/", "")
    return found


def test_every_exporting_admin_route_neutralises_its_cells():
    routes = exporting_routes()
    names = {name for name, _path in routes}
    assert {"wagtailadmin_reports:site_history", "editorial_quotas", "wagtailadmin_reports:aging_pages"} <= names
    unsafe = []
    for name, route in routes:
        if name in NOT_NEUTRALISED or "<" in route:
            continue
        view_class = getattr(resolve(route).func, "view_class", None)
        if not (view_class and issubclass(view_class, SafeSpreadsheetMixin)):
            unsafe.append(name)
    assert not unsafe, f"these exports do not neutralise formulas: {unsafe}"


def test_contact_submissions_view_neutralises():
    from home.models import ContactPage

    assert issubclass(ContactPage().get_submissions_list_view_class(), SafeSpreadsheetMixin)


# -- each export, with a hostile value --------------------------------------------------------------

def user(name):
    return get_user_model().objects.get(username=name)


def csv_cells(client, url, **params):
    """Every cell of the CSV export of ``url``, as a spreadsheet program reads them."""
    response = client.get(url, {"export": "csv", **params})
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]


def csv_rows(client, url):
    response = client.get(url, {"export": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_values(client, url):
    from openpyxl import load_workbook

    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


def hostile_page(home_vi, title=FORMULA, publish=True):
    from home.models import StandardPage

    page = StandardPage(title=title, slug="trang-cong-thuc")
    home_vi.add_child(instance=page)
    revision = page.save_revision(user=user("congtacvien"))
    if publish:
        revision.publish(user=user("truongban"))
    return Page.objects.get(pk=page.pk)


@pytest.mark.django_db
def test_site_history_export(client, home_vi):
    page = hostile_page(home_vi)
    PageLogEntry.objects.log_action(instance=page, action="wagtail.edit", user=user("congtacvien"))
    client.force_login(user("admin"))
    cells = csv_cells(client, "/admin/reports/site-history/")
    assert NEUTRALISED in cells and FORMULA not in cells
    assert NEUTRALISED in xlsx_values(client, "/admin/reports/site-history/")


@pytest.mark.django_db
def test_aging_pages_export(client, home_vi):
    hostile_page(home_vi)
    client.force_login(user("admin"))
    cells = csv_cells(client, "/admin/reports/aging-pages/")
    assert NEUTRALISED in cells and FORMULA not in cells


@pytest.mark.django_db
def test_locked_pages_export(client, home_vi):
    page = hostile_page(home_vi)
    page.locked, page.locked_by = True, user("truongban")
    page.save()
    client.force_login(user("admin"))
    cells = csv_cells(client, "/admin/reports/locked/")
    assert NEUTRALISED in cells and FORMULA not in cells


@pytest.mark.django_db
def test_workflow_and_workflow_tasks_exports(client, section_vi_page):
    from news.models import NewsPage

    article = NewsPage(title=FORMULA, slug="bai-cong-thuc", live=False)
    section_vi_page.add_child(instance=article)
    article.save_revision(user=user("congtacvien"))
    article.get_workflow().start(article, user("congtacvien"))
    client.force_login(user("admin"))
    for url in ("/admin/reports/workflow/", "/admin/reports/workflow_tasks/"):
        cells = csv_cells(client, url)
        assert NEUTRALISED in cells and FORMULA not in cells, url


@pytest.mark.django_db
def test_search_terms_export(client):
    from wagtail.contrib.search_promotions.models import Query

    Query.get(FORMULA).add_hit()
    client.force_login(user("admin"))
    cells = [cell.lower() for cell in csv_cells(client, "/admin/searchpicks/reports/search-terms/")]
    assert NEUTRALISED.lower() in cells and FORMULA.lower() not in cells  # Wagtail stores queries in lower case


@pytest.mark.django_db
def test_popular_searches_export(client):
    from django.utils import timezone

    from search.models import SearchLog

    SearchLog.objects.create(day=timezone.localdate(), language="vi", query="@SUM(1+1)", hits=3, results=0)
    client.force_login(user("admin"))
    cells = csv_cells(client, "/admin/reports/popular-searches/")
    assert "'@SUM(1+1)" in cells and "@SUM(1+1)" not in cells


@pytest.mark.django_db
def test_translation_backlog_export(client, home_vi):
    hostile_page(home_vi)  # a Vietnamese page with no English version: on the backlog
    client.force_login(user("truongban"))
    cells = csv_cells(client, "/admin/translation/backlog/")
    assert NEUTRALISED in cells and FORMULA not in cells


@pytest.mark.django_db
def test_section_coverage_export(client, section_vi_page):
    section_vi_page.title = "+Chuyên mục công thức"
    section_vi_page.save_revision().publish()
    client.force_login(user("truongban"))
    cells = csv_cells(client, "/admin/reports/coverage/")
    assert "'+Chuyên mục công thức" in cells and "+Chuyên mục công thức" not in cells


@pytest.mark.django_db
def test_department_quotas_export(client, vi):
    from portal.models import Department

    Department.objects.create(name="-Phòng công thức", code="phong-cong-thuc", monthly_quota=2, locale=vi)
    client.force_login(user("truongban"))
    row = next(row for row in csv_rows(client, "/admin/reports/quotas/") if "Phòng công thức" in row[0])
    assert row[0] == "'-Phòng công thức"
    numbers = row[1:]
    assert any(cell.startswith("-") for cell in numbers)  # the difference stays a negative number …
    assert not any(cell.startswith("'") for cell in numbers)  # … not text


@pytest.mark.django_db
def test_contact_form_submissions_export(client, contact_vi):
    from tests.security.conftest import VALID_CONTACT

    anonymous = client.__class__()
    data = dict(VALID_CONTACT, tieu_de=FORMULA, noi_dung="=1+1 và @SUM(A1:A9)")
    response = anonymous.post(contact_vi.url, data)
    assert response.status_code in (200, 302)
    client.force_login(user("truongban"))
    url = f"/admin/forms/submissions/{contact_vi.pk}/"
    cells = csv_cells(client, url)
    assert NEUTRALISED in cells and "'=1+1 và @SUM(A1:A9)" in cells
    assert FORMULA not in cells
    values = xlsx_values(client, url)
    assert NEUTRALISED in values and "'=1+1 và @SUM(A1:A9)" in values


@pytest.fixture
def section_vi_page(vi):
    from news.models import NewsSectionPage

    return NewsSectionPage.objects.filter(locale=vi).live().order_by("path").first()
