import datetime
import hashlib
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry

from home.models import StandardPage
from importer.models import ImportedFile, ImportedItem
from news.models import NewsPage, NewsSectionPage

from .conftest import PDF, SAMPLES

pytestmark = pytest.mark.django_db

WXR = SAMPLES / "kufo.xml"
FIRST = "Kiện toàn Ban Biên tập Trang thông tin điện tử Liên hiệp"
SECOND = "Đoàn công tác Liên hiệp thăm và làm việc tại Campuchia"


@pytest.fixture
def importer_user():
    return get_user_model().objects.create_superuser("nhap-lieu", password="x")


def import_wxr(run, media_dir, *extra):
    with translation.override("en"):
        try:
            return run(WXR, "--media-dir", media_dir, "--map", "tin-hoat-dong=hoat-dong-lien-hiep", *extra)
        except CommandError as error:  # one sample post has a picture that is missing: not an error
            raise AssertionError(str(error)) from error


def test_posts_become_articles_in_mapped_sections_with_dates_authors_and_leads(run, media_dir, importer_user):
    output = import_wxr(run, media_dir, "--user", "nhap-lieu")
    page = NewsPage.objects.get(title=FIRST)
    assert page.get_parent().slug == "hoat-dong-lien-hiep"
    assert page.slug == "kien-toan-ban-bien-tap-trang-thong-tin-dien-tu-lien-hiep"
    assert page.live
    when = datetime.datetime(2022, 9, 20, 1, 15, tzinfo=datetime.UTC)
    assert page.date == when and page.first_published_at == when
    assert page.author_name == "Tô Văn Dân"
    assert page.lead == "Ban Biên tập được kiện toàn theo Quyết định số 229/QĐ-LH ngày 13/09/2022."
    assert sorted(topic.name for topic in page.topics.all()) == ["Chỉ thị 12-CT/TW", "Trang thông tin điện tử"]
    # "Đối ngoại nhân dân" has a section of that name already: no mapping needed.
    second = NewsPage.objects.get(title=SECOND)
    assert second.get_parent().slug == "doi-ngoai-nhan-dan"
    assert second.author_name == "Ban Biên tập"
    assert second.date == datetime.datetime(2022, 10, 5, 7, 30, tzinfo=datetime.UTC)  # 14:30 in Viet Nam
    assert [topic.slug for topic in second.topics.all()] == ["campuchia"]  # the demo's existing topic
    # A category with no section gets one; a WordPress page becomes a standard page.
    assert NewsSectionPage.objects.get(slug="tin-quoc-te").live
    about = StandardPage.objects.get(title="Giới thiệu Liên hiệp")
    assert about.get_parent().specific_class.__name__ == "HomePage"
    assert "<h2>Chức năng</h2>" in str(about.body) and "<li>Hữu nghị</li>" in str(about.body)
    assert "created 5" in output and "skipped 1" in output


def test_pictures_documents_and_clean_bodies(run, media_dir):
    output = import_wxr(run, media_dir)
    page = NewsPage.objects.get(title=FIRST)
    assert page.hero_image.title == "Các thành viên Ban Biên tập"
    assert page.hero_caption == "Ban Biên tập Liên hiệp các tổ chức hữu nghị tỉnh chụp ảnh lưu niệm"
    blocks = [(block.block_type, block.value) for block in page.body]
    images = [value for kind, value in blocks if kind == "image"]
    # The resized copy falls back to the original file; the main photo is not repeated in the body.
    assert len(images) == 1
    assert images[0]["caption"] == "Quang cảnh hội nghị kiện toàn"
    assert images[0]["alt_text"] == "Quang cảnh hội nghị"
    raw = page.body.raw_data
    text = str(raw)
    for unwanted in ("script", "alert", "onclick", "steal", "mso-", "o:p", "MsoNormal", "style", "stats.wp.com"):
        assert unwanted not in text
    assert "<b>tương đối ổn định</b>" in text
    document = get_document_model().objects.get(title="Quyết định 229/QĐ-LH")
    assert f'<a linktype="document" id="{document.pk}">' in text
    # The link to the second post, imported after this one, points at its new page.
    second = NewsPage.objects.get(title=SECOND)
    assert f'<a linktype="page" id="{second.pk}">' in text
    first = NewsPage.objects.get(title=FIRST)
    assert f'<a linktype="page" id="{first.pk}">' in str(second.body.raw_data)
    table = [value for block_type, value in ((b.block_type, b.value) for b in second.body) if block_type == "table"]
    assert table and table[0]["data"][1] == ["05/10/2022", "Kampot"]
    # The missing picture is reported with its post, and did not stop anything.
    assert "wp-content/uploads/2022/08/anh-da-mat.jpg" in output
    assert SECOND in output
    assert second.hero_image is None
    record = ImportedFile.objects.get(path="wp-content/uploads/2022/09/ban-bien-tap.jpg")
    assert record.image == page.hero_image
    original = (media_dir / record.path).read_bytes()
    hero = page.hero_image
    assert (hero.width, hero.height, hero.file_size) == (640, 400, len(original))
    assert hero.file_hash == hashlib.sha1(original).hexdigest()  # Wagtail's duplicate-upload check knows it
    assert hero.file.read() == original
    assert document.file_hash == hashlib.sha1(PDF).hexdigest()


