"""Every kind of page a reader can land on, in one language of the demo site: each page type,
the listings' filtered and paginated views, a search, and "page not found". The HTML validator and
axe check these."""

from events.models import EventIndexPage, EventPage
from foreign_relations.models import (
    AidProjectPage,
    DirectiveIndexPage,
    DirectivePage,
    PartnerIndexPage,
    PartnerPage,
    ProjectIndexPage,
)
from galleries.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage
from home.models import ContactPage, HomePage, StandardPage
from members.models import MemberIndexPage, MemberPage
from news.models import NewsIndexPage, NewsPage, NewsSectionPage, Topic

SEARCH_TERMS = {"vi": "ngoai giao nhan dan", "en": "friendship"}


def first_page(model, lang):
    page = model.objects.live().public().filter(locale__language_code=lang).order_by("path").first()
    assert page is not None, f"The demo site has no live {model.__name__} in {lang}"
    return page


def reader_paths(lang):
    """(label, path, expected status) of every page type of ``lang``."""
    news = first_page(NewsIndexPage, lang)
    article = first_page(NewsPage, lang)
    topic = Topic.objects.filter(locale__language_code=lang, pages__live=True).order_by("slug").first()
    projects = first_page(ProjectIndexPage, lang)
    paths = [
        ("home", first_page(HomePage, lang).url, 200),
        ("news index", news.url, 200),
        ("news section", first_page(NewsSectionPage, lang).url, 200),
        ("article", article.url, 200),
        ("news by year", f"{news.url}?year={article.date.year}", 200),
        ("news by month", f"{news.url}?year={article.date.year}&month={article.date.month}", 200),
        ("news page 2", f"{news.url}?page=2", 200),
        ("partner directory", first_page(PartnerIndexPage, lang).url, 200),
        ("partner", first_page(PartnerPage, lang).url, 200),
        ("projects", projects.url, 200),
        ("projects seeking funding", projects.seeking_path(), 200),
        ("project", first_page(AidProjectPage, lang).url, 200),
        ("directives", first_page(DirectiveIndexPage, lang).url, 200),
        ("directive", first_page(DirectivePage, lang).url, 200),
        ("standard page", first_page(StandardPage, lang).url, 200),
        ("contact", first_page(ContactPage, lang).url, 200),
        ("search", f"/{lang}/search/?q={SEARCH_TERMS[lang].replace(' ', '+')}", 200),
        ("empty search", f"/{lang}/search/", 200),
        ("sitemap", {"vi": "/vi/so-do-trang/", "en": "/en/sitemap/"}[lang], 200),
        ("events", first_page(EventIndexPage, lang).url, 200),
        ("event", first_page(EventPage, lang).url, 200),
        ("albums", first_page(AlbumIndexPage, lang).url, 200),
        ("album", first_page(AlbumPage, lang).url, 200),
        ("videos", first_page(VideoIndexPage, lang).url, 200),
        ("video", first_page(VideoPage, lang).url, 200),
        ("member associations", first_page(MemberIndexPage, lang).url, 200),
        ("member association", first_page(MemberPage, lang).url, 200),
        ("not found", f"/{lang}/khong-co-trang-nay/", 404),
    ]
    if topic is not None:
        paths.append(("news by topic", f"{news.url}?topic={topic.slug}", 200))
    return paths
