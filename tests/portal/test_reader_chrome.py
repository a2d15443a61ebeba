"""What every site has, as readers and their tools see it: feeds advertised, meta descriptions,
a site map for people, contact details, text-size buttons whose names match their labels, and
a hot-news strip that shows every hot headline but not the featured story again."""

import re
from html import unescape

import pytest
from django.test import override_settings

from foreign_relations.models import PartnerIndexPage
from home.models import ContactPage
from news.models import NewsIndexPage, NewsPage
from portal.models import OrganizationSettings

pytestmark = pytest.mark.django_db


def meta_description(html):
    match = re.search(r'<meta name="description" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_advertises_its_feeds(client, lang):
    html = client.get(f"/{lang}/").content.decode()
    news = NewsIndexPage.objects.get(locale__language_code=lang)
    assert re.search(rf'type="application/rss\+xml"[^>]*href="[^"]*{news.url}rss/"', html)
    assert re.search(rf'type="application/atom\+xml"[^>]*href="[^"]*{news.url}atom/"', html)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_listings_and_directory_have_a_description(client, lang):
    for model in (None, NewsIndexPage, PartnerIndexPage):
        url = f"/{lang}/" if model is None else model.objects.get(locale__language_code=lang).url
        description = meta_description(client.get(url).content.decode())
        assert description and len(description) > 20, url
        assert "<" not in description


def test_human_sitemap_in_both_languages(client, home_vi):
    html = client.get("/vi/").content.decode()
    assert 'href="/vi/so-do-trang/"' in html
    page = client.get("/vi/so-do-trang/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Sơ đồ trang" in text
    for child in home_vi.get_children().live():
        assert f'href="{child.url}"' in text
    news = NewsIndexPage.objects.get(locale=home_vi.locale)
    for section in news.get_children().live():
        assert f'href="{section.url}"' in text  # sections, not their articles
    assert NewsPage.objects.live().filter(locale=home_vi.locale).first().url not in text
    english = client.get("/en/sitemap/").content.decode()
    assert 'href="/vi/so-do-trang/" hreflang="vi"' in english
    assert 'href="/en/news/"' in english


def test_text_size_buttons_name_starts_with_their_label(client):
    html = client.get("/en/").content.decode()
    buttons = re.findall(r"<button type=\"button\" data-text-scale=\"[^\"]*\"([^>]*)>(.*?)</button>", html)
    assert len(buttons) == 3
    for attributes, content in buttons:
        assert "aria-label" not in attributes
        visible = re.sub(r'<span class="visually-hidden">.*?</span>', "", content).strip()
        name = re.sub(r"<[^>]+>", "", content).strip()
        assert visible in ("A−", "A", "A+") and name.startswith(visible) and len(name) > len(visible)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_contact_page_shows_the_organizations_details(client, lang, home_vi):
    settings = OrganizationSettings.for_site(home_vi.get_site())
    page = ContactPage.objects.get(locale__language_code=lang)
    html = client.get(page.url).content.decode()
    aside = html.split('class="contact-details"', 1)[1].split("</aside>", 1)[0]
    assert unescape(getattr(settings, f"address_{lang}")) in unescape(aside)
    assert settings.phone in aside and f"mailto:{settings.email}" in aside
    assert "<form" in html


def test_contact_details_show_a_settings_change_at_the_next_view(client, home_vi):
    """The contact details read the organization remembered for the publish generation: saving the
    settings moves it, so the next view shows the new phone number, in both languages."""
    settings = OrganizationSettings.for_site(home_vi.get_site())
    pages = {lang: ContactPage.objects.get(locale__language_code=lang).url for lang in ("vi", "en")}
    for url in pages.values():
        assert settings.phone in client.get(url).content.decode()
    settings.phone = "0297 3 999 888"
    settings.save()
    for url in pages.values():
        aside = client.get(url).content.decode().split('class="contact-details"', 1)[1].split("</aside>", 1)[0]
        assert "0297 3 999 888" in aside and 'href="tel:02973999888"' in aside


def test_footer_address_has_a_street(client):
    html = client.get("/vi/").content.decode()
    footer = html.split('class="site-footer"', 1)[1]
    assert re.search(r"Địa chỉ: Số \d+ đường", footer)


def test_hot_news_strip_lists_every_hot_headline_but_the_featured_one(client, vi):
    html = client.get("/vi/").content.decode()
    strip = html.split('class="news-ticker"', 1)[1].split("</section>", 1)[0]
    featured = html.split('class="news-featured', 1)[1].split("</article>", 1)[0]
    featured_url = re.search(r'href="([^"]+)"', featured).group(1)
    hot = NewsPage.objects.live().filter(locale=vi, is_hot=True)
    assert hot.count() >= 3
    in_strip = re.findall(r'<li><a href="([^"]+)"', strip)
    assert featured_url not in in_strip
    assert set(in_strip) | {featured_url} >= {article.url for article in hot[:8]}


@override_settings(LANGUAGE_CODE="vi")
def test_x_default_is_not_added_for_a_single_language(rf):
    from portal.i18n import with_x_default

    assert with_x_default([("vi", "https://x/vi/")]) == [("vi", "https://x/vi/")]
    assert with_x_default([("vi", "a"), ("en", "b")])[-1] == ("x-default", "a")
