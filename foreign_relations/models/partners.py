"""The partner directory: foreign NGOs, foundations, embassies, sister provinces, friendship associations."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.api_images import PublicImageField
from portal.blocks import RICH_TEXT_FEATURES
from portal.generation import remember
from portal.i18n import exclude_restricted
from portal.images import attach_pictures
from portal.models import BasePage, IndexPage
from portal.references import LINK_FIELDS, localized_related_pages, pages_linking_to
from portal.text import sort_key_for

from ..filters import Filters, same_place, split_localities
from ..languages import normalize_language_tag, validate_language_tag
from ..listing import page_number
from ..localize import localized, snippets_by_key, snippets_by_pk, sorted_by_name
from ..serializers import NamedSnippetSerializer, PageCountrySerializer
from ..widgets import LanguageTagInput
from .common import RelatedPageBase
from .snippets import Sector

PER_PAGE = 24
# The logo's rendition on the directory's cards (templates/foreign_relations/partner_index_page.html).
# What a partner's card in the directory reads of it.
CARD_FIELDS = (
    *LINK_FIELDS,
    "name_original",
    "name_language",
    "acronym",
    "partner_type",
    "country",
    "since_year",
    "logo",
)


class PartnerType(models.TextChoices):
    NGO = "ngo", _("International NGO")
    FOUNDATION = "foundation", _("Foundation")
    EMBASSY = "embassy", _("Embassy or consulate")
    SISTER_PROVINCE = "sister_province", _("Sister province")
    FRIENDSHIP_ASSOCIATION = "friendship_association", _("Friendship association")


class PartnerIndexPage(RoutablePageMixin, IndexPage):
    """The partner directory, filterable by country, type, sector and locality, exportable as CSV."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["foreign_relations.PartnerPage"]

    class Meta:
        verbose_name = _("partner directory")
        verbose_name_plural = _("partner directories")

    def read_filters(self, request):
        filters = Filters(request)
        filters.country()
        filters.choice("type", PartnerType.choices, _("“%(value)s” is not a type of partner."))
        sector_key = filters.snippet("sector", Sector, _("“%(value)s” is not a known sector."))
        filters.text("locality")
        filters.sector_key = sector_key
        return filters

    def directory_rows(self, request):
        """``(pk, title, country, partner_type, localities)`` of every live, public partner (one query).

        The whole directory, like a news archive: remembered for the publish generation.
        """

        def compute():
            queryset = exclude_restricted(PartnerPage.objects.live().child_of(self), request)
            return list(queryset.values_list("pk", "title", "country", "partner_type", "localities"))

        return remember(request, f"partner-rows:{self.pk}", compute)

    def partner_ids(self, request, filters):
        """Ids of the partners matching ``filters``, in the reader's alphabetical order.

        Filtering and sorting work on narrow rows; only the partners shown are read in full
        (:meth:`partners_in_order`), so a directory of hundreds costs the same as one of ten.
        """
        if filters.invalid:
            return []
        rows = self.directory_rows(request)
        country, partner_type = filters.values.get("country"), filters.values.get("type")
        locality = filters.values.get("locality")
        if filters.sector_key:
            with_sector = set(
                PartnerPage.sectors.through.objects.filter(
                    partnerpage__in=[row[0] for row in rows], sector__translation_key=filters.sector_key
                ).values_list("partnerpage_id", flat=True)
            )
        rows = [
            row
            for row in rows
            if (not country or row[2] == country)
            and (not partner_type or row[3] == partner_type)
            and (not filters.sector_key or row[0] in with_sector)
            and (not locality or any(same_place(locality, x) for x in split_localities(row[4])))
        ]
        key = sort_key_for(get_language())
        rows.sort(key=lambda row: key(row[1]))
        return [row[0] for row in rows]

    def partners_in_order(self, request, ids, fields=None):
        """The partners ``ids`` in that order, with logos, renditions and sectors in the page's
        language (``fields``: only these of each partner, for the directory's cards)."""
        if not ids:
            return []
        queryset = PartnerPage.objects.filter(pk__in=ids).order_by()
        if fields is not None:
            queryset = queryset.only(*fields)
        by_id = {p.pk: p for p in queryset}
        partners = [by_id[pk] for pk in ids if pk in by_id]
        attach_pictures(partners, fields=("logo",))
        # Sectors from the remembered snippet table: the links only, no sector rows.
        sector_ids = {}
        links = PartnerPage.sectors.through.objects.filter(partnerpage_id__in=list(by_id))
        for partner_id, sector_id in links.values_list("partnerpage_id", "sector_id"):
            sector_ids.setdefault(partner_id, []).append(sector_id)
        every_sector = snippets_by_pk(Sector, request)
        sectors = snippets_by_key(Sector, self.locale_id, request)
        # Labels looked up once per view (Django's get_…_display rebuilds the choices each call).
        types = {value: str(label) for value, label in PartnerType.choices}
        country_names = {}
        for partner in partners:
            own = [every_sector[pk] for pk in sector_ids.get(partner.pk, ()) if pk in every_sector]
            partner.localized_sectors = sorted_by_name([localized(s, sectors) for s in own])
            partner.type_name = types.get(partner.partner_type, partner.partner_type)
            code = partner.country.code if partner.country else ""
            if code and code not in country_names:
                country_names[code] = str(countries.name(code))
            partner.country_name = country_names.get(code, "")
        return partners

    def partners(self, request, filters):
        """The live partners of this directory matching ``filters``, in the reader's alphabetical order."""
        return self.partners_in_order(request, self.partner_ids(request, filters))

    def filter_options(self, request):
        """Choices offered by the filter form: what the directory's partners actually have
        (remembered for the publish generation, in each language, as the rows they come from)."""
        return remember(request, f"partner-options:{self.pk}:{get_language()}", lambda: self._filter_options(request))

    def _filter_options(self, request):
        rows = self.directory_rows(request)
        codes = {row[2] for row in rows if row[2]}
        key = sort_key_for(get_language())
        country_choices = sorted(((code, countries.name(code)) for code in codes), key=lambda c: key(str(c[1])))
        localities = {}
        for row in rows:
            for item in split_localities(row[4]):
                localities.setdefault(item.casefold(), item)
        locality_choices = sorted(localities.values(), key=key)
        sectors = sorted_by_name(snippets_by_key(Sector, self.locale_id, request).values())
        return {
            "countries": country_choices,
            "types": [(value, str(label)) for value, label in PartnerType.choices],
            "sectors": sectors,
            "localities": locality_choices,
        }

    @path("")
    def directory(self, request):
        filters = self.read_filters(request)
        chosen = urlencode(sorted((name, str(value)) for name, value in filters.values.items() if value))
        ids = remember(
            request,
            f"partner-ids:{self.pk}:{get_language()}:{filters.invalid}:{chosen}",
            lambda: self.partner_ids(request, filters),
        )

        def cards():
            page = page_number(request, Paginator(ids, PER_PAGE))
            page.object_list = self.partners_in_order(request, list(page.object_list), CARD_FIELDS)
            return page

        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "options": self.filter_options(request),
                # Read when the directory's cached fragment (partner_index_page.html) is rendered.
                "partners": SimpleLazyObject(cards),
                "partner_count": len(ids),
                "is_empty": not ids,
                "csv_query": request.GET.urlencode(),
            },
        )

    @path("csv/", name="csv")
    def csv(self, request):
        from ..exports import partners_csv

        filters = self.read_filters(request)
        return partners_csv(self, request, filters, self.partners(request, filters))


