"""News pages: the index (Tin tức), sections (chuyên mục) and articles."""

import json
from urllib.parse import quote

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from news import listing
from news.serializers import AuthorField, PictureField, SectionField, SourceField, TopicsField
from portal.blocks import BaseStreamBlock
from portal.generation import remember
from portal.models import BasePage, Department
from portal.references import localized_related_pages

from .snippets import Topic

# The social card's rendition: og:image (news/news_page.html) and the JSON-LD image.
SOCIAL_SPEC = "fill-1200x630|format-jpeg"


class ChildRouteMixin:
    """Finds a child of the known specific type in one query (Wagtail's route needs two per level),
    through Wagtail's documented ``route`` override; the child remembers its parent (``news_parent``).
    Children are looked up before the page's own sub-routes (feeds)."""

    child_page_model = None
    route_children_first = True

    def route(self, request, path_components):
        if path_components and self.child_page_model is not None:
            model = self.child_page_model
            if isinstance(model, str):
                from django.apps import apps

                model = apps.get_model(model)
            child = (
                model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("locale", *getattr(model, "route_select_related", ()))
                .first()
            )
            if child is not None:
                child.news_parent = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


class FeedRoutesMixin(RoutablePageMixin):
    """RSS 2.0 at ``<page>/rss/`` and Atom at ``<page>/atom/``, for this page's language."""

    @path("")
    def listing_view(self, request):
        return self.serve_listing(request)

    @path("rss/", name="rss")
    def rss_view(self, request):
        from news.feeds import feed_response

        return feed_response(request, self, "rss")

    @path("atom/", name="atom")
    def atom_view(self, request):
        from news.feeds import feed_response

        return feed_response(request, self, "atom")

    def serve_listing(self, request):
        return Page.serve(self, request)

    def get_articles(self, request=None):
        """Live, public articles of this page's language under this page, newest first."""
        return listing.articles(self.locale_id, request, within=self)

    def feed_urls(self, request=None):
        base = self.get_url(request)
        return {"rss": base + "rss/", "atom": base + "atom/"} if base else {}


class NewsIndexPage(ChildRouteMixin, FeedRoutesMixin, BasePage):
    """Tin tức: the latest of every section, filters by topic, archive by year and month."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two shown under the title of the news page.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fold_fields = BasePage.search_fold_fields + ("intro",)
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsSectionPage"]
    max_count_per_parent = 1
    child_page_model = "news.NewsSectionPage"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing.listing_context(self, request, index=self))
        return context


class NewsSectionPage(ChildRouteMixin, FeedRoutesMixin, BasePage):
    """A section (chuyên mục): its articles, newest first, paginated."""

    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the section covers; shown under its title and in its feeds."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("description")]
    search_fields = BasePage.search_fields + [index.SearchField("description")]
    search_fold_fields = BasePage.search_fold_fields + ("description",)
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.NewsPage"]
    child_page_model = "news.NewsPage"

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = getattr(self, "news_parent", None)
        context.update(listing.listing_context(self, request, index=index))
        return context


class NewsPageForm(WagtailAdminPageForm):
    """Offers only the topics and departments of the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is not None:
            if "topics" in self.fields:
                self.fields["topics"].queryset = Topic.objects.filter(locale_id=locale_id)
            if "department" in self.fields:
                self.fields["department"].queryset = Department.objects.filter(locale_id=locale_id)


