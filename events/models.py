"""Events and delegations (Sự kiện – Đoàn ra, đoàn vào): the index and the event page.

Start and end are stored as aware date-times; editors type them in the province's time zone
(``TIME_ZONE``, Asia/Ho_Chi_Minh), and readers and calendars are given them in that zone.
"""

import datetime

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.api_images import PublicImageField
from portal.blocks import BaseStreamBlock
from portal.i18n import exclude_restricted
from portal.models import BasePage, IndexPage


class EventKind(models.TextChoices):
    INCOMING = "incoming", _("Incoming delegation")
    OUTGOING = "outgoing", _("Outgoing delegation")
    CONFERENCE = "conference", _("Conference or meeting")
    EXCHANGE = "exchange", _("Friendship exchange")
    CHARITY = "charity", _("Charity handover")
    OTHER = "other", _("Other event")


class EventIndexPage(RoutablePageMixin, IndexPage):
    """Sự kiện: upcoming events first, past events by year; filters; iCalendar and RSS feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def events(self):
        """Live, public events of this index (one query)."""
        return EventPage.objects.child_of(self).live().public().select_related("image")

    @path("")
    def listing(self, request):
        from .listing import listing_context

        return self.render(request, context_overrides=listing_context(self, request))

    @path("ics/", name="ics")
    def ics(self, request):
        from .calendar import calendar_response

        return calendar_response(self, request)

    @path("ics/<str:kind>/", name="ics_kind")
    def ics_kind(self, request, kind):
        from django.http import Http404

        from .calendar import calendar_response

        if kind not in EventKind.values:
            raise Http404
        return calendar_response(self, request, kind=kind)

    @path("rss/", name="rss")
    def rss(self, request):
        from .feeds import feed_response

        return feed_response(self, request)


class EventPageForm(WagtailAdminPageForm):
    """Offers the partners and member associations of the page's own language (and keeps those
    already chosen), not every language's copy of each."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(getattr(self, "parent_page", None), "locale_id", None)
        if not locale_id:
            return
        for name in ("partners", "associations"):
            field = self.fields.get(name)
            if field is None:
                continue
            chosen = list(getattr(self.instance, name).values_list("pk", flat=True)) if self.instance.pk else []
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen)).order_by("title")


class EventPage(BasePage):
    """An event: a delegation received or sent, a conference, an exchange, a charity handover…"""

    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, default=EventKind.INCOMING)
    starts_at = models.DateTimeField(_("starts"), db_index=True, help_text=_("In the province's time (UTC+7)."))
    ends_at = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("Leave empty for an event without a set end.")
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    partners = ParentalManyToManyField(
        "foreign_relations.PartnerPage",
        verbose_name=_("partners"),
        blank=True,
        related_name="+",
        help_text=_("Partners from the partner directory that take part."),
    )
    associations = ParentalManyToManyField(
        "members.MemberPage",
        verbose_name=_("member associations"),
        blank=True,
        related_name="+",
        help_text=_("Member associations that organise or take part; the event appears on their pages."),
    )
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences that sum up the event."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(_("photo caption"), max_length=500, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("place"),
                FieldPanel("countries"),
                FieldPanel("organiser"),
            ],
            heading=_("Event"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("associations", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who takes part"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_caption")], heading=_("Main photo")),
        FieldPanel("body"),
        InlinePanel("related_links", heading=_("Related news"), label=_("Related page")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    search_fold_fields = BasePage.search_fold_fields + ("lead", "place", "organiser", "body")
    api_fields = [
        APIField("kind"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("place"),
        APIField("country_codes"),
        APIField("organiser"),
        APIField("lead"),
        APIField("image", serializer=PublicImageField()),
        APIField("body"),
        APIField("listing_summary"),
    ]
    override_translatable_fields = [
        SynchronizedField("partners"),
        SynchronizedField("associations"),
    ]
    base_form_class = EventPageForm
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at"]

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})

    @property
    def start_date(self):
        """The day the event starts in the province's time (search lists events by it)."""
        return timezone.localtime(self.starts_at).date() if self.starts_at else None

    @property
    def country_codes(self):
        return [country.code for country in self.countries]

    @property
    def summary(self):
        return self.listing_summary or self.lead or self.search_description

    listing_image_fields = ("listing_image", "image", "social_image")

    def is_upcoming(self, now=None):
        now = now or timezone.now()
        return (self.ends_at or self.starts_at) >= now

    @property
    def same_day(self):
        if not self.ends_at:
            return True
        return timezone.localtime(self.starts_at).date() == timezone.localtime(self.ends_at).date()

    def localized(self, pages, model=Page):
        """``pages`` (of any language) as this page's language has them: live, public, in order."""
        keys = [page.translation_key for page in pages]
        if not keys:
            return []
        queryset = model.objects.live().public().filter(locale_id=self.locale_id, translation_key__in=keys)
        found = {page.translation_key: page for page in queryset}
        return [found[key] for key in dict.fromkeys(keys) if key in found]

    def get_context(self, request, *args, **kwargs):
        from foreign_relations.models import PartnerPage
        from galleries.models import attached_media
        from members.models import MemberPage

        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.localized(list(self.partners.all()), PartnerPage)
        context["associations"] = self.localized(list(self.associations.all()), MemberPage)
        ids = [link.target_id for link in self.related_links.all() if link.target_id]
        by_id = Page.objects.in_bulk(ids)
        targets = [by_id[pk] for pk in ids if pk in by_id]
        context["related_pages"] = [p for p in self.localized(targets) if p.pk != self.pk]
        context["albums"], context["videos"] = attached_media(self, request)
        context["country_names"] = [str(countries.name(code)) for code in self.country_codes]
        context["event_index"] = self.get_parent()
        return context


class EventRelatedPage(Orderable):
    """News (or any page) about an event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target", ["news.NewsPage", "wagtailcore.Page"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

    def __str__(self):
        return str(self.target)


def upcoming_events(locale_id, limit=3, now=None, request=None):
    """The next ``limit`` live, public events of a language, soonest first (one query)."""
    now = now or timezone.now()
    queryset = (
        EventPage.objects.live()
        .filter(locale_id=locale_id)
        .filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
        .order_by("starts_at")
    )
    return list(exclude_restricted(queryset, request)[:limit])


def year_bounds(year):
    """Aware start of ``year`` and of the next, in the province's time."""
    zone = timezone.get_default_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=zone),
        datetime.datetime(year + 1, 1, 1, tzinfo=zone),
    )