class PartnerPageForm(WagtailAdminPageForm):
    """Offers the sectors of the page's own language (and keeps those already chosen)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("sectors")
        locale_id = self.instance.locale_id or getattr(getattr(self, "parent_page", None), "locale_id", None)
        if field is not None and locale_id:
            chosen = list(self.instance.sectors.values_list("pk", flat=True)) if self.instance.pk else []
            field.queryset = Sector.objects.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))

    def clean_name_language(self):
        return normalize_language_tag(self.cleaned_data.get("name_language"))


class PartnerPage(BasePage):
    """A partner of the union: who it is, where it comes from, what it works on and where."""

    # Read with the page when it is routed (home.routing): the page shows the partner's logo.
    route_select_related = ("logo",)

    name_original = models.CharField(
        _("name in its own language"),
        max_length=255,
        blank=True,
        help_text=_("The organization's own name, e.g. 'Deutsche Welthungerhilfe'."),
    )
    name_language = models.CharField(
        _("language of the name"),
        max_length=35,
        blank=True,
        validators=[validate_language_tag],
        help_text=_(
            "Language code of the name in its own language (BCP 47: 'ja', 'km', 'de', 'zh-Hant'), "
            "so that browsers and screen readers read it right. Leave empty if unsure."
        ),
    )
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    partner_type = models.CharField(_("type"), max_length=32, choices=PartnerType.choices, default=PartnerType.NGO)
    country = CountryField(_("country"), blank=True)
    sectors = ParentalManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="partners")
    localities = models.CharField(
        _("localities of work"),
        max_length=500,
        blank=True,
        help_text=_("Provinces, cities or districts where the partner works, separated by commas."),
    )
    since_year = models.PositiveSmallIntegerField(
        _("partner since"), null=True, blank=True, help_text=_("Year the cooperation with the union began.")
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_person = models.CharField(_("contact person"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("name_original"),
                        FieldPanel("name_language", widget=LanguageTagInput),
                        FieldPanel("acronym"),
                    ]
                ),
                FieldRowPanel([FieldPanel("partner_type"), FieldPanel("country")]),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("localities"),
                FieldRowPanel([FieldPanel("since_year"), FieldPanel("website")]),
                FieldPanel("logo"),
            ],
            heading=_("Partner"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("address"),
            ],
            heading=_("Contacts"),
        ),
        FieldPanel("description"),
        InlinePanel("related_links", label=_("Related pages")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("name_original"),
        index.SearchField("acronym"),
        index.SearchField("description"),
        index.FilterField("country"),
        index.FilterField("partner_type"),
    ]
    search_fold_fields = BasePage.search_fold_fields + ("name_original", "acronym", "localities", "description")
    api_fields = [
        APIField("name_original"),
        APIField("name_language"),
        APIField("acronym"),
        APIField("partner_type"),
        APIField("country", serializer=PageCountrySerializer()),
        APIField("sectors", serializer=NamedSnippetSerializer(many=True, source="api_sectors")),
        APIField("localities"),
        APIField("since_year"),
        APIField("website"),
        APIField("logo", serializer=PublicImageField()),
        APIField("contact_person"),
        APIField("email"),
        APIField("phone"),
        APIField("address"),
        APIField("description"),
        APIField("listing_summary"),
    ]
    # The organization's own name and its language, its acronym and its phone number are the same in every language.
    override_translatable_fields = [
        SynchronizedField("name_original"),
        SynchronizedField("name_language"),
        SynchronizedField("acronym"),
        SynchronizedField("phone"),
    ]
    base_form_class = PartnerPageForm
    parent_page_types = ["foreign_relations.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    @property
    def type_label(self):
        return self.get_partner_type_display()

    def localized_sectors(self, request=None):
        """This partner's sectors in the page's language (the page may list the source language's)."""
        keys = Sector.objects.filter(partners=self.pk).values("translation_key")
        return sorted_by_name(Sector.objects.filter(locale_id=self.locale_id, live=True, translation_key__in=keys))

    @property
    def api_sectors(self):
        return self.localized_sectors()

    def projects(self, request=None):
        from .projects import AidProjectPage

        queryset = AidProjectPage.objects.live().filter(
            partner__translation_key=self.translation_key, locale_id=self.locale_id
        )
        return list(exclude_restricted(queryset, request).select_related("sector").order_by("-start_date", "title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = self.localized_sectors(request)
        context["projects"] = self.projects(request)
        project_ids = {p.pk for p in context["projects"]}
        context["related_pages"] = [p for p in localized_related_pages(self, request) if p.pk not in project_ids]
        shown = project_ids | {p.pk for p in context["related_pages"]}
        # News and other pages that mention this partner (their links, related pages or rich text).
        context["mentions"] = [p for p in pages_linking_to(self, request, limit=20) if p.pk not in shown]
        return context


class PartnerRelatedPage(RelatedPageBase):
    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="related_links")
