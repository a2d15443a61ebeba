"""The translation backlog: its content against known data, its order, the report and the panel."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from editorial import translation_backlog as backlog

from .conftest import make_article, translate_all

pytestmark = pytest.mark.django_db


def rows_by_pk():
    return {row.page.pk: row for row in backlog.backlog_rows()}


def test_demo_backlog_matches_the_pages_without_english(vi, en):
    rows = backlog.backlog_rows()
    missing = {r.page.pk for r in rows if r.status == backlog.STATUS_MISSING}
    english_keys = set(Page.objects.filter(locale=en, alias_of__isnull=True).values_list("translation_key", flat=True))
    expected = set(
        Page.objects.live()
        .filter(locale=vi, depth__gt=1)
        .exclude(translation_key__in=english_keys)
        .values_list("pk", flat=True)
    )
    assert missing == expected and missing  # the demo leaves some pages untranslated on purpose
    # Out of date: English versions whose Vietnamese page was published after the last sync.
    from wagtail_localize.models import TranslationSource

    outdated = set()
    for source in TranslationSource.objects.filter(locale=vi, translations__target_locale=en):
        page = Page.objects.filter(translation_key=source.object_id, locale=vi, live=True).first()
        if page is not None and page.last_published_at and page.last_published_at > source.last_updated_at:
            outdated.add(page.pk)
    assert {r.page.pk for r in rows if r.status == backlog.STATUS_OUTDATED} == outdated


def test_missing_and_outdated_pages_most_important_first(section_vi, vi):
    from foreign_relations.models import DirectiveIndexPage, DirectivePage, PartnerIndexPage, PartnerPage

    now = timezone.now()
    old_news = make_article(section_vi, "Tin cũ chưa dịch", date=now - datetime.timedelta(days=200))
    recent = make_article(section_vi, "Tin mới chưa dịch", date=now - datetime.timedelta(days=2))
    hot = make_article(section_vi, "Tin nóng chưa dịch", date=now - datetime.timedelta(days=5), is_hot=True)
    directive = DirectivePage(title="Chỉ thị chưa dịch", document_number="99-CT/TU")
    DirectiveIndexPage.objects.get(locale=vi).add_child(instance=directive)
    directive.save_revision().publish()
    partner = PartnerPage(title="Đối tác chưa dịch")
    PartnerIndexPage.objects.get(locale=vi).add_child(instance=partner)
    partner.save_revision().publish()

    # A translated article that is current, then changed in Vietnamese after the translation's sync.
    current = make_article(section_vi, "Tin đã dịch", date=now - datetime.timedelta(days=1))
    translate_all(current)
    outdated = make_article(section_vi, "Tin đã dịch rồi sửa", date=now - datetime.timedelta(days=3))
    translate_all(outdated)
    outdated.title = "Tin đã dịch rồi sửa lại"
    outdated.save_revision().publish()

    rows = rows_by_pk()
    assert current.pk not in rows
    assert rows[outdated.pk].status == backlog.STATUS_OUTDATED
    assert rows[outdated.pk].english is not None
    assert rows[outdated.pk].source_changed_at > rows[outdated.pk].synced_at
    for page in (old_news, recent, hot, directive, partner):
        assert rows[page.pk].status == backlog.STATUS_MISSING

    order = [row.page.pk for row in backlog.backlog_rows()]
    expected = [hot.pk, recent.pk, outdated.pk, directive.pk, partner.pk, old_news.pk]
    assert [pk for pk in order if pk in expected] == expected

    # A draft Vietnamese change does not make the translation out of date; syncing clears it.
    draft_only = make_article(section_vi, "Tin chỉ sửa nháp")
    translate_all(draft_only)
    draft_only.title = "Tin chỉ sửa nháp (nháp)"
    draft_only.save_revision()
    assert draft_only.pk not in rows_by_pk()
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get_for_instance(outdated)
    source.update_from_db()
    assert outdated.pk not in rows_by_pk()


def test_report_and_panel_for_translators(client, users, section_vi):
    hot = make_article(section_vi, "Tin nóng cho bảng điều khiển", is_hot=True)
    client.force_login(users["biendichvien"])
    response = client.get(reverse("editorial_translation_backlog"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin nóng cho bảng điều khiển" in html
    assert reverse("wagtail_localize:submit_page_translation", args=[hot.pk]) in html
    response = client.get(reverse("editorial_translation_backlog") + "?status=outdated")
    assert "Tin nóng cho bảng điều khiển" not in response.content.decode()
    response = client.get(reverse("editorial_translation_backlog") + "?export=csv")
    assert response.status_code == 200
    assert (
        "Tin nóng cho bảng điều khiển" in b"".join(response.streaming_content).decode("utf-8")
        if hasattr(response, "streaming_content")
        else response.content.decode()
    )
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translation-backlog' in dashboard or "translation-backlog" in dashboard
    assert "Tin nóng cho bảng điều khiển" in dashboard


def test_report_is_not_for_collaborators(client, users):
    client.force_login(users["congtacvien"])
    response = client.get(reverse("editorial_translation_backlog"))
    assert response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))
    assert "translation-backlog" not in client.get(reverse("wagtailadmin_home")).content.decode()
