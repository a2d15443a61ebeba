"""Quotas before a department existed, one translation panel, "my articles", contact submissions."""

import datetime

import pytest
from django.urls import reverse

from editorial import reports
from editorial.panels import my_pages_with_status
from home.models import ContactPage
from portal.models import Department
from tests.editorial.helpers import make_article

pytestmark = pytest.mark.django_db


def test_months_before_a_department_existed_are_not_behind(vi):
    department = Department.objects.create(
        name="Ban Mới", code="ban-moi", monthly_quota=3, locale=vi, established_on=datetime.date(2025, 6, 15)
    )
    [row] = [r for r in reports.quota_rows(2025, today=datetime.date(2026, 1, 10)) if r.department == department]
    assert [row.month_behind(m) for m in range(1, 13)] == [False] * 5 + [True] * 7
    assert [existed for _n, _c, _b, existed in row.cells] == [False] * 5 + [True] * 7
    assert row.expected == 3 * 7
    [earlier] = [r for r in reports.quota_rows(2024, today=datetime.date(2026, 1, 10)) if r.department == department]
    assert earlier.expected == 0 and not any(earlier.month_behind(m) for m in range(1, 13))


def test_quota_report_marks_months_before_the_department(client, users, vi):
    Department.objects.create(
        name="Ban Mới", code="ban-moi", monthly_quota=3, locale=vi, established_on=datetime.date(2025, 6, 15)
    )
    client.force_login(users["truongban"])
    html = client.get(reverse("editorial_quotas") + "?year=2025").content.decode()
    assert "quota-none" in html
    assert "table-layout: fixed" in html


def test_leadership_sees_one_translation_panel(client, users):
    client.force_login(users["truongban"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert html.count("Chờ biên dịch") == 1


def test_my_articles_leave_out_translations_of_them(users, section):
    from tests.translation.conftest import translate_all

    author = users["congtacvien"]
    translate_all(section)
    article = make_article(section, "Bài của cộng tác viên", owner=author)
    english = translate_all(article, publish=False, user=users["biendichvien"])
    assert english.owner == author  # wagtail-localize copies the owner
    pks = [p.pk for p in my_pages_with_status(author)]
    assert article.pk in pks
    assert english.pk not in pks


def test_translators_do_not_read_contact_submissions(client, users):
    contact_en = ContactPage.objects.get(locale__language_code="en")
    client.force_login(users["biendichvien"])
    listing = client.get(reverse("wagtailforms:index"))
    assert contact_en.title not in listing.content.decode() or listing.status_code != 200
    response = client.get(reverse("wagtailforms:list_submissions", args=(contact_en.pk,)))
    assert response.status_code in (302, 403)
    client.force_login(users["truongban"])
    assert client.get(reverse("wagtailforms:list_submissions", args=(contact_en.pk,))).status_code == 200
