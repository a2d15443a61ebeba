import datetime

import pytest
from django.core.management.base import CommandError
from django.test import Client
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from importer.models import ImportedItem
from news.models import NewsPage

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db
VN = datetime.timezone(datetime.timedelta(hours=7))


def test_rss_items_become_articles(run, mirror_dir):
    with translation.override("en"):
        output = run(SAMPLES / "tin-tuc.rss", "--media-dir", mirror_dir)
    assert "created 2" in output
    page = NewsPage.objects.get(title="Trao 50 suất học bổng cho học sinh nghèo Hà Tiên")
    assert page.get_parent().slug == "vien-tro-phi-chinh-phu"
    assert page.date == datetime.datetime(2022, 10, 20, 8, 15, tzinfo=VN) == page.first_published_at
    assert page.author_name == "Thanh Tùng"
    assert page.lead == "Tổ chức phi chính phủ nước ngoài trao học bổng."
    assert page.hero_image is not None  # the enclosure
    assert [topic.slug for topic in page.topics.all()] == ["giao-duc"]
    assert [block.block_type for block in page.body] == ["paragraph", "image"]
    assert "<i>50 suất học bổng</i>" in str(page.body.raw_data)
    other = NewsPage.objects.get(title="Gặp mặt kiều bào đón Tết")
    assert other.author_name == "Ban Biên tập"
    assert other.get_parent().slug == "nguoi-viet-nam-o-nuoc-ngoai"
    assert f'<a linktype="page" id="{page.pk}">tin học bổng</a>' in str(other.body.raw_data)
    redirect = Redirect.objects.get(old_path="/tin-tuc/trao-hoc-bong-ha-tien-123.html")
    assert redirect.redirect_page_id == page.pk and redirect.is_permanent
    assert ImportedItem.objects.filter(source_id="feed:lienhiep-kg-123", page=page).exists()


def test_atom_entries_become_articles(run):
    with translation.override("en"):
        output = run(SAMPLES / "tin-tuc.atom")
    assert "created 1" in output
    page = NewsPage.objects.get(title="Giao lưu hữu nghị Việt Nam – Campuchia")
    assert page.get_parent().slug == "huu-nghi-hop-tac"
    assert page.first_published_at == datetime.datetime(2023, 2, 1, 8, 0, tzinfo=VN)
    assert page.author_name == "Nguyễn Thị Hoa"
    assert page.lead == "Đoàn đại biểu Campuchia đến thăm tỉnh."
    assert "<p>Hai bên đã <b>ký kết</b> biên bản ghi nhớ.</p>" in str(page.body.raw_data)
    # An address written with Vietnamese letters is matched when browsers send it percent-encoded.
    assert Redirect.objects.filter(old_path="/bài/giao-lưu-việt-nam-campuchia", redirect_page=page).exists()
    response = Client().get("/b%C3%A0i/giao-l%C6%B0u-vi%E1%BB%87t-nam-campuchia")
    assert response.status_code == 301 and response["Location"].endswith(page.url)
    with translation.override("en"):
        assert "unchanged 1" in run(SAMPLES / "tin-tuc.atom")
    assert NewsPage.objects.filter(title=page.title).count() == 1


def test_mirrored_folder_with_a_profile(run, mirror_dir):
    with translation.override("en"):
        output = run(mirror_dir, "--profile", mirror_dir / "profile.toml", "--default-section", "hoat-dong-lien-hiep")
    assert "created 2" in output
    page = NewsPage.objects.get(title="Lễ kỷ niệm 30 năm thành lập Liên hiệp các tổ chức hữu nghị tỉnh")
    assert page.slug == "le-ky-niem-30-nam-thanh-lap-lien-hiep-cac-to-chuc-huu-nghi-tinh"
    assert page.date == datetime.datetime(2022, 9, 20, 8, 15, tzinfo=VN)
    assert page.author_name == "Tô Văn Dân"
    assert page.lead == "Sáng 20/9, Liên hiệp tổ chức lễ kỷ niệm 30 năm thành lập."
    assert page.hero_image is not None
    assert [topic.name for topic in page.topics.all()] == ["Kỷ niệm"]
    raw = str(page.body.raw_data)
    assert "Chia sẻ" not in raw and "_gaq" not in raw and "Trang chủ" not in raw
    other = NewsPage.objects.get(title="Trao quà cho gia đình chính sách")
    assert other.date == datetime.datetime(2022, 10, 5, 0, 0, tzinfo=VN)
    assert f'<a linktype="page" id="{other.pk}">' in raw  # linked before it was imported
    assert [block.block_type for block in other.body] == ["paragraph", "image"]
    assert Redirect.objects.get(old_path="/tin-tuc/le-ky-niem.html").redirect_page_id == page.pk
    # Optional selectors that match nothing on a page are reported, not fatal.
    assert "“author” selector “.tac-gia” matches nothing" in output
    assert not NewsPage.objects.filter(title__startswith="Tin tức - trang").exists()


def test_mirrored_folder_with_a_yaml_profile(run, mirror_dir):
    """The same profile in YAML (one include pattern and one "remove" written without a list)."""
    with translation.override("en"):
        output = run(mirror_dir, "--profile", mirror_dir / "profile.yaml", "--default-section", "hoat-dong-lien-hiep")
    assert "created 2" in output
    page = NewsPage.objects.get(title="Lễ kỷ niệm 30 năm thành lập Liên hiệp các tổ chức hữu nghị tỉnh")
    assert page.author_name == "Tô Văn Dân" and page.hero_image is not None
    assert [topic.name for topic in page.topics.all()] == ["Kỷ niệm"]
    assert "Chia sẻ" not in str(page.body.raw_data)
    assert not NewsPage.objects.filter(title__startswith="Tin tức - trang").exists()
    with translation.override("en"):
        assert "unchanged 2" in run(
            mirror_dir, "--profile", mirror_dir / "profile.yaml", "--default-section", "hoat-dong-lien-hiep"
        )


def test_mirror_dry_run_writes_nothing(run, mirror_dir):
    before = (Page.objects.count(), ImportedItem.objects.count(), Redirect.objects.count())
    with translation.override("en"):
        output = run(
            mirror_dir,
            "--profile",
            mirror_dir / "profile.toml",
            "--default-section",
            "hoat-dong-lien-hiep",
            "--dry-run",
        )
    assert "would create 2" in output
    assert (Page.objects.count(), ImportedItem.objects.count(), Redirect.objects.count()) == before


def test_selector_matching_nothing_names_the_file_and_selector(mirror_dir):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="3 items failed"):
        call_command(
            "import_content",
            str(mirror_dir),
            "--profile",
            str(mirror_dir / "profile-wrong.json"),
            "--default-section",
            "hoat-dong-lien-hiep",
            stdout=out,
        )
    text = out.getvalue()
    assert "tin-tuc/le-ky-niem.html: the “body” selector “article .khong-co” matches nothing in this page" in text
    assert "tin-tuc/trao-qua.html" in text
    assert not ImportedItem.objects.exists()
