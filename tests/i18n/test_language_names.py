"""The Vietnamese admin names the content languages in Vietnamese ("Tiếng Anh"), the English admin in
English; the public language switcher keeps each language's own name."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from tests.translation.conftest import make_article, translate_all

pytestmark = pytest.mark.django_db


def test_locale_display_names_follow_the_admin_language(vi, en):
    with translation.override("vi"):
        assert en.get_display_name() == "Tiếng Anh"
        assert vi.get_display_name() == "Tiếng Việt"
    with translation.override("en"):
        assert en.get_display_name() == "English"
        assert vi.get_display_name() == "Vietnamese"


def test_translation_editor_names_english_in_vietnamese(client, vi, en):
    from django.contrib.auth import get_user_model

    from news.models import NewsSectionPage

    section = next(s for s in NewsSectionPage.objects.filter(locale=vi) if s.has_translation(en))
    article = make_article(section, "Bài kiểm tra tên ngôn ngữ")
    translate_all(article, publish=False)
    english = Page.objects.get(translation_key=article.translation_key, locale=en)
    client.force_login(get_user_model().objects.get(username="truongban"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]), follow=True).content.decode()
    locales = html.split('header-meta--locales">', 1)[1].split("</div>", 1)[0]
    assert "Tiếng Việt" in locales
    assert "Tiếng Anh" in locales
    assert "English" not in locales


def test_public_switcher_keeps_each_language_own_name(client):
    html = client.get("/", follow=True).content.decode()
    assert "English" in html
