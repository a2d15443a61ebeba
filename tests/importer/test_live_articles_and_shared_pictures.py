"""A published article is written live with its one revision; a picture already on the portal (the
same file under another address, or uploaded before into the import's collection) is not stored
twice."""

import collections
import datetime
import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.test import Client
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Collection, PageLogEntry
from wagtail.signals import page_published

from importer.models import ImportedFile
from news.models import NewsPage
from search.models import SearchEntry

from .conftest import SAMPLES, picture

pytestmark = pytest.mark.django_db

SECOND = "Đoàn công tác Liên hiệp thăm và làm việc tại Campuchia"
DRAFT = "Bản nháp kế hoạch năm 2023"


def test_a_published_article_is_written_live_with_its_one_revision(run, media_dir):
    user = get_user_model().objects.create_superuser("nhap-lieu", password="x")
    published = []

    def receiver(sender, instance, revision, **kwargs):
        published.append((sender, instance.pk, revision.pk))

    page_published.connect(receiver, dispatch_uid="test-import-published")
    try:
        with translation.override("en"):
            run(
                SAMPLES / "kufo.xml",
                "--media-dir",
                media_dir,
                "--map",
                "tin-hoat-dong=hoat-dong-lien-hiep",
                "--user",
                "nhap-lieu",
            )
    finally:
        page_published.disconnect(dispatch_uid="test-import-published")

    page = NewsPage.objects.get(title=SECOND)
    revision = page.revisions.get()  # exactly one
    assert page.live and not page.has_unpublished_changes
    assert page.latest_revision_id == page.live_revision_id == revision.pk
    assert revision.user == user and revision.as_object().title == SECOND
    when = datetime.datetime(2022, 10, 5, 7, 30, tzinfo=datetime.UTC)  # 14:30 in Viet Nam
    assert page.first_published_at == page.last_published_at == when
    entries = PageLogEntry.objects.filter(page=page)
    assert collections.Counter(entries.values_list("action", flat=True)) == {
        "wagtail.create": 1,
        "importer.import": 1,
        "wagtail.publish": 1,
    }
    publish = entries.get(action="wagtail.publish")
    assert publish.user == user and publish.revision_id == revision.pk
    assert entries.get(action="importer.import").user == user
    # What publishing a revision tells the rest of the portal (the page cache, the CDN) was told.
    assert (NewsPage, page.pk, revision.pk) in published
    assert SearchEntry.objects.filter(page=page).exists()  # the public search has it
    assert Client().get(page.url).status_code == 200

    draft = NewsPage.objects.get(title=DRAFT)
    assert not draft.live and draft.live_revision is None and draft.has_unpublished_changes
    assert draft.revisions.count() == 1
    assert not PageLogEntry.objects.filter(page=draft, action="wagtail.publish").exists()
    assert all(pk != draft.pk for _sender, pk, _revision in published)


