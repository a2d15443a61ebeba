"""Member associations: directory in Vietnamese order, three names with their language, activities
listed automatically, related-site links in the footer."""

import re

import pytest

from events.models import EventPage
from members.models import MemberIndexPage, MemberPage
from news.models import NewsPage, NewsRelatedPage
from portal.text import vietnamese_sort_key
from related_sites.models import RelatedSite

pytestmark = pytest.mark.django_db


def directory_titles(html):
    return re.findall(r'<h2 class="mb-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_directory_is_sorted_in_vietnamese_order(client, vi):
    index = MemberIndexPage.objects.get(locale=vi)
    # "Đ" sorts after "D" and before "E" in Vietnamese, not after "Z" as in code-point order.
    extra = MemberPage(title="Hội hữu nghị Đức", name_vietnamese="Hội hữu nghị Đức", country="DE")
    index.add_child(instance=extra)
    extra.save_revision().publish()
    extra_z = MemberPage(title="Hội hữu nghị Zimbabwe", name_vietnamese="Hội hữu nghị Zimbabwe")
    index.add_child(instance=extra_z)
    extra_z.save_revision().publish()
    titles = directory_titles(client.get(index.url).content.decode())
    assert len(titles) == 8
    assert titles == sorted(titles, key=vietnamese_sort_key)
    assert titles.index("Hội hữu nghị Đức") < titles.index("Hội hữu nghị Việt Nam – Campuchia tỉnh An Giang")
    assert titles != sorted(titles)  # code-point order would put Đ last


def test_english_directory_is_in_english_order(client, en):
    index = MemberIndexPage.objects.get(locale=en)
    titles = directory_titles(client.get(index.url).content.decode())
    assert len(titles) == 6
    assert titles == sorted(titles, key=str.casefold)


def test_association_page_gives_the_three_names_with_their_languages(client, vi, en):
    page = MemberPage.objects.get(locale=vi, slug="hoi-huu-nghi-viet-nam-nhat-ban")
    html = client.get(page.url).content.decode()
    assert '<dd lang="vi">Hội hữu nghị Việt Nam – Nhật Bản tỉnh An Giang</dd>' in html
    assert '<dd lang="en">Viet Nam – Japan Friendship Association of An Giang</dd>' in html
    assert '<dd lang="ja">ベトナム・日本友好協会アンザン省支部</dd>' in html
    assert "Tên bằng tiếng Nhật" in html
    assert "Nguyễn Thị Mai</strong> – Chủ tịch" in html
    english = client.get(page.get_translation(en).url).content.decode()
    assert "Nguyễn Thị Mai</strong> – Chairwoman" in english
    assert '<dd lang="ja">ベトナム・日本友好協会アンザン省支部</dd>' in english


def test_activities_list_its_events_and_the_news_that_link_to_it(client, vi):
    page = MemberPage.objects.get(locale=vi, slug="hoi-huu-nghi-viet-nam-lao")
    event = EventPage.objects.get(locale=vi, slug="don-doan-tinh-champasak-2024")
    article = NewsPage.objects.live().filter(locale=vi).first()
    NewsRelatedPage.objects.create(page=article, target=page)
    html = client.get(page.url).content.decode()
    section = html.split('id="mb-activities"', 1)[1]
    assert f'href="{event.url}"' in section
    assert f'href="{article.url}"' in section
    # An unpublished event disappears from the list.
    event.unpublish()
    assert f'href="{event.url}"' not in client.get(page.url).content.decode()


def test_footer_lists_the_related_sites_of_the_readers_language(client, home_vi, home_en, vi):
    html = client.get(home_vi.url).content.decode()
    footer = html.split('class="site-footer"', 1)[1]
    assert "Liên kết website" in footer
    assert '<a href="https://www.mofa.gov.vn/" rel="noopener">Bộ Ngoại giao</a>' in footer
    english = client.get(home_en.url).content.decode().split('class="site-footer"', 1)[1]
    assert "Ministry of Foreign Affairs" in english and "Bộ Ngoại giao" not in english
    # An editor's change shows on the next page view.
    RelatedSite.objects.create(locale=vi, name="Cổng thông tin mới", url="https://moi.example.vn/", sort_order=0)
    assert "Cổng thông tin mới" in client.get(home_vi.url).content.decode()


def test_editors_manage_related_sites_and_collaborators_only_view_them(db):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    editor = User.objects.get(username="bientapvien")
    collaborator = User.objects.get(username="congtacvien")
    translator = User.objects.get(username="biendichvien")
    assert editor.has_perms(["related_sites.add_relatedsite", "related_sites.change_relatedsite"])
    assert not collaborator.has_perm("related_sites.change_relatedsite")
    assert collaborator.has_perm("related_sites.view_relatedsite")
    assert translator.has_perm("related_sites.change_relatedsite")  # translatable: translators localize it
    assert not translator.has_perm("related_sites.delete_relatedsite")


def test_api_lists_associations_with_names_and_leaders(client):
    data = client.get("/api/v2/associations/", {"locale": "vi", "fields": "name_native,native_language,leaders"}).json()
    assert data["meta"]["total_count"] == 6
    item = next(i for i in data["items"] if i["native_language"] == "ja")
    assert item["name_native"] == "ベトナム・日本友好協会アンザン省支部"
    assert item["leaders"][0]["name"] == "Nguyễn Thị Mai"
