"""Aid projects: seeking funding, ongoing or completed, with budgets in their own currency."""

from decimal import Decimal

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Subquery, Sum
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES
from portal.generation import remember
from portal.i18n import exclude_restricted, live_translations
from portal.models import BasePage, IndexPage
from portal.references import localized_related_pages, pages_linking_to
from portal.text import fold, sort_key_for

from ..filters import Filters
from ..listing import page_number
from ..localize import localized, snippet_in_locale, snippets_by_key, sorted_by_name
from ..serializers import NamedSnippetSerializer
from .common import RelatedPageBase
from .snippets import Sector

PER_PAGE = 20


def partners_in_locale(partners, locale_id, keep_same_locale=False):
    """``{translation_key: live partner page in the locale}`` for ``partners`` (one query at most).

    Page foreign keys are copied unchanged into translations, so an English project may still
    point at the Vietnamese partner page; readers are shown the partner in their own language.
    """
    from .partners import PartnerPage

    partners = [p for p in partners if p is not None]
    if keep_same_locale and all(p.locale_id == locale_id for p in partners):
        return {p.translation_key: p for p in partners if p.live}
    keys = {p.translation_key for p in partners}
    if not keys:
        return {}
    pages = PartnerPage.objects.live().filter(translation_key__in=keys, locale_id=locale_id)
    return {p.translation_key: p for p in pages.only("pk", "title", "url_path", "translation_key", "locale_id")}


def in_locale(queryset, model, pk, locale_id):
    """The object of ``queryset`` in ``locale_id`` that translates ``model`` ``pk`` (one query)."""
    if pk is None:
        return None
    key = model.objects.filter(pk=pk).values("translation_key")[:1]
    return queryset.filter(locale_id=locale_id, translation_key=Subquery(key)).first()


class ProjectStatus(models.TextChoices):
    SEEKING = "seeking", _("Seeking funding")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


STATUS_ORDER = [ProjectStatus.SEEKING, ProjectStatus.ONGOING, ProjectStatus.COMPLETED]

# ISO 4217 codes met in the union's cooperation. Amounts are never converted between currencies.
CURRENCIES = [
    "VND", "USD", "EUR", "JPY", "KRW", "AUD", "NZD", "GBP", "CHF", "CAD",
    "SEK", "NOK", "DKK", "SGD", "TWD", "CNY", "THB", "HKD",
]  # fmt: skip
CURRENCY_CHOICES = [(code, code) for code in CURRENCIES]


def locality_key(text):
    return fold(text or "").casefold().strip()


