"""The directives library: the Party's and the State's documents that guide people-to-people diplomacy."""

import re

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BaseStreamBlock
from portal.i18n import exclude_restricted
from portal.models import BasePage, IndexPage
from portal.references import localized_related_pages, pages_linking_to
from portal.text import fold

from ..filters import Filters
from ..listing import page_number
from ..localize import localized, snippet_in_locale, snippets_by_key, sorted_by_name
from ..serializers import NamedSnippetSerializer
from .common import RelatedPageBase
from .snippets import DocumentType, IssuingBody

PER_PAGE = 20
_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")


def number_key(text):
    """A document number reduced for look-up: '12-CT/TW', '12/CT-TW' and '12 ct tw' → '12CTTW'."""
    return _NOT_ALNUM.sub("", fold(text or "").upper())


class DirectiveIndexPage(RoutablePageMixin, IndexPage):
    """The document library: filters by type, issuing body and year; look-up by document number."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["foreign_relations.DirectivePage"]

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def read_filters(self, request):
        filters = Filters(request)
        filters.type_key = filters.snippet("type", DocumentType, _("“%(value)s” is not a known type of document."))
        filters.body_key = filters.snippet("issuing_body", IssuingBody, _("“%(value)s” is not a known issuing body."))
        filters.year()
        filters.text("q")
        return filters

    def directives_queryset(self, request, filters):
        if filters.invalid:
            return DirectivePage.objects.none()
        queryset = exclude_restricted(DirectivePage.objects.live().child_of(self), request)
        if filters.type_key:
            queryset = queryset.filter(document_type__translation_key=filters.type_key)
        if filters.body_key:
            queryset = queryset.filter(issuing_body__translation_key=filters.body_key)
        if "year" in filters.values:
            queryset = queryset.filter(issue_date__year=filters.values["year"])
        query = filters.values.get("q")
        if query:
            key = number_key(query)
            condition = Q(title__icontains=query) | Q(summary__icontains=query)
            if key:
                condition |= Q(document_number_key__contains=key)
            queryset = queryset.filter(condition).annotate(
                exact_number=models.Case(
                    models.When(document_number_key=key, then=models.Value(0)),
                    default=models.Value(1),
                    output_field=models.IntegerField(),
                )
            )
            return queryset.order_by("exact_number", "-issue_date", "-pk")
        return queryset.order_by("-issue_date", "-pk")

    def filter_options(self, request):
        years = [
            d.year
            for d in DirectivePage.objects.live()
            .child_of(self)
            .filter(issue_date__isnull=False)
            .dates("issue_date", "year", order="DESC")
        ]
        return {
            "types": sorted_by_name(snippets_by_key(DocumentType, self.locale_id, request).values()),
            "bodies": sorted_by_name(snippets_by_key(IssuingBody, self.locale_id, request).values()),
            "years": years,
        }

    @path("")
    def library(self, request):
        filters = self.read_filters(request)
        queryset = self.directives_queryset(request, filters).select_related(
            "document_type", "issuing_body", "attachment"
        )
        paginator = Paginator(queryset, PER_PAGE)
        directives = page_number(request, paginator)
        types = snippets_by_key(DocumentType, self.locale_id, request)
        bodies = snippets_by_key(IssuingBody, self.locale_id, request)
        for directive in directives:
            directive.localized_type = localized(directive.document_type, types)
            directive.localized_body = localized(directive.issuing_body, bodies)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "options": self.filter_options(request),
                "directives": directives,
                "is_empty": paginator.count == 0,
            },
        )


class DirectivePage(RoutablePageMixin, BasePage):
    """One official document: number, type, issuer, dates, summary (trích yếu), text and attached file."""

    document_number = models.CharField(
        _("document number"), max_length=64, help_text=_("Số ký hiệu, e.g. '12-CT/TW' or '229/QĐ-LH'.")
    )
    document_number_key = models.CharField(max_length=64, editable=False, db_index=True, default="")
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("type of document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directives",
    )
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directives",
    )
    signer = models.CharField(_("signer"), max_length=255, blank=True, help_text=_("Name and office of the signer."))
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Trích yếu: what the document is about, in one or two sentences.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("attached file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The official text (PDF, Word…), offered as a download."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("signer")]),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
            ],
            heading=_("Document"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachment"),
        InlinePanel("related_links", label=_("Related pages")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("document_number", boost=3),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("document_number_key"),
        index.FilterField("issue_date"),
    ]
    search_fold_fields = BasePage.search_fold_fields + ("document_number", "summary", "signer", "body")
    api_fields = [
        APIField("document_number"),
        APIField("document_type", serializer=NamedSnippetSerializer()),
        APIField("issuing_body", serializer=NamedSnippetSerializer()),
        APIField("signer"),
        APIField("issue_date"),
        APIField("effective_date"),
        APIField("summary"),
        APIField("body"),
        APIField("attachment"),
    ]
    # The number and the dates are those of the official document, whatever the language.
    override_translatable_fields = [SynchronizedField("document_number")]
    parent_page_types = ["foreign_relations.DirectiveIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("directive")
        verbose_name_plural = _("directives")

    def save(self, *args, **kwargs):
        self.document_number = (self.document_number or "").strip()
        self.document_number_key = number_key(self.document_number)
        return super().save(*args, **kwargs)

    @property
    def summary_text(self):
        return self.summary or self.listing_summary or self.search_description

    @path("")
    def document(self, request):
        return self.render(request)

    @path("download/", name="download")
    def download(self, request):
        """The attached file through Wagtail's document view, always as a download (never shown inline)."""
        from django.http import Http404
        from django.utils.http import content_disposition_header
        from wagtail.documents.views.serve import serve

        document = self.attachment
        if document is None:
            raise Http404
        response = serve(request, document.pk, document.filename)
        if response.status_code == 200:
            response["Content-Disposition"] = content_disposition_header(True, document.filename)
            response["X-Content-Type-Options"] = "nosniff"
            if response["Content-Type"].startswith("text/") and "charset" not in response["Content-Type"]:
                response["Content-Type"] += "; charset=utf-8"
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def mentions():
            shown = {p.pk for p in context["related_pages"]}
            return [p for p in pages_linking_to(self, request, limit=20) if p.pk not in shown]

        # Read when the page's cached fragment (directive_page.html) is rendered, not while it is cached.
        context.update(
            document_type=SimpleLazyObject(
                lambda: snippet_in_locale(DocumentType, self.document_type_id, self.locale_id, request)
            ),
            issuing_body=SimpleLazyObject(
                lambda: snippet_in_locale(IssuingBody, self.issuing_body_id, self.locale_id, request)
            ),
            related_pages=SimpleLazyObject(lambda: localized_related_pages(self, request)),
            mentions=SimpleLazyObject(mentions),
        )
        return context


class DirectiveRelatedPage(RelatedPageBase):
    page = ParentalKey(DirectivePage, on_delete=models.CASCADE, related_name="related_links")
