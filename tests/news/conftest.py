"""Small builders for news tests: sections, articles and English translations of them."""

import datetime
import itertools

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from news.models import NewsIndexPage, NewsPage, NewsSectionPage

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def no_page_cache():
    """Render every request: the page cache would hide what a view does."""
    with override_settings(PORTAL_PAGE_CACHE=False):
        yield


@pytest.fixture
def news_index(vi):
    return NewsIndexPage.objects.get(locale=vi)


@pytest.fixture
def news_index_en(en):
    return NewsIndexPage.objects.get(locale=en)


def make_section(index, title=None, **fields):
    n = next(_counter)
    section = NewsSectionPage(title=title or f"Chuyên mục thử {n}", **fields)
    index.add_child(instance=section)
    section.save_revision().publish()
    return section


def make_article(section, title=None, days_ago=0, publish=True, revision=True, **fields):
    n = next(_counter)
    fields.setdefault("lead", f"Sapo của bài thử {n}.")
    fields.setdefault("body", [("paragraph", RichText(f"<p>Nội dung bài thử {n}.</p>"))])
    fields.setdefault("date", timezone.now() - datetime.timedelta(days=days_ago))
    topics = fields.pop("topics", [])
    page = NewsPage(title=title or f"Bài viết thử nghiệm số {n}", **fields)
    page.topics = topics
    if not publish:
        page.live = False
    section.add_child(instance=page)
    if publish and revision:
        page.save_revision().publish()
    return page


def translate_to_english(instance, english, publish=True):
    """Translate ``instance`` with wagtail-localize, as a translator would, and publish it."""
    en = Locale.objects.get(language_code="en")
    translate_object(instance, [en])
    source = TranslationSource.objects.get_for_instance(instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=en,
                context=segment.context,
                defaults={"data": english[segment.string.data]},
            )
    draftable = hasattr(instance, "get_latest_revision")
    Translation.objects.get(source=source, target_locale=en).save_target(publish=not draftable)
    translated = instance.get_translation(en)
    if publish and draftable:
        type(translated).objects.get(pk=translated.pk).get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
