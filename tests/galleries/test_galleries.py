"""Photo albums and videos: the plain list without JavaScript, responsive renditions, captions and
photographers, embeds limited to YouTube and Vimeo, attachment to events and articles."""

import re

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage
from galleries.models import AlbumIndexPage, AlbumPage, AlbumPicture, VideoIndexPage, VideoPage
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_demo_has_three_albums_and_videos_in_both_languages(vi, en):
    assert AlbumPage.objects.live().filter(locale=vi).count() >= 3
    assert AlbumPage.objects.live().filter(locale=en).count() >= 3
    assert VideoPage.objects.live().filter(locale=en).exists()


def test_album_is_a_plain_list_of_captioned_pictures_with_responsive_renditions(client, vi):
    album = AlbumPage.objects.live().filter(locale=vi, slug="anh-don-doan-champasak").get()
    html = client.get(album.url).content.decode()
    items = re.findall(r'<li class="gl-picture">.*?</li>', html, flags=re.S)
    assert len(items) == album.pictures.count() == 4
    first = items[0]
    assert "Lễ đón đoàn tại trụ sở Liên hiệp tỉnh" in first
    assert "Ảnh: Thanh Tùng" in first
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 800w, [^"]+ 1200w"', first)
    assert 'sizes="(max-width: 800px) 100vw, 800px"' in first
    # Without JavaScript each picture links to its large rendition; the viewer is a closed dialog.
    assert re.search(r'<a class="gl-picture__link" href="/media/images/[^"]+\.width-1200\.', first)
    assert '<dialog class="gl-viewer"' in html and "<dialog open" not in html
    assert 'alt="Lễ đón đoàn tại trụ sở Liên hiệp tỉnh"' in first


def test_english_album_has_translated_captions_and_the_same_photographer(client, en):
    album = AlbumPage.objects.live().filter(locale=en, slug="photos-champasak-delegation").get()
    html = client.get(album.url).content.decode()
    assert (
        "Welcoming the delegation at the Union&#x27;s office" in html
        or "Welcoming the delegation at the Union's office" in html
    )
    assert "Photo: Thanh Tùng" in html
    assert "Lễ đón đoàn" not in html


def test_picture_credit_defaults_to_the_albums_photographer(client, vi):
    album = AlbumPage.objects.live().filter(locale=vi).first()
    picture = album.pictures.first()
    AlbumPicture.objects.filter(pk=picture.pk).update(photographer="Nguyễn Riêng")
    html = client.get(album.url).content.decode()
    assert "Ảnh: Nguyễn Riêng" in html
    assert f"Ảnh: {album.photographer}" in html


def test_album_index_shows_covers_and_counts(client, vi):
    index = AlbumIndexPage.objects.get(locale=vi)
    html = client.get(index.url).content.decode()
    assert html.count('class="gl-card"') == AlbumPage.objects.live().child_of(index).count()
    assert "4 ảnh" in html
    assert ".fill-400x300." in html


def test_album_attached_to_an_event_and_to_an_article_is_listed_there(client, vi, en):
    event = EventPage.objects.get(locale=vi, slug="don-doan-tinh-champasak-2024")
    album = AlbumPage.objects.get(locale=vi, slug="anh-don-doan-champasak")
    assert f'href="{album.url}"' in client.get(event.url).content.decode()
    english_event = event.get_translation(en)
    english_album = album.get_translation(en)
    assert f'href="{english_album.url}"' in client.get(english_event.url).content.decode()

    article_album = AlbumPage.objects.get(locale=vi, slug="anh-hoat-dong-lien-hiep")
    article = NewsPage.objects.get(pk=article_album.attached_to_id)
    html = client.get(article.url).content.decode()
    assert 'id="gl-attached-heading"' in html and f'href="{article_album.url}"' in html
    # An album's own page links back to what it is attached to.
    assert f'href="{event.url}"' in client.get(album.url).content.decode()


def test_video_page_embeds_the_player_with_transcript_and_a_plain_link(client, vi):
    video = VideoPage.objects.live().filter(locale=vi, slug="phong-su-giao-luu-chol-chnam-thmay").get()
    html = client.get(video.url).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/' in html
    assert re.search(r"<iframe[^>]+title=\"[^\"]+\"", html)
    assert 'id="gl-transcript-heading"' in html and "Người dẫn:" in html
    assert f'href="{video.video_url}"' in html


@pytest.mark.parametrize(
    "url",
    [
        "http://www.youtube.com/watch?v=abc",  # not https
        "https://evil.example/watch?v=abc",
        "https://youtube.com.evil.example/x",
        "javascript:alert(1)",
    ],
)
def test_only_https_youtube_and_vimeo_videos_are_accepted(url, vi):
    index = VideoIndexPage.objects.get(locale=vi)
    video = VideoPage(title="Video thử", slug="video-thu", video_url=url)
    video.depth, video.path, video.locale = index.depth + 1, index.path + "9999", vi
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    assert "video_url" in error.value.message_dict


def test_vimeo_and_youtube_urls_are_accepted():
    from galleries.models import allowed_video_url

    assert allowed_video_url("https://vimeo.com/76979871")
    assert allowed_video_url("https://youtu.be/aqz-KE-bpKQ")
    assert allowed_video_url("https://www.youtube.com/watch?v=aqz-KE-bpKQ")


def test_the_content_security_policy_allows_the_embedded_players(client, vi):
    video = VideoPage.objects.live().filter(locale=vi).first()
    policy = client.get(video.url)["Content-Security-Policy"]
    frames = re.search(r"frame-src ([^;]+)", policy).group(1)
    assert "https://www.youtube-nocookie.com" in frames and "https://player.vimeo.com" in frames


def test_api_lists_albums_with_their_pictures(client):
    data = client.get("/api/v2/albums/", {"locale": "en", "fields": "pictures"}).json()
    assert data["meta"]["total_count"] >= 3
    pictures = data["items"][0]["pictures"]
    assert pictures and {"caption", "photographer", "image"} <= set(pictures[0])
    assert client.get("/api/v2/videos/", {"fields": "video_url,transcript"}).status_code == 200


def test_restricted_albums_and_events_are_not_listed_for_readers(client, vi, home_vi):
    from wagtail.models import PageViewRestriction

    from events.models import upcoming_events

    album = AlbumPage.objects.get(locale=vi, slug="anh-hoat-dong-lien-hiep")
    article = NewsPage.objects.get(pk=album.attached_to_id)
    assert f'href="{album.url}"' in client.get(article.url).content.decode()
    PageViewRestriction.objects.create(page=album, restriction_type="login")
    assert f'href="{album.url}"' not in client.get(article.url).content.decode()

    soon = upcoming_events(vi.pk)
    assert soon
    PageViewRestriction.objects.create(page=soon[0].get_parent(), restriction_type="password", password="bí mật")
    assert upcoming_events(vi.pk) == []
    assert 'id="ev-home-heading"' not in client.get(home_vi.url).content.decode()
