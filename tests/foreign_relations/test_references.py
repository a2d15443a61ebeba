"""portal.references: pages that point at a page, in its language, live and public only."""

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from foreign_relations.models import DirectivePage, PartnerPage
from home.models import StandardPage
from portal.references import pages_linking_to

pytestmark = pytest.mark.django_db


def article(parent, title, target, publish=True):
    page = StandardPage(
        title=title, body=[("paragraph", RichText(f'<p>Xem <a linktype="page" id="{target.pk}">đối tác</a>.</p>'))]
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def test_rich_text_link_child_relation_and_foreign_key_are_all_found(home_vi, vi):
    partner = PartnerPage.objects.get(locale=vi, slug="to-chuc-nuoc-sach-bac-au")
    linking = article(home_vi, "Đoàn công tác thăm Phú Quốc", partner)
    found = {p.pk for p in pages_linking_to(partner)}
    assert linking.pk in found  # rich text
    directive = DirectivePage.objects.get(locale=vi, document_number="12-CT/TW")
    assert partner.pk in {p.pk for p in pages_linking_to(directive)}  # related pages (child relation)
    assert all(p.locale_id == vi.pk for p in pages_linking_to(directive))
    projects = pages_linking_to(partner, model="foreign_relations.AidProjectPage")  # foreign key
    assert {p.title for p in projects} == {"Nước sạch cho 12 trường học ở Phú Quốc"}
    assert all(type(p).__name__ == "AidProjectPage" for p in projects)


def test_drafts_restricted_pages_other_languages_and_unknown_models_are_left_out(home_vi, home_en, vi, en):
    partner = PartnerPage.objects.get(locale=vi, slug="to-chuc-nuoc-sach-bac-au")
    draft = article(home_vi, "Bản nháp", partner, publish=False)
    private = article(home_vi, "Nội bộ", partner)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english = article(home_en, "English article", partner)  # links the Vietnamese partner page
    found = {p.pk for p in pages_linking_to(partner)}
    assert draft.pk not in found and private.pk not in found and english.pk not in found
    partner_en = partner.get_translation(en)
    assert english.pk in {p.pk for p in pages_linking_to(partner_en)}  # any translation of the target counts
    assert pages_linking_to(partner, model="nosuchapp.NoSuchPage") == []
    assert pages_linking_to(Page()) == []


def test_reference_lookup_is_one_query_whatever_the_number_of_links(home_vi, vi, django_assert_max_num_queries):
    partner = PartnerPage.objects.get(locale=vi, slug="quy-anh-duong")
    for i in range(6):
        article(home_vi, f"Bài {i}", partner)
    pages_linking_to(partner)  # content types cached
    with django_assert_max_num_queries(2):
        assert len(pages_linking_to(partner, limit=4)) == 4


def test_partner_page_lists_the_pages_that_mention_it(client, home_vi, vi):
    partner = PartnerPage.objects.get(locale=vi, slug="to-chuc-nuoc-sach-bac-au")
    article(home_vi, "Lễ bàn giao công trình nước sạch", partner)
    html = client.get(partner.url).text
    section = html.split('id="mentions-heading"')[1].split("</section>")[0]
    assert "Lễ bàn giao công trình nước sạch" in section