class ProjectIndexPage(RoutablePageMixin, IndexPage):
    """Aid projects, filterable by status, sector and locality, with budget totals per currency."""

    seeking_intro = RichTextField(
        _("introduction to projects seeking funding"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of projects seeking funding, written for donors."),
    )

    content_panels = IndexPage.content_panels + [FieldPanel("seeking_intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["foreign_relations.AidProjectPage"]

    class Meta:
        verbose_name = _("project list")
        verbose_name_plural = _("project lists")

    def read_filters(self, request, status=None):
        filters = Filters(request)
        if status is None:
            filters.choice("status", ProjectStatus.choices, _("“%(value)s” is not a project status."))
        filters.sector_key = filters.snippet("sector", Sector, _("“%(value)s” is not a known sector."))
        filters.text("locality")
        if status is not None:
            filters.values["status"] = status
        return filters

    def projects_queryset(self, request, filters):
        if filters.invalid:
            return AidProjectPage.objects.none()
        queryset = exclude_restricted(AidProjectPage.objects.live().child_of(self), request)
        if "status" in filters.values:
            queryset = queryset.filter(status=filters.values["status"])
        if filters.sector_key:
            queryset = queryset.filter(sector__translation_key=filters.sector_key)
        if "locality" in filters.values:
            queryset = queryset.filter(locality_key=locality_key(filters.values["locality"]))
        return queryset

    def totals(self, request, queryset):
        """Budget totals by status and by sector, one line per currency (never converted). One query."""
        rows = list(
            queryset.order_by()
            .values("status", "sector__translation_key", "currency")
            .annotate(total=Sum("budget"), count=Count("pk"))
        )
        return {
            "by_status": self._group(rows, "status", self._status_label, request),
            "by_sector": self._group(rows, "sector__translation_key", self._sector_label(request), request),
        }

    @staticmethod
    def _status_label(value):
        return dict(ProjectStatus.choices).get(value, value)

    def _sector_label(self, request):
        sectors = snippets_by_key(Sector, self.locale_id, request)

        def label(key):
            sector = sectors.get(key)
            return sector.name if sector else _("No sector")

        return label

    @staticmethod
    def _group(rows, field, label, request):
        groups = {}
        for row in rows:
            lines = groups.setdefault(row[field], {})
            line = lines.setdefault(row["currency"], {"currency": row["currency"], "total": None, "count": 0})
            line["count"] += row["count"]
            if row["total"] is not None:
                line["total"] = (line["total"] or Decimal(0)) + row["total"]
        result = [
            {"value": value, "label": label(value), "lines": sorted(lines.values(), key=lambda r: r["currency"] or "")}
            for value, lines in groups.items()
        ]
        if field == "status":
            order = {status: i for i, status in enumerate(STATUS_ORDER)}
            result.sort(key=lambda g: order.get(g["value"], 99))
        else:
            key = sort_key_for(getattr(request, "LANGUAGE_CODE", None))
            result.sort(key=lambda g: key(str(g["label"])))
        return result

    def filter_options(self, request):
        localities = {}
        # Every locality of the directory's projects: remembered for the publish generation.
        texts = remember(
            request,
            f"project-localities:{self.pk}",
            lambda: list(AidProjectPage.objects.live().child_of(self).values_list("locality", flat=True).distinct()),
        )
        for text in texts:
            if text:
                localities.setdefault(locality_key(text), text)
        return {
            "statuses": ProjectStatus.choices,
            "sectors": sorted_by_name(snippets_by_key(Sector, self.locale_id, request).values()),
            "localities": sorted(localities.values(), key=sort_key_for(getattr(request, "LANGUAGE_CODE", None))),
        }

    def render_list(self, request, filters, seeking=False, extra_context=None):
        queryset = self.projects_queryset(request, filters)
        paginator = Paginator(
            queryset.select_related("partner", "sector").order_by("-start_date", "title", "pk"), PER_PAGE
        )
        projects = page_number(request, paginator)
        sectors = snippets_by_key(Sector, self.locale_id, request)
        partners = partners_in_locale([p.partner for p in projects], self.locale_id, keep_same_locale=True)
        for project in projects:
            project.localized_sector = localized(project.sector, sectors)
            project.localized_partner = partners.get(project.partner.translation_key) if project.partner else None
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "options": self.filter_options(request),
                "projects": projects,
                "totals": self.totals(request, queryset),
                "seeking": seeking,
                "is_empty": paginator.count == 0,
                **(extra_context or {}),
            },
        )

    @path("")
    def project_list(self, request):
        return self.render_list(request, self.read_filters(request))

    # The projects seeking funding, at an address in the page's language; the other language's
    # address redirects to it (the Vietnamese list was at seeking-funding/ before).
    SEEKING_ROUTES = {"vi": "seeking_vi", "en": "seeking"}

    @property
    def seeking_route(self):
        return self.SEEKING_ROUTES.get(self.locale.language_code, "seeking")

    def seeking_path(self, request=None):
        return self.get_url(request) + self.reverse_subpage(self.seeking_route)

    @path("seeking-funding/", name="seeking")
    def seeking_funding(self, request):
        return self.serve_seeking(request, "seeking")

    @path("can-tai-tro/", name="seeking_vi")
    def seeking_funding_vi(self, request):
        return self.serve_seeking(request, "seeking_vi")

    def serve_seeking(self, request, route):
        if route != self.seeking_route:
            query = request.META.get("QUERY_STRING", "")
            return redirect(self.seeking_path(request) + (f"?{query}" if query else ""), permanent=True)
        alternates = {
            code: translation.specific.seeking_path(request)
            for code, translation in live_translations(self, request).items()
        }
        extra = {"alternate_urls": alternates, "canonical_url": request.build_absolute_uri(self.seeking_path(request))}
        return self.render_list(
            request, self.read_filters(request, status=ProjectStatus.SEEKING), seeking=True, extra_context=extra
        )


class AidProjectPage(BasePage):
    """A project carried out with (or looking for) a foreign partner."""

    partner = models.ForeignKey(
        "foreign_relations.PartnerPage",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aid_projects",
        help_text=_("Leave empty while the project is seeking funding."),
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), null=True, blank=True, on_delete=models.SET_NULL, related_name="projects"
    )
    locality = models.CharField(_("locality"), max_length=255, blank=True, help_text=_("e.g. 'Phú Quốc'."))
    locality_key = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    budget = models.DecimalField(
        _("budget"), max_digits=16, decimal_places=2, null=True, blank=True, help_text=_("In the currency below.")
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=CURRENCY_CHOICES,
        default="USD",
        help_text=_("ISO 4217 code of the budget's currency."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.SEEKING)
    beneficiaries = models.TextField(_("beneficiaries"), blank=True)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(_("results"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), PageChooserPanel("partner", "foreign_relations.PartnerPage")]),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("locality")]),
                FieldRowPanel([FieldPanel("budget"), FieldPanel("currency")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Project"),
        ),
        FieldPanel("beneficiaries"),
        FieldPanel("description"),
        FieldPanel("results"),
        InlinePanel("related_links", label=_("Related pages")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("beneficiaries"),
        index.SearchField("results"),
        index.FilterField("status"),
    ]
    search_fold_fields = BasePage.search_fold_fields + ("locality", "beneficiaries", "description", "results")
    api_fields = [
        APIField("partner"),
        APIField("sector", serializer=NamedSnippetSerializer()),
        APIField("locality"),
        APIField("budget"),
        APIField("currency"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("beneficiaries"),
        APIField("description"),
        APIField("results"),
        APIField("listing_summary"),
    ]
    override_translatable_fields = [SynchronizedField("locality_key")]
    parent_page_types = ["foreign_relations.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("aid project")
        verbose_name_plural = _("aid projects")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.budget is not None and self.budget < Decimal(0):
            raise ValidationError({"budget": _("A budget cannot be negative.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})

    def save(self, *args, **kwargs):
        self.locality_key = locality_key(self.locality)
        return super().save(*args, **kwargs)

    @property
    def seeking_funding(self):
        return self.status == ProjectStatus.SEEKING

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from wagtail.models import Page

        from .partners import PartnerPage

        # Page foreign keys are copied unchanged into translations: show the partner in this language.
        partner = in_locale(PartnerPage.objects.live(), Page, self.partner_id, self.locale_id)
        context["partner"] = partner
        context["sector"] = snippet_in_locale(Sector, self.sector_id, self.locale_id, request)
        context["related_pages"] = localized_related_pages(self, request)
        shown = {p.pk for p in context["related_pages"]} | ({partner.pk} if partner else set())
        context["mentions"] = [p for p in pages_linking_to(self, request, limit=20) if p.pk not in shown]
        return context


class ProjectRelatedPage(RelatedPageBase):
    page = ParentalKey(AidProjectPage, on_delete=models.CASCADE, related_name="related_links")