def test_every_old_address_redirects_permanently(run, media_dir):
    import_wxr(run, media_dir)
    page = NewsPage.objects.get(title=FIRST)
    for old in ("/2022/09/20/kien-toan-ban-bien-tap", "/?p=100"):
        redirect = Redirect.objects.get(old_path=Redirect.normalise_path(old))
        assert redirect.redirect_page_id == page.pk and redirect.is_permanent
    response = Client().get("/2022/09/20/kien-toan-ban-bien-tap/")
    assert response.status_code == 301 and response["Location"].endswith(page.url)


def test_drafts_history_and_trash(run, media_dir, importer_user):
    import_wxr(run, media_dir, "--user", "nhap-lieu")
    draft = NewsPage.objects.get(title="Bản nháp kế hoạch năm 2023")
    assert not draft.live and draft.first_published_at is None
    assert not NewsPage.objects.filter(title="Bài đã xóa").exists()
    page = NewsPage.objects.get(title=FIRST)
    entries = PageLogEntry.objects.filter(page=page)
    assert entries.filter(action="importer.import", user=importer_user).exists()
    assert entries.filter(action="wagtail.publish", user=importer_user).exists()
    assert page.get_latest_revision().user == importer_user


def test_as_drafts_leaves_everything_for_review(run, media_dir):
    import_wxr(run, media_dir, "--as-drafts")
    pages = NewsPage.objects.filter(pk__in=ImportedItem.objects.values("page"))
    assert pages.count() == 4 and not pages.filter(live=True).exists()
    assert all(page.date.year in (2022, 2023) for page in pages)


def test_second_run_creates_nothing_and_updates_what_changed(run, media_dir, tmp_path):
    import_wxr(run, media_dir)
    counts = (Page.objects.count(), get_image_model().objects.count(), Redirect.objects.count())
    output = import_wxr(run, media_dir)
    assert "created 0, updated 0, unchanged 5, skipped 1" in output
    assert (Page.objects.count(), get_image_model().objects.count(), Redirect.objects.count()) == counts
    page = NewsPage.objects.get(title=FIRST)
    revisions = page.revisions.count()
    changed = tmp_path / "kufo-changed.xml"
    changed.write_text(WXR.read_text(encoding="utf-8").replace("tương đối ổn định", "rất ổn định"), encoding="utf-8")
    with translation.override("en"):
        output = run(changed, "--media-dir", media_dir, "--map", "tin-hoat-dong=hoat-dong-lien-hiep")
    assert "created 0, updated 1, unchanged 4, skipped 1" in output
    page.refresh_from_db()
    assert "rất ổn định" in str(page.body.raw_data) and page.revisions.count() > revisions
    assert page.first_published_at == datetime.datetime(2022, 9, 20, 1, 15, tzinfo=datetime.UTC)
    assert Page.objects.count() == counts[0]


def test_dry_run_writes_nothing(run, media_dir, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "storage")
    before = (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Redirect.objects.count(),
        ImportedItem.objects.count(),
    )
    output = import_wxr(run, media_dir, "--dry-run")
    assert "would create 5" in output and "Tin quốc tế" in output
    assert "anh-da-mat.jpg" in output
    after = (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Redirect.objects.count(),
        ImportedItem.objects.count(),
    )
    assert after == before
    assert not (tmp_path / "storage").exists()