class NewsPage(BasePage):
    """An article (tin, bài)."""

    # Read with the page when it is routed: the article template shows them (not the department,
    # which only the editorial reports read).
    route_select_related = ("hero_image", "social_image")

    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("The sapo: one or two sentences in bold under the headline that sum up the article."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the article, in lists and in feeds. At least 1200 pixels wide."),
    )
    hero_caption = models.CharField(
        _("photo caption"),
        max_length=500,
        blank=True,
        help_text=_("What the photo shows, e.g. 'Delegates pose for a souvenir photo'."),
    )
    hero_credit = models.CharField(
        _("photo credit"), max_length=255, blank=True, help_text=_("e.g. 'Photo: Thanh Tùng'")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("The date shown to readers; articles are listed newest first by this date."),
    )
    author_name = models.CharField(
        _("author"), max_length=255, blank=True, help_text=_("Printed at the end of the article, e.g. 'TÔ VĂN DÂN'.")
    )
    author_position = models.CharField(
        _("author's position"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'Vice President of the provincial Union of Friendship Organizations'."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("For an article reposted from elsewhere: the newspaper or site it comes from."),
    )
    source_url = models.URLField(_("original link"), max_length=500, blank=True)
    source_date = models.DateField(_("original date"), null=True, blank=True)
    topics = ParentalManyToManyField(
        "news.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="pages",
        help_text=_("Topics let readers find articles on the same subject across sections."),
    )
    is_hot = models.BooleanField(
        _("hot news"), default=False, help_text=_("Shown in the 'Hot news' ticker on the home page.")
    )
    department = models.ForeignKey(
        "portal.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The department that wrote the article; it counts towards that department's monthly quota."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Main photo"),
        ),
        FieldPanel("body"),
    ]
    byline_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("author_name"), FieldPanel("author_position")]), FieldPanel("department")],
            heading=_("Author"),
        ),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldRowPanel([FieldPanel("source_url"), FieldPanel("source_date")])],
            heading=_("Source of a reposted article"),
            help_text=_("Leave empty for the union's own articles."),
        ),
    ]
    classification_panels = [
        FieldPanel("date"),
        FieldPanel("is_hot"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "related_links",
            heading=_("Related pages"),
            label=_("Related page"),
            help_text=_("Other articles, partners, projects or directives this article is about."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(byline_panels, heading=_("Author and source")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = NewsPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("date"),
        index.FilterField("is_hot"),
    ]
    search_fold_fields = BasePage.search_fold_fields + ("lead", "body", "author_name", "hero_caption")
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("section", serializer=SectionField()),
        APIField("topics", serializer=TopicsField()),
        APIField("picture", serializer=PictureField()),
        APIField("author", serializer=AuthorField()),
        APIField("source", serializer=SourceField()),
        APIField("is_hot"),
    ]
    override_translatable_fields = [SynchronizedField("topics")]
    parent_page_types = ["news.NewsSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-date"]
        indexes = [
            # The hot-news ticker: a handful of flagged articles, newest first, among thousands.
            models.Index(models.F("date").desc(), name="news_hot_by_date", condition=models.Q(is_hot=True)),
        ]

    @property
    def summary(self):
        return self.listing_summary or self.lead or self.search_description

    listing_image_fields = ("listing_image", "hero_image", "social_image")
    social_image_fields = ("social_image", "hero_image", "listing_image")

    def get_section(self):
        """The parent section, without a query when the page was reached through its section."""
        parent = getattr(self, "news_parent", None)
        if parent is None:
            parent = (
                NewsSectionPage.objects.filter(path=self.path[: -self.steplen], depth=self.depth - 1).first()
                or self.get_parent()
            )
            self.news_parent = parent
        return parent

    def localized_topics(self, preview=False):
        """Topics in this page's language (an English page shares its source's topics)."""
        if preview or not self.pk:  # the editor's unsaved choices
            keys = [topic.translation_key for topic in self.topics.all()]
            return list(Topic.objects.filter(locale_id=self.locale_id, translation_key__in=keys).order_by("name"))
        return list(
            Topic.objects.filter(
                locale_id=self.locale_id,
                live=True,
                translation_key__in=Topic.objects.filter(pages=self.pk).values("translation_key"),
            ).order_by("name")
        )

    def localized_related_pages(self, request=None, preview=False):
        """Related pages in this page's language only, live and public, in the editor's order."""
        if preview or not self.pk:
            order = {link.target.translation_key: n for n, link in enumerate(self.related_links.all()) if link.target}
            pages = Page.objects.live().filter(locale_id=self.locale_id, translation_key__in=list(order))
            pages = sorted(listing.exclude_restricted(pages, request), key=lambda p: order[p.translation_key])
            return [p for p in pages if p.pk != self.pk]
        return localized_related_pages(self, request)

    def body_images(self):
        images = []
        for block in self.body or []:
            if block.block_type == "image" and block.value.get("image"):
                images.append(block.value["image"])
            elif block.block_type == "gallery":
                images.extend(item["image"] for item in block.value.get("images", []) if item.get("image"))
        return images

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The section and the news index above it: the same for every article of the section, so
        # remembered for the publish generation.
        if getattr(self, "news_parent", None) is None:
            self.news_parent = remember(request, f"news-section:{self.path[: -self.steplen]}", self.get_section)
        section = self.get_section()
        if getattr(section, "news_parent", None) is None:
            section.news_parent = remember(request, f"news-index:{section.path}", section.get_parent)
        preview = getattr(request, "is_preview", False)
        index = section.news_parent

        def more_in_section():
            more = [article for article in listing.section_headlines(section, request) if article.pk != self.pk]
            return more[: listing.MORE_IN_SECTION]

        def description():
            return strip_tags(self.search_description or self.summary or "")

        # What only the article's cached fragment shows (news/news_page.html) is worked out when the
        # fragment is rendered, once, and not at all while the fragment is in the cache.
        context.update(
            meta_description=SimpleLazyObject(lambda: Truncator(description()).chars(300)),
            meta_description_short=SimpleLazyObject(lambda: Truncator(description()).chars(200)),
            share_url=SimpleLazyObject(lambda: quote(context["canonical_url"] or "", safe="")),
            share_title=quote(self.title, safe=""),
            section=section,
            section_feeds=section.feed_urls(request),
            news_index=index,
            topics=SimpleLazyObject(lambda: self.localized_topics(preview=preview)),
            related_pages=SimpleLazyObject(lambda: self.localized_related_pages(request, preview=preview)),
            more_in_section=SimpleLazyObject(more_in_section),
            json_ld=SimpleLazyObject(lambda: self.json_ld(request)),
        )
        return context

    def json_ld(self, request=None):
        """schema.org NewsArticle, escaped for a <script> element."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": self.date.isoformat() if self.date else None,
            "dateModified": (self.last_published_at or self.date).isoformat()
            if (self.last_published_at or self.date)
            else None,
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": self.get_full_url(request),
            "description": strip_tags(self.summary or "")[:300],
        }
        if self.author_name:
            author = {"@type": "Person", "name": self.author_name}
            if self.author_position:
                author["jobTitle"] = self.author_position
            data["author"] = author
        image = self.get_social_image()
        if image is not None:
            rendition = image.get_rendition(SOCIAL_SPEC)
            data["image"] = [rendition.full_url]
        text = json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class NewsRelatedPage(Orderable):
    """A page an article points to: another article, a partner, a project, a directive."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

    def __str__(self):
        return str(self.target)
