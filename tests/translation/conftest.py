"""Fixtures of the translation tests: demo accounts, fresh Vietnamese pages, programmatic translation."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from translation.localize_compat import save_translation


@pytest.fixture
def users(db):
    User = get_user_model()
    names = ["admin", "truongban", "bientapvien", "congtacvien", "biendichvien"]
    return {u.username: u for u in User.objects.filter(username__in=names)}


@pytest.fixture
def translator(users):
    return users["biendichvien"]


@pytest.fixture
def leader(users):
    return users["truongban"]


@pytest.fixture
def section_vi(vi):
    """A Vietnamese news section of the demo that has an English translation."""
    from news.models import NewsSectionPage

    for section in NewsSectionPage.objects.filter(locale=vi).order_by("path"):
        if section.get_translation_or_none(Locale.objects.get(language_code="en")) is not None:
            return section
    raise AssertionError("the demo has no translated news section")


def english_text(text):
    return f"EN {text}"


def translate_all(instance, publish=True, mapping=None, user=None):
    """Translate ``instance`` into English: every string gets ``mapping[text]`` (or ``mapping(text)``
    when it is a function), else ``"EN " + text``."""
    en = Locale.objects.get(language_code="en")
    mapping = mapping or {}
    translate_object(instance, [en])
    source = TranslationSource.objects.get_for_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=en,
            context=segment.context,
            defaults={"data": mapping(text) if callable(mapping) else mapping.get(text, english_text(text))},
        )
    translation = Translation.objects.get(source=source, target_locale=en)
    return save_translation(translation, user=user, publish=publish)


def make_article(section, title="Bài kiểm thử bản dịch", body=None, publish=True, **fields):
    from news.models import NewsPage

    page = NewsPage(title=title, lead="Tóm tắt bài kiểm thử.", body=body or [], **fields)
    section.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def english_of(page):
    en = Locale.objects.get(language_code="en")
    return Page.objects.get(translation_key=page.translation_key, locale=en).specific