def test_an_item_that_fails_leaves_no_half_article(run, media_dir, monkeypatch):
    from importer import run as run_module

    original = run_module.Importer._redirect

    def failing(self, item, page):
        if item.title in (SECOND, "Hội nghị hữu nghị quốc tế tại Phú Quốc"):
            raise run_module.SourceError("redirects table is full")
        return original(self, item, page)

    monkeypatch.setattr(run_module.Importer, "_redirect", failing)
    with translation.override("en"), pytest.raises(CommandError, match="2 items failed"):
        run(WXR, "--media-dir", media_dir, "--map", "tin-hoat-dong=hoat-dong-lien-hiep")
    assert not NewsPage.objects.filter(title=SECOND).exists()
    assert not NewsSectionPage.objects.filter(slug="tin-quoc-te").exists()  # created for the failed item
    assert not ImportedItem.objects.filter(source_id="wxr:http://kufo.vn/?p=101").exists()
    assert NewsPage.objects.filter(title=FIRST, live=True).exists()


def test_the_named_user_needs_the_rights_the_import_uses(run, media_dir):
    get_user_model().objects.create_user("khach", password="x")
    with translation.override("en"), pytest.raises(CommandError, match="items failed"):
        run(WXR, "--media-dir", media_dir, "--map", "tin-hoat-dong=hoat-dong-lien-hiep", "--user", "khach")
    assert not ImportedItem.objects.exists()
    assert not NewsPage.objects.filter(title=FIRST).exists()


def test_imported_articles_are_searchable_and_their_pictures_in_use(run, media_dir):
    from wagtail.models import ReferenceIndex

    import_wxr(run, media_dir)
    page = NewsPage.objects.get(title=FIRST)
    assert page.pk in [result.pk for result in NewsPage.objects.live().search("Kiện toàn Ban Biên tập")]
    assert ReferenceIndex.get_references_to(page.hero_image).filter(object_id=str(page.pk)).exists()
    # Indexing on save works again once the import is over.
    page.title = "Xylophone quốc tế"
    page.save()
    assert page.pk in [result.pk for result in NewsPage.objects.search("Xylophone")]


def small_wxr(path, *posts):
    """A WordPress export of ``posts``: (id, title, category name or None)."""
    items = "".join(
        f"<item><title>{title}</title><link>http://kufo.vn/?p={post_id}</link>"
        f'<guid isPermaLink="false">http://kufo.vn/?p={post_id}</guid>'
        f"<content:encoded><![CDATA[Nội dung {post_id}]]></content:encoded><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date>2024-01-0{post_id} 09:00:00</wp:post_date><wp:status>publish</wp:status>"
        f"<wp:post_type>post</wp:post_type>"
        + (f'<category domain="category" nicename="x"><![CDATA[{category}]]></category>' if category else "")
        + "</item>"
        for post_id, title, category in posts
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel><title>Cũ</title><link>http://kufo.vn</link>{items}</channel></rss>",
        encoding="utf-8",
    )
    return path


def test_same_titles_get_distinct_slugs_and_an_item_without_section_is_reported(run, tmp_path):
    source = small_wxr(
        tmp_path / "small.xml",
        (1, "Gặp mặt đầu xuân", "Hoạt động Liên hiệp"),
        (2, "Gặp mặt đầu xuân", "Hoạt động Liên hiệp"),
        (3, "Bài không có chuyên mục", None),
    )
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="1 item failed"):
        call_command("import_content", str(source), stdout=out)
    slugs = sorted(NewsPage.objects.filter(title="Gặp mặt đầu xuân").values_list("slug", flat=True))
    assert slugs == ["gap-mat-dau-xuan", "gap-mat-dau-xuan-2"]
    assert "“Bài không có chuyên mục” (small.xml, line 1): it has no category: give --default-section" in out.getvalue()
    with translation.override("en"):
        call_command("import_content", str(source), "--default-section", "hoat-dong-lien-hiep", stdout=out)
    assert NewsPage.objects.get(title="Bài không có chuyên mục").get_parent().slug == "hoat-dong-lien-hiep"
