"""List and detail pages run the same, small number of queries whatever the amount of content."""

import datetime
from decimal import Decimal

import pytest
from wagtail.rich_text import RichText

from foreign_relations.models import (
    AidProjectPage,
    DirectivePage,
    DirectiveRelatedPage,
    DocumentType,
    IssuingBody,
    PartnerPage,
    PartnerRelatedPage,
    Sector,
)
from home.models import StandardPage

pytestmark = pytest.mark.django_db
LIMIT = 12
# The status listing names its counterpart in the other language (a status slug per language), so
# its language links and hreflang are worked out per request instead of coming from the cache.
LIMITS = {"/en/projects/seeking-funding/": 16}


def grow(vi, partner_index, project_index, directive_index, home, partner, directive, n):
    """Add ``n`` partners, projects, directives and pages that link to the measured pages."""
    sectors = list(Sector.objects.filter(locale=vi))
    doc_type = DocumentType.objects.filter(locale=vi).first()
    body = IssuingBody.objects.filter(locale=vi).first()
    for i in range(n):
        extra = PartnerPage(
            title=f"Đối tác thêm {i}", country="JP", localities="Rạch Giá", partner_type="ngo", logo=partner.logo
        )
        extra.sectors = sectors[:3]
        extra.related_links = [PartnerRelatedPage(target=directive)]
        partner_index.add_child(instance=extra)
        project_index.add_child(
            instance=AidProjectPage(
                title=f"Dự án thêm {i}",
                partner=partner,
                sector=sectors[i % len(sectors)],
                budget=Decimal(1000 + i),
                currency=["USD", "EUR", "JPY"][i % 3],
                status=["seeking", "ongoing", "completed"][i % 3],
                locality="Hà Tiên",
            )
        )
        extra_directive = DirectivePage(
            title=f"Văn bản thêm {i}",
            document_number=f"{100 + i}/TB-LH",
            document_type=doc_type,
            issuing_body=body,
            issue_date=datetime.date(2020 + i % 5, 1, 1),
        )
        extra_directive.related_links = [DirectiveRelatedPage(target=directive)]
        directive_index.add_child(instance=extra_directive)
        home.add_child(
            instance=StandardPage(
                title=f"Bài viết {i}",
                body=[("paragraph", RichText(f'<p><a linktype="page" id="{partner.pk}">x</a></p>'))],
            )
        )


URLS = [
    "/vi/doi-tac/",
    "/en/partners/",
    "/vi/doi-tac/?sector=y-te&country=JP",
    "/vi/doi-tac/csv/",
    "/vi/du-an/",
    "/en/projects/",
    "/en/projects/seeking-funding/",
    "/vi/van-ban/",
    "/en/documents/?year=2022",
    "/vi/van-ban/?q=12/CT-TW",
    "/vi/doi-tac/to-chuc-nuoc-sach-bac-au/",
    "/en/partners/nordic-clean-water-initiative/",
    "/vi/du-an/nuoc-sach-truong-hoc-phu-quoc/",
    "/en/projects/clean-water-for-12-schools-in-phu-quoc/",
    "/vi/van-ban/chi-thi-12-ct-tw/",
    "/en/documents/directive-12-ct-tw/",
]


def test_query_counts_do_not_grow_with_content(
    count_queries, vi, home_vi, partner_index_vi, project_index_vi, directive_index_vi
):
    before = {url: count_queries(url) for url in URLS}
    partner = PartnerPage.objects.get(locale=vi, slug="to-chuc-nuoc-sach-bac-au")
    directive = DirectivePage.objects.get(locale=vi, document_number="12-CT/TW")
    grow(vi, partner_index_vi, project_index_vi, directive_index_vi, home_vi, partner, directive, 25)
    after = {url: count_queries(url) for url in URLS}
    assert after == before
    over = {url: count for url, count in after.items() if count > LIMITS.get(url, LIMIT)}
    assert not over, after