def wxr_with_pictures(path, posts):
    """A WordPress export of ``posts``: (id, title, picture path under wp-content/uploads/)."""
    items = []
    for post_id, title, picture_path in posts:
        url = f"http://kufo.vn/wp-content/uploads/{picture_path}"
        items.append(
            f"<item><title>{picture_path}</title><guid>{url}</guid><wp:post_id>{post_id + 1000}</wp:post_id>"
            f"<wp:post_type>attachment</wp:post_type><wp:attachment_url>{url}</wp:attachment_url></item>"
            f"<item><title>{title}</title><link>http://kufo.vn/?p={post_id}</link>"
            f'<guid isPermaLink="false">http://kufo.vn/?p={post_id}</guid>'
            f"<content:encoded><![CDATA[Nội dung {post_id}]]></content:encoded><wp:post_id>{post_id}</wp:post_id>"
            f"<wp:post_date>2024-01-0{post_id} 09:00:00</wp:post_date><wp:status>publish</wp:status>"
            f"<wp:post_type>post</wp:post_type>"
            f'<category domain="category" nicename="x"><![CDATA[Hoạt động Liên hiệp]]></category>'
            f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{post_id + 1000}</wp:meta_value>"
            f"</wp:postmeta></item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel><title>Cũ</title><link>http://kufo.vn</link>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    return path


def test_the_same_picture_under_two_addresses_is_one_image(run, tmp_path):
    Image = get_image_model()
    uploads = tmp_path / "media/wp-content/uploads"
    picture(uploads / "2023/anh-doan-cong-tac.jpg", color="#1f5f8b")
    picture(uploads / "2024/anh-doan-cong-tac-1.jpg", color="#1f5f8b")  # uploaded twice on the old site
    picture(uploads / "2024/tap-the.jpg", color="#2e7d32")  # uploaded before to the portal's root collection
    picture(uploads / "2024/rieng.jpg", color="#6a1b9a")  # in a private collection of the portal only
    root = Collection.get_first_root_node()
    private = root.add_child(name="Ảnh nội bộ")
    earlier = {}
    for name, collection in (("tap-the.jpg", root), ("rieng.jpg", private)):
        data = (uploads / "2024" / name).read_bytes()
        with (uploads / "2024" / name).open("rb") as handle:
            earlier[name] = Image.objects.create(
                title=name,
                file=ImageFile(handle, name=name),
                collection=collection,
                file_hash=hashlib.sha1(data).hexdigest(),
            )
    before = Image.objects.count()
    source = wxr_with_pictures(
        tmp_path / "pictures.xml",
        [
            (1, "Đoàn công tác lên đường", "2023/anh-doan-cong-tac.jpg"),
            (2, "Đoàn công tác trở về", "2024/anh-doan-cong-tac-1.jpg"),
            (3, "Ảnh tập thể", "2024/tap-the.jpg"),
            (4, "Ảnh riêng", "2024/rieng.jpg"),
        ],
    )
    with translation.override("en"):
        output = run(source, "--media-dir", tmp_path / "media", "--default-section", "hoat-dong-lien-hiep")
    assert "images: 2 new, 2 already imported" in output
    assert Image.objects.count() == before + 2
    heroes = {
        page.title: page.hero_image
        for page in NewsPage.objects.filter(
            title__in=["Đoàn công tác lên đường", "Đoàn công tác trở về", "Ảnh tập thể", "Ảnh riêng"]
        )
    }
    assert heroes["Đoàn công tác lên đường"] == heroes["Đoàn công tác trở về"]
    assert heroes["Ảnh tập thể"] == earlier["tap-the.jpg"]
    # A picture of a private collection is not shown by a public article: the import stores its own.
    assert heroes["Ảnh riêng"] != earlier["rieng.jpg"] and heroes["Ảnh riêng"].collection == root
    records = dict(ImportedFile.objects.values_list("path", "image"))
    assert (
        records["wp-content/uploads/2023/anh-doan-cong-tac.jpg"]
        == records["wp-content/uploads/2024/anh-doan-cong-tac-1.jpg"]
    )
    # A second run finds every file by its address: nothing new.
    with translation.override("en"):
        output = run(source, "--media-dir", tmp_path / "media", "--default-section", "hoat-dong-lien-hiep")
    assert "unchanged 4" in output and Image.objects.count() == before + 2


def test_a_picture_of_a_failed_item_is_not_reused(run, tmp_path, monkeypatch):
    from importer import run as run_module

    uploads = tmp_path / "media/wp-content/uploads"
    picture(uploads / "2023/anh.jpg", color="#1f5f8b")
    picture(uploads / "2024/anh-ban-sao.jpg", color="#1f5f8b")
    original = run_module.Importer._redirect

    def failing(self, item, page):
        if item.title == "Bài lỗi":
            raise run_module.SourceError("redirects table is full")
        return original(self, item, page)

    monkeypatch.setattr(run_module.Importer, "_redirect", failing)
    source = wxr_with_pictures(
        tmp_path / "pictures.xml", [(1, "Bài lỗi", "2023/anh.jpg"), (2, "Bài đúng", "2024/anh-ban-sao.jpg")]
    )
    with translation.override("en"), pytest.raises(CommandError, match="1 item failed"):
        run(source, "--media-dir", tmp_path / "media", "--default-section", "hoat-dong-lien-hiep")
    hero = NewsPage.objects.get(title="Bài đúng").hero_image
    assert hero is not None and get_image_model().objects.filter(pk=hero.pk).exists()
    assert not ImportedFile.objects.filter(path="wp-content/uploads/2023/anh.jpg").exists()
