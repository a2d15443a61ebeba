"""Each demo article's photo and caption tell the same story as the article: the article declares
what its photo shows, the photo is generated from that, and the words appear in the caption and
in the story, in each language."""

import pytest

from demo.loaders.news import ARTICLES, SEED_CAPTION, article_picture
from news.models import NewsPage
from portal.text import fold


def _has(phrase, text):
    return fold(phrase).casefold() in fold(text).casefold()


def _story(title, lead, paragraphs):
    return " ".join((title, lead, *paragraphs))


@pytest.mark.parametrize("article", [a for a in ARTICLES if a["vi"][3]], ids=lambda a: a["vi"][0][:40])
def test_each_caption_names_what_its_story_is_about(article):
    picture_vi, picture_en = article["picture"]
    title, lead, paragraphs, caption, *_byline = article["vi"]
    assert _has(picture_vi, caption), (picture_vi, caption)
    assert _has(picture_vi, _story(title, lead, paragraphs)), picture_vi
    if article["en"] is not None:
        title, lead, paragraphs, caption, *_byline = article["en"]
        assert picture_en and caption
        assert _has(picture_en, caption), (picture_en, caption)
        assert _has(picture_en, _story(title, lead, paragraphs)), picture_en


def test_articles_without_a_caption_have_no_photo():
    for article in ARTICLES:
        if not article["vi"][3]:
            assert "picture" not in article and article_picture(article) is None
            assert article["en"] is None or not article["en"][3]


@pytest.mark.django_db
def test_the_demo_photos_are_the_pictures_of_their_own_captions():
    articles = NewsPage.objects.live().exclude(hero_image=None).select_related("hero_image")
    assert articles.count() >= 10
    for article in articles:
        # The photo was generated for this caption (an English article shows the Vietnamese original's photo).
        source = NewsPage.objects.get(translation_key=article.translation_key, locale__language_code="vi")
        assert article.hero_image.title == source.hero_caption, (article.title, article.hero_image.title)
    seed = NewsPage.objects.get(locale__language_code="vi", title__startswith="Kiện toàn")
    image = next(block.value for block in seed.body if block.block_type == "image")
    assert image["image"].title == image["caption"] == SEED_CAPTION
