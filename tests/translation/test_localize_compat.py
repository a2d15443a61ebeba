"""The wagtail-localize work-arounds of translation/localize_compat.py, each shown against the gap it covers."""

import pytest
from django.db import transaction
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.segments import StringSegmentValue

from portal.blocks import TranslatableTableBlock
from translation import localize_compat

from .conftest import english_of, make_article

pytestmark = pytest.mark.django_db


def make_section(index, title):
    from news.models import NewsSectionPage

    section = NewsSectionPage(title=title)
    index.add_child(instance=section)
    section.save_revision().publish()
    return section


@pytest.fixture
def news_index(vi):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get(locale=vi)


def run_on_commit_callbacks():
    """Run the callbacks queued with transaction.on_commit, as the commit of a request would."""
    connection = transaction.get_connection()
    callbacks, connection.run_on_commit = list(connection.run_on_commit), []
    for _sids, func, _robust in callbacks:
        func()


def test_upstream_deferred_publish_writes_a_stale_numchild(news_index, en):
    """The gap: save_target(publish=True) publishes on commit with the page as it was before the
    children added later in the same transaction, and treebeard then hides those children."""
    section = make_section(news_index, "Chuyên mục numchild gốc")
    translate_object(section, [en])
    translation = Translation.objects.get(source=TranslationSource.objects.get_for_instance(section))
    translation.save_target(publish=True)
    translate_object(make_article(section, "Bài con"), [en])
    section_en = english_of(section)
    assert Page.objects.get(pk=section_en.pk).numchild == 1
    run_on_commit_callbacks()
    section_en = Page.objects.get(pk=section_en.pk)
    assert section_en.live
    assert section_en.numchild == 0  # corrupted: one child exists
    assert Page.objects.filter(path__startswith=section_en.path, depth=section_en.depth + 1).count() == 1


def test_save_translation_publishes_with_a_fresh_tree(news_index, en):
    section = make_section(news_index, "Chuyên mục numchild an toàn")
    translate_object(section, [en])
    translation = Translation.objects.get(source=TranslationSource.objects.get_for_instance(section))
    target = localize_compat.save_translation(translation, publish=True)
    translate_object(make_article(section, "Bài con an toàn"), [en])
    run_on_commit_callbacks()
    section_en = Page.objects.get(pk=target.pk)
    assert section_en.live
    assert section_en.numchild == 1
    assert section_en.get_children().count() == 1


def test_save_translation_keeps_a_draft_a_draft(section_vi, en):
    article = make_article(section_vi, "Bài nháp dịch")
    translate_object(article, [en])
    translation = Translation.objects.get(source=TranslationSource.objects.get_for_instance(article))
    target = localize_compat.save_translation(translation, publish=False)
    run_on_commit_callbacks()
    target.refresh_from_db()
    assert not target.live
    assert target.get_latest_revision() is not None


def live_english_article(section_vi):
    """A Vietnamese article with an approved, live English translation, then a translator's new
    English wording saved in wagtail-localize (not yet reviewed)."""
    from wagtail_localize.models import StringTranslation

    from .conftest import translate_all

    article = make_article(section_vi, "Bài có bản tiếng Anh đã duyệt")
    english = translate_all(article, publish=True, mapping=lambda text: f"Approved {text}")
    assert english.live and english.title == "Approved Bài có bản tiếng Anh đã duyệt"
    StringTranslation.objects.filter(locale=english.locale, data__startswith="Approved ").update(
        data="Unreviewed wording"
    )
    translation = Translation.objects.get(source=TranslationSource.objects.get_for_instance(article))
    return english, translation


def test_a_draft_translation_leaves_the_live_english_page_as_approved(section_vi, en, client):
    """'Send translation for review' of a live English page: readers keep the approved text; the
    new wording waits as the page's latest revision."""
    english, translation = live_english_article(section_vi)
    localize_compat.save_translation(translation, publish=False)
    run_on_commit_callbacks()
    english = Page.objects.get(pk=english.pk).specific
    assert english.live and english.title == "Approved Bài có bản tiếng Anh đã duyệt"
    assert english.lead == "Approved Tóm tắt bài kiểm thử."
    assert english.has_unpublished_changes
    draft = english.get_latest_revision_as_object()
    assert draft.title == "Unreviewed wording" and english.draft_title == "Unreviewed wording"
    html = client.get(english.url).content.decode()
    assert "Approved Bài có bản tiếng Anh đã duyệt" in html and "Unreviewed wording" not in html
    # Publishing the reviewed draft (leadership's approval) shows it.
    english.get_latest_revision().publish()
    english.refresh_from_db()
    assert english.title == "Unreviewed wording"


def test_wagtail_localize_still_overwrites_a_live_page_draft(section_vi, en):
    """Without keep_live_page, wagtail-localize writes the draft into the live page's row."""
    english, translation = live_english_article(section_vi)
    localize_compat.release_live_content()
    try:
        translation.save_target(publish=False)
    finally:
        localize_compat.keep_live_content()
    english = Page.objects.get(pk=english.pk).specific
    assert english.live and english.title == "Unreviewed wording"


def english_alias(section_vi, en, title="Bài có bản tiếng Anh là bí danh"):
    """A live Vietnamese article shown in the English tree by a live alias (Vietnamese text)."""
    article = make_article(section_vi, title)
    alias = article.copy_for_translation(en, alias=True)
    alias = Page.objects.get(pk=alias.pk).specific
    assert alias.live and alias.alias_of_id == article.pk and alias.title == title
    return article, alias


