"""The Wagtail admin in Vietnamese where no catalogue reaches: the headings of Wagtail's report
exports, the root collection's name, the choosers' language filter and the admin's dates."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Collection

from editorial import roles
from tests.editorial.helpers import make_article

pytestmark = pytest.mark.django_db

REPORTS = (
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/searchpicks/reports/search-terms/",
)
ENGLISH_MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


def export(client, url, kind):
    response = client.get(url, {"export": kind})
    assert response.status_code == 200, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if kind == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    from openpyxl import load_workbook

    return [[cell.value for cell in row] for row in load_workbook(io.BytesIO(body)).active.iter_rows()]


def vietnamese(heading):
    """A Vietnamese heading has diacritics; "ID" is kept in English (docs/glossary.md)."""
    return heading == "ID" or any(ord(char) > 127 for char in heading)


def test_wagtail_report_exports_have_vietnamese_headings(client, users, section):
    article = make_article(section, "Bài chờ duyệt cho báo cáo", owner=users["congtacvien"], publish=False)
    article.get_workflow().start(article, users["congtacvien"])
    locked = make_article(section, "Bài đang khóa cho báo cáo")
    locked.locked, locked.locked_by, locked.locked_at = True, users["truongban"], timezone.now()
    locked.save()
    client.force_login(users["admin"])
    for url in REPORTS:
        for kind in ("csv", "xlsx"):
            rows = export(client, url, kind)
            headings = rows[0]
            assert headings and all(vietnamese(h) for h in headings), (url, kind, headings)
    workflow = export(client, "/admin/reports/workflow/", "csv")
    assert {"Quy trình duyệt", "Người yêu cầu"} <= set(workflow[0])
    assert any(article.title in row for row in workflow[1:])
    tasks = export(client, "/admin/reports/workflow_tasks/", "csv")[0]
    assert {"Bước duyệt", "Bắt đầu lúc", "Kết thúc lúc", "Người kết thúc"} <= set(tasks)
    assert {"Tiêu đề", "Khóa lúc", "Người khóa"} <= set(export(client, "/admin/reports/locked/", "csv")[0])


def test_root_collection_is_named_in_vietnamese(client, users):
    assert Collection.get_first_root_node().name == roles.ROOT_COLLECTION == "Gốc"
    client.force_login(users["bientapvien"])
    content = client.get("/admin/images/multiple/add/").content.decode()
    assert "Gốc" in content
    assert ">Root<" not in content and "Root</option>" not in content


def test_snippet_chooser_language_filter_is_labelled_in_vietnamese(client, users):
    client.force_login(users["bientapvien"])
    response = client.get("/admin/snippets/choose/news/topic/")
    assert response.status_code == 200
    content = response.json()["html"]
    assert re.search(r"<label[^>]*for=\"id_locale\"[^>]*>\s*Ngôn ngữ", content), content[:2000]
    assert "Locale" not in content


def test_admin_dates_are_day_month_year():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 3, 16, 10))
    with translation.override("vi"):
        assert date_format(timezone.localtime(moment), "DATETIME_FORMAT") == "03/12/2026 16:10"
        assert date_format(moment.date(), "DATE_FORMAT") == "03/12/2026"
        assert date_format(moment.date(), "SHORT_DATE_FORMAT") == "03/12/2026"
    with translation.override("en"):  # the English admin keeps Django's English formats
        assert "December" in date_format(moment.date(), "DATE_FORMAT") or "Dec" in date_format(moment.date())


def test_page_history_shows_vietnamese_dates(client, users, section):
    article = make_article(section, "Bài có lịch sử", owner=users["congtacvien"])
    client.force_login(users["truongban"])
    content = client.get(f"/admin/pages/{article.pk}/history/").content.decode()
    assert timezone.localtime(article.latest_revision_created_at).strftime("%d/%m/%Y %H:%M") in content
    assert not ENGLISH_MONTHS.search(content)
