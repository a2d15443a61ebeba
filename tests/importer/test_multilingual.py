"""A bilingual WordPress site: its page hierarchy, its [gallery] shortcodes, and its English items
imported as the translations of their Vietnamese pages (WPML and Polylang exports)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage
from importer.models import ImportedFile, ImportedItem
from news.models import NewsPage, NewsSectionPage, Topic

from .conftest import SAMPLES, picture

pytestmark = pytest.mark.django_db

WXR = SAMPLES / "multilingual.xml"


@pytest.fixture
def pictures(tmp_path):
    root = tmp_path / "media"
    picture(root / "wp-content/uploads/2023/05/hoc-bong-1.jpg", color="#204080")
    picture(root / "wp-content/uploads/2023/05/hoc-bong-2.jpg", color="#408020")
    picture(root / "wp-content/uploads/2023/05/toan-canh.jpg", color="#802040")
    return root


def import_multilingual(run, pictures, *extra):
    with translation.override("en"):
        return run(WXR, "--media-dir", pictures, "--map", "tin-hoat-dong=hoat-dong-lien-hiep", *extra)


def test_wordpress_pages_keep_their_hierarchy_with_redirects(run, pictures):
    import_multilingual(run, pictures)
    vi = Locale.objects.get(language_code="vi")
    about = StandardPage.objects.get(title="Giới thiệu Liên hiệp tỉnh")
    assert about.locale == vi and isinstance(about.get_parent().specific, HomePage)
    committee = StandardPage.objects.get(title="Ban Thường trực")
    assert committee.get_parent().pk == about.pk
    leaders = StandardPage.objects.get(title="Lãnh đạo qua các thời kỳ")  # first in the file
    assert leaders.get_parent().pk == committee.pk and leaders.live
    assert leaders.url_path.endswith("/gioi-thieu-lien-hiep-tinh/ban-thuong-truc/lanh-dao-qua-cac-thoi-ky/")
    for old in ("/gioi-thieu/ban-thuong-truc/lanh-dao/", "/?page_id=302"):
        redirect = Redirect.objects.get(old_path=Redirect.normalise_path(old))
        assert redirect.redirect_page_id == leaders.pk and redirect.is_permanent
    response = Client().get("/gioi-thieu/ban-thuong-truc/")
    assert response.status_code == 301 and response["Location"].endswith(committee.url)


def test_gallery_shortcodes_become_gallery_blocks(run, pictures):
    output = import_multilingual(run, pictures)
    Image = get_image_model()
    article = NewsPage.objects.get(title="Trao học bổng cho học sinh Hà Tiên")
    kinds = [block.block_type for block in article.body]
    assert kinds == ["paragraph", "gallery", "image"]
    gallery = article.body[1].value
    # [gallery] without ids: the post's own pictures, in their gallery order, with their captions.
    assert [item["image"].title for item in gallery["images"]] == ["Đại diện nhà tài trợ phát biểu", "Học sinh Hà Tiên"]
    assert [item["caption"] for item in gallery["images"]] == [
        "Đại diện nhà tài trợ phát biểu",
        "Học sinh nhận học bổng",
    ]
    assert gallery["images"][1]["alt_text"] == "Học sinh Hà Tiên"
    # [caption] around a resized copy: a picture with its caption, the same file as the gallery's.
    assert article.body[2].value["caption"] == "Toàn cảnh buổi lễ trao học bổng"
    committee = StandardPage.objects.get(title="Ban Thường trực")
    gallery = next(block.value for block in committee.body if block.block_type == "gallery")
    files = {record.path.rsplit("/", 1)[-1]: record.image_id for record in ImportedFile.objects.all()}
    assert [item["image"].pk for item in gallery["images"]] == [files["toan-canh.jpg"], files["hoc-bong-1.jpg"]]
    # One image per file: the article's resized copy is the page's gallery picture.
    assert article.body[2].value["image"].pk == files["toan-canh.jpg"]
    assert Image.objects.filter(pk__in=files.values()).count() == 3
    # A gallery picture that is not in the export is reported with its page.
    assert "picture 99 of a [gallery] is not in the export" in output
    response = Client().get(committee.url)
    assert response.status_code == 200


def test_english_items_become_translations_linked_by_the_language_switcher(run, pictures):
    output = import_multilingual(run, pictures)
    en = Locale.objects.get(language_code="en")
    article = NewsPage.objects.get(title="Trao học bổng cho học sinh Hà Tiên")
    english = NewsPage.objects.get(title="Scholarships for pupils in Hà Tiên")
    assert english.locale == en and english.translation_key == article.translation_key
    assert article.get_translation(en).pk == english.pk and english.live
    # Under the English translation of the Vietnamese article's section.
    assert english.get_parent().pk == article.get_parent().get_translation(en).pk
    assert english.lead == "Fifty scholarships for pupils."
    # The topics are the English translations of the Vietnamese article's, not new ones.
    assert [topic.locale for topic in english.topics.all()] == [en]
    assert [topic.slug for topic in english.topics.all()] == [
        Topic.objects.get(locale__language_code="vi", slug="giao-duc").get_translation(en).slug
    ]
    # Polylang's groups too.
    meeting = NewsPage.objects.get(title="Gặp mặt hữu nghị Việt Nam – Campuchia")
    assert meeting.get_translation(en).title == "Viet Nam – Cambodia friendship meeting"
    # Pages: the English tree mirrors the Vietnamese one.
    about = StandardPage.objects.get(title="Giới thiệu Liên hiệp tỉnh")
    about_en = StandardPage.objects.get(title="About the Union")
    assert about_en.translation_key == about.translation_key and about_en.get_parent().locale == en
    committee_en = StandardPage.objects.get(title="Standing Committee")
    assert committee_en.get_parent().pk == about_en.pk
    assert committee_en.translation_key == StandardPage.objects.get(title="Ban Thường trực").translation_key
    # Links between English items point at the English pages; old English addresses redirect.
    assert f'<a linktype="page" id="{about_en.pk}">' in str(committee_en.body.raw_data)
    assert f'<a linktype="page" id="{committee_en.pk}">' in str(english.body.raw_data)
    assert Redirect.objects.get(old_path="/en/2023/05/10/scholarships").redirect_page_id == english.pk
    # The language switcher of the Vietnamese article leads to its English translation.
    html = Client().get(article.url).content.decode()
    assert english.url in html
    # English items without a Vietnamese version, or in a language the portal lacks, are reported.
    assert "“Only in English”" in output and "nothing to be the translation of" in output
    assert "“Rencontre d'amitié”" in output and "its language “fr” is not one of the portal's" in output
    assert not Page.objects.filter(title__in=["Only in English", "Rencontre d'amitié"]).exists()
    assert "created 9" in output and "skipped 2" in output


def test_second_run_and_dry_run(run, pictures):
    before = Page.objects.count()
    output = import_multilingual(run, pictures, "--dry-run")
    assert "would create 9" in output
    assert "English translation of “Trao học bổng cho học sinh Hà Tiên”" in output
    assert "under “Ban Thường trực”" in output
    assert Page.objects.count() == before and not ImportedItem.objects.exists()
    import_multilingual(run, pictures)
    counts = (Page.objects.count(), get_image_model().objects.count(), Redirect.objects.count())
    output = import_multilingual(run, pictures)
    assert "created 0, updated 0, unchanged 9, skipped 2" in output
    assert (Page.objects.count(), get_image_model().objects.count(), Redirect.objects.count()) == counts
    output = import_multilingual(run, pictures, "--force")
    assert "created 0, updated 9" in output
    assert Page.objects.count() == counts[0]


def test_a_translation_whose_section_has_no_english_version_is_reported(run, pictures):
    en = Locale.objects.get(language_code="en")
    NewsSectionPage.objects.get(slug="hoat-dong-lien-hiep", locale__language_code="vi").get_translation(en).delete()
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="2 items failed"):
        call_command(
            "import_content",
            str(WXR),
            "--media-dir",
            str(pictures),
            "--map",
            "tin-hoat-dong=hoat-dong-lien-hiep",
            stdout=out,
        )
    text = out.getvalue()
    assert "“Scholarships for pupils in Hà Tiên”" in text
    assert "has no version in English to put the translation under: translate it first" in text
    assert NewsPage.objects.filter(title="Trao học bổng cho học sinh Hà Tiên", live=True).exists()
    assert not NewsPage.objects.filter(title="Scholarships for pupils in Hà Tiên").exists()
    assert StandardPage.objects.filter(title="About the Union").exists()  # the pages are not affected


def test_english_feed_as_translation_of_vietnamese_feed(run, tmp_path):
    """An old site that offers a feed per language: the English one is imported with
    --translation-of vi, its items matched by their address without the language folder."""
    vi_feed = tmp_path / "vi.rss"
    en_feed = tmp_path / "en.rss"

    def feed(path, items, prefix):
        entries = "".join(
            f"<item><title>{title}</title><link>https://kufo.vn{prefix}/tin-tuc/{slug}.html</link>"
            f"<guid>https://kufo.vn{prefix}/tin-tuc/{slug}.html</guid><description>{title}.</description>"
            f"<category>Tin hoạt động</category><pubDate>Mon, 05 Jun 2023 08:00:00 +0700</pubDate></item>"
            for slug, title in items
        )
        path.write_text(
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title>'
            f"<link>https://kufo.vn{prefix}/</link>{entries}</channel></rss>",
            encoding="utf-8",
        )

    feed(vi_feed, [("hoi-thao-123", "Hội thảo hữu nghị"), ("chi-tieng-viet", "Chỉ tiếng Việt")], "")
    feed(en_feed, [("hoi-thao-123", "Friendship workshop"), ("english-only", "English only")], "/en")
    with translation.override("en"):
        run(vi_feed, "--map", "tin-hoat-dong=hoat-dong-lien-hiep")
        output = run(en_feed, "--locale", "en", "--translation-of", "vi")
    source = NewsPage.objects.get(title="Hội thảo hữu nghị")
    english = NewsPage.objects.get(title="Friendship workshop")
    assert english.translation_key == source.translation_key and english.locale.language_code == "en"
    assert "created 1" in output and "“English only”" in output and "skipped 1" in output
    with translation.override("en"):
        assert "unchanged 1" in run(en_feed, "--locale", "en", "--translation-of", "vi")
    # Another address scheme: the number in the address identifies the article.
    feed(en_feed, [("workshop-123", "Friendship workshop, again")], "/english")
    with translation.override("en"):
        output = run(en_feed, "--locale", "en", "--translation-of", "vi", r"--match=-(\d+)\.html")
    # The Vietnamese article has its English version already (imported from the other address).
    assert "“Hội thảo hữu nghị” already has a version in English on the portal (“Friendship workshop”)" in output
    assert NewsPage.objects.filter(translation_key=source.translation_key).count() == 2
    with translation.override("en"), pytest.raises(CommandError, match="--match"):
        run(en_feed, "--locale", "en", "--translation-of", "vi", "--match", "(unclosed")
    with translation.override("en"), pytest.raises(CommandError, match="--translation-of"):
        run(en_feed, "--locale", "en", "--translation-of", "en")