def test_wagtail_localize_still_publishes_a_draft_over_an_alias(section_vi, en):
    """The gap the alias half of work-around 3 covers: a draft translation of a live alias becomes
    an ordinary page with the draft's strings in its live row, and no published revision."""
    from .conftest import translate_all

    article, alias = english_alias(section_vi, en)
    localize_compat.release_live_content()
    try:
        translate_all(article, publish=False, mapping=lambda text: f"Unreviewed {text}")
    finally:
        localize_compat.keep_live_content()
    english = Page.objects.get(pk=alias.pk).specific
    assert english.alias_of_id is None and english.live
    assert not english.revisions.filter(pk=english.live_revision_id).exists()  # none of its own
    assert english.title == f"Unreviewed {article.title}"


def test_a_draft_translation_of_an_alias_leaves_readers_the_alias(section_vi, en, client):
    """The alias's content becomes the page's published revision; the translation waits as its
    latest revision, and the next draft leaves readers the same page."""
    from wagtail_localize.models import StringTranslation

    from .conftest import translate_all

    article, alias = english_alias(section_vi, en)
    alias_url = alias.url
    translate_all(article, publish=False, mapping=lambda text: f"Unreviewed {text}")
    run_on_commit_callbacks()
    english = Page.objects.get(pk=alias.pk).specific
    assert english.alias_of_id is None and english.live
    assert english.title == article.title and english.lead == article.lead and english.url == alias_url
    assert english.live_revision.object_id == str(english.pk)
    assert english.live_revision.as_object().title == article.title
    article.refresh_from_db()  # the source is untouched
    assert not article.has_unpublished_changes and article.live_revision.object_id == str(article.pk)
    assert english.has_unpublished_changes and english.draft_title == f"Unreviewed {article.title}"
    assert english.get_latest_revision().as_object().lead == f"Unreviewed {article.lead}"
    html = client.get(alias_url).content.decode()
    assert article.title in html and "Unreviewed" not in html
    # A second draft: the published revision is put back again.
    StringTranslation.objects.filter(locale=en, data__startswith="Unreviewed ").update(data="Second wording")
    localize_compat.save_translation(
        Translation.objects.get(source=TranslationSource.objects.get_for_instance(article)), publish=False
    )
    english = Page.objects.get(pk=alias.pk).specific
    assert english.title == article.title and english.draft_title == "Second wording"
    # Approval publishes the translation.
    english.get_latest_revision().publish()
    english.refresh_from_db()
    assert english.title == "Second wording" and not english.has_unpublished_changes


def test_wagtails_own_alias_conversion_needs_nothing(section_vi, en):
    """Wagtail's "convert alias" makes the first revision the live one; a later draft translation
    goes through the published-version path."""
    from wagtail.actions.convert_alias import ConvertAliasPageAction

    from .conftest import translate_all

    article, alias = english_alias(section_vi, en, title="Bài bí danh do Wagtail chuyển")
    ConvertAliasPageAction(alias).execute(skip_permission_checks=True)
    alias = Page.objects.get(pk=alias.pk).specific
    assert alias.live_revision is not None
    translate_all(article, publish=False, mapping=lambda text: f"Unreviewed {text}")
    english = Page.objects.get(pk=alias.pk).specific
    assert english.title == article.title and english.draft_title == f"Unreviewed {article.title}"


TABLE = {
    "data": [["Năm", "Số dự án"], ["2023", "12"], ["", None]],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Dự án theo năm",
}


def test_upstream_extracts_nothing_from_a_table_without_the_work_around():
    from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

    assert StreamFieldSegmentExtractor(None).handle_block(TableBlock(), TABLE) == []


def test_table_cells_and_caption_become_strings():
    segments = TranslatableTableBlock().get_translatable_segments(TABLE)
    assert {(s.path, s.render_text()) for s in segments} == {
        ("caption", "Dự án theo năm"),
        ("cell-0-0", "Năm"),
        ("cell-0-1", "Số dự án"),
        ("cell-1-0", "2023"),
        ("cell-1-1", "12"),
    }


def test_translated_table_strings_are_written_back():
    translated = [
        StringSegmentValue("caption", "Projects by year"),
        StringSegmentValue("cell-0-0", "Year"),
        StringSegmentValue("cell-0-1", "Projects"),
        StringSegmentValue("cell-9-9", "ignored: no such cell"),
    ]
    value = TranslatableTableBlock().restore_translated_segments(TABLE, translated)
    assert value["table_caption"] == "Projects by year"
    assert value["data"] == [["Year", "Projects"], ["2023", "12"], ["", None]]
    assert value["first_row_is_table_header"] is True
    assert TABLE["data"][0] == ["Năm", "Số dự án"]  # the source is not changed


def test_rights_follow_the_language_trees(users, section_vi, vi, en):
    translator, editor, leader = users["biendichvien"], users["bientapvien"], users["truongban"]
    article = make_article(section_vi, "Bài phân quyền")
    assert localize_compat.can_translate_page(translator, article, en)
    assert not localize_compat.can_translate_page(translator, article, vi)
    assert not localize_compat.can_translate_page(editor, article, en)  # editors hold no English rights
    assert localize_compat.can_translate_page(leader, article, en)
    assert localize_compat.can_edit_locale(translator, en)
    assert not localize_compat.can_edit_locale(translator, vi)
    assert localize_compat.can_edit_locale(editor, vi)
    # A page whose parent has no English version cannot be translated by a translator.
    from news.models import NewsSectionPage

    lonely = NewsSectionPage(title="Chuyên mục chưa dịch")
    section_vi.get_parent().add_child(instance=lonely)
    child = make_article(lonely, "Bài trong chuyên mục chưa dịch")
    assert not localize_compat.can_translate_page(translator, child, en)
