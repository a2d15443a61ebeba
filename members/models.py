"""Member associations (Các tổ chức thành viên): the friendship associations that make up the union.

Each association has a page in both language trees. Its three names (Vietnamese, English and the
partner country's own language) are the same in every language; its activities (news that link to
it, events it takes part in) are listed automatically from those pages.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import BasePage, IndexPage
from portal.text import sort_key_for

# Languages a partner country's name may be written in (BCP 47 codes, for the ``lang`` attribute).
NATIVE_LANGUAGES = [
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("zh", _("Chinese")),
    ("km", _("Khmer")),
    ("lo", _("Lao")),
    ("th", _("Thai")),
    ("ru", _("Russian")),
    ("fr", _("French")),
    ("de", _("German")),
    ("en", _("English")),
    ("es", _("Spanish")),
]
ACTIVITY_LIMIT = 12
# The logo on the directory's cards (templates/members/member_index_page.html).
LOGO_SPEC = "max-120x120"


class MemberIndexPage(IndexPage):
    """The directory of member associations, in the reader's alphabetical order."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.MemberPage"]

    class Meta:
        verbose_name = _("member association directory")
        verbose_name_plural = _("member association directories")

    def associations(self, request=None):
        """Live, public associations of this directory, sorted as the reader's language sorts."""
        images = get_image_model().objects.prefetch_renditions(LOGO_SPEC)
        queryset = MemberPage.objects.child_of(self).live().public().prefetch_related(Prefetch("logo", images))
        key = sort_key_for(get_language())
        return sorted(queryset, key=lambda page: key(page.title))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["associations"] = self.associations(request)
        return context


class MemberPage(BasePage):
    """A friendship association that is a member of the union."""

    name_vietnamese = models.CharField(
        _("name in Vietnamese"), max_length=255, help_text=_("e.g. 'Hội hữu nghị Việt Nam – Nhật Bản tỉnh Kiên Giang'.")
    )
    name_english = models.CharField(_("name in English"), max_length=255, blank=True)
    name_native = models.CharField(
        _("name in the partner country's language"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'ベトナム・日本友好協会キエンザン省支部'."),
    )
    native_language = models.CharField(_("language of that name"), max_length=8, choices=NATIVE_LANGUAGES, blank=True)
    country = CountryField(_("partner country"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("name_vietnamese"),
                FieldPanel("name_english"),
                FieldRowPanel([FieldPanel("name_native"), FieldPanel("native_language")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("founded_year")]),
                FieldPanel("logo"),
            ],
            heading=_("Association"),
        ),
        FieldPanel("description"),
        InlinePanel("leaders", heading=_("Leadership"), label=_("Leader")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]), FieldPanel("website")],
            heading=_("Contacts"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("name_vietnamese"),
        index.SearchField("name_english"),
        index.SearchField("name_native"),
        index.SearchField("description"),
        index.FilterField("country"),
    ]

    @property
    def search_fold_fields(self):
        """The site search's text: the Vietnamese name only on the Vietnamese page, so an English
        result's excerpt never shows Vietnamese text outside the page's own ``lang`` markup."""
        names = ("name_vietnamese", "name_english") if self.locale.language_code == "vi" else ("name_english",)
        return (*BasePage.search_fold_fields, *names, "description")

    api_fields = [
        APIField("name_vietnamese"),
        APIField("name_english"),
        APIField("name_native"),
        APIField("native_language"),
        APIField("country"),
        APIField("founded_year"),
        APIField("description"),
        APIField("leaders"),
        APIField("address"),
        APIField("phone"),
        APIField("email"),
        APIField("website"),
        APIField("listing_summary"),
    ]
    # The three names are proper names: the same on both language trees.
    override_translatable_fields = [
        SynchronizedField("name_vietnamese"),
        SynchronizedField("name_english"),
        SynchronizedField("name_native"),
        SynchronizedField("phone"),
    ]
    parent_page_types = ["members.MemberIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("member association")
        verbose_name_plural = _("member associations")

    def activities(self, request=None):
        """``(events, news)``: live pages of this language that name this association."""
        from django.apps import apps

        events, news = [], []
        try:
            EventPage = apps.get_model("events", "EventPage")
        except LookupError:
            EventPage = None
        if EventPage is not None:
            events = list(
                EventPage.objects.live()
                .public()
                .filter(locale_id=self.locale_id, associations__translation_key=self.translation_key)
                .distinct()
                .order_by("-starts_at")[:ACTIVITY_LIMIT]
            )
        try:
            NewsPage = apps.get_model("news", "NewsPage")
        except LookupError:
            NewsPage = None
        if NewsPage is not None:
            news = list(
                NewsPage.objects.live()
                .public()
                .filter(locale_id=self.locale_id, related_links__target__translation_key=self.translation_key)
                .distinct()
                .order_by("-date")[:ACTIVITY_LIMIT]
            )
        return events, news

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"], context["news"] = self.activities(request)
        context["leaders"] = list(self.leaders.all())
        return context


class MemberLeader(TranslatableMixin, Orderable):
    """A member of an association's leadership: name and position (the position is translated)."""

    page = ParentalKey(MemberPage, on_delete=models.CASCADE, related_name="leaders")
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, help_text=_("e.g. 'Chairman', 'Vice Chairwoman'."))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("position")])]
    api_fields = [APIField("name"), APIField("position")]
    override_translatable_fields = [SynchronizedField("name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leadership")

    def __str__(self):
        return f"{self.name} ({self.position})"
