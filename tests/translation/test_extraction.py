"""Everything translatable reaches the translator and shows in English: one test per block type of
the portal's StreamField and per translatable snippet, each rendering the English page."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.operations import translate_object

from .conftest import english_of, make_article, translate_all

pytestmark = pytest.mark.django_db


def image_id():
    return get_image_model().objects.order_by("pk").values_list("pk", flat=True).first()


def document_id():
    return get_document_model().objects.order_by("pk").values_list("pk", flat=True).first()


def block_cases():
    """(block name, raw StreamField value, Vietnamese texts that must be translated)."""
    return {
        "heading": ({"type": "heading", "value": "Kết quả hợp tác năm 2025"}, ["Kết quả hợp tác năm 2025"]),
        "image": (
            {
                "type": "image",
                "value": {
                    "image": "IMAGE",
                    "caption": "Đại biểu chụp ảnh lưu niệm",
                    "credit": "Ảnh: Thanh Tùng",
                    "alt_text": "Các đại biểu đứng trước hội trường",
                },
            },
            ["Đại biểu chụp ảnh lưu niệm", "Ảnh: Thanh Tùng", "Các đại biểu đứng trước hội trường"],
        ),
        "gallery": (
            {
                "type": "gallery",
                "value": {
                    "title": "Hình ảnh chuyến thăm",
                    "images": [
                        {
                            "image": "IMAGE",
                            "caption": "Trao quà cho học sinh",
                            "credit": "Ảnh: Minh Khoa",
                            "alt_text": "",
                        },
                        {"image": "IMAGE", "caption": "Thăm lớp học tình thương", "credit": "", "alt_text": ""},
                    ],
                },
            },
            ["Hình ảnh chuyến thăm", "Trao quà cho học sinh", "Ảnh: Minh Khoa", "Thăm lớp học tình thương"],
        ),
        "quote": (
            {
                "type": "quote",
                "value": {"quote": "Hữu nghị là cầu nối giữa các dân tộc.", "attribution": "Ông Tô Văn Dân"},
            },
            ["Hữu nghị là cầu nối giữa các dân tộc.", "Ông Tô Văn Dân"],
        ),
        "document": (
            {"type": "document", "value": {"document": "DOCUMENT", "title": "Tải kế hoạch hoạt động"}},
            ["Tải kế hoạch hoạt động"],
        ),
        "table": (
            {
                "type": "table",
                "value": {
                    "data": [["Lĩnh vực", "Số dự án"], ["Giáo dục", "4"], ["Y tế", "3"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Dự án theo lĩnh vực",
                },
            },
            ["Lĩnh vực", "Số dự án", "Giáo dục", "Y tế", "Dự án theo lĩnh vực"],
        ),
        "people": (
            {
                "type": "people",
                "value": {
                    "title": "Ban Biên tập",
                    "people": [
                        {
                            "name": "Tô Văn Dân",
                            "role": "Trưởng ban",
                            "position": "Phó Chủ tịch Liên hiệp",
                            "photo": None,
                        }
                    ],
                },
            },
            ["Ban Biên tập", "Trưởng ban", "Phó Chủ tịch Liên hiệp"],
        ),
    }


def _fill(value):
    if isinstance(value, dict):
        return {k: _fill(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v) for v in value]
    if value == "IMAGE":
        return image_id()
    if value == "DOCUMENT":
        return document_id()
    return value


@pytest.mark.parametrize("block", sorted(block_cases()))
def test_block_type_is_translated_on_the_english_page(client, section_vi, block):
    raw, texts = block_cases()[block]
    article = make_article(section_vi, f"Bài khối {block}", body=[_fill(raw)])
    source_strings = set()
    translate_object(article, [Locale.objects.get(language_code="en")])
    source = TranslationSource.objects.get_for_instance(article)
    source_strings = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    for text in texts:
        assert text in source_strings, f"{text!r} does not reach the translator"
    english = translate_all(article)
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert f"EN {text}" in html, f"{text!r} is not shown in English"


def test_paragraph_with_link_text_is_translated(client, section_vi):
    body = [
        {
            "type": "paragraph",
            "value": '<p>Xem <a href="https://example.org/">trang của đối tác</a> để biết thêm.</p>',
        }
    ]
    article = make_article(section_vi, "Bài có liên kết", body=body)

    def english(text):
        return (
            text.replace("Xem", "See")
            .replace("trang của đối tác", "the partner's page")
            .replace("để biết thêm.", "for more.")
        )

    html = client.get(translate_all(article, mapping=english).url).content.decode()
    assert 'See <a href="https://example.org/">the partner&#x27;s page</a> for more.' in html or (
        "the partner's page</a> for more." in html
    )
    assert "trang của đối tác" not in html


def test_hero_caption_and_credit_are_translated(client, section_vi):
    article = make_article(
        section_vi,
        "Bài có ảnh đại diện",
        hero_image_id=image_id(),
        hero_caption="Lễ ký kết",
        hero_credit="Ảnh: Hữu Nghị",
    )
    html = client.get(translate_all(article).url).content.decode()
    assert "EN Lễ ký kết" in html and "EN Ảnh: Hữu Nghị" in html


# -- snippets ---------------------------------------------------------------------------------------


def test_topic_is_translated_on_the_english_article(client, section_vi, vi):
    from news.models import Topic

    topic = Topic.objects.create(name="Giao lưu nhân dân biên giới", locale=vi)
    translate_all(
        topic,
        mapping={"Giao lưu nhân dân biên giới": "Border people-to-people exchange", topic.slug: "border-exchange"},
    )
    article = make_article(section_vi, "Bài có chủ đề")
    article.topics = [topic]
    article.save_revision().publish()
    html = client.get(translate_all(article).url).content.decode()
    assert "Border people-to-people exchange" in html
    assert "Giao lưu nhân dân biên giới" not in html


def test_department_is_translated_with_the_article(section_vi, vi, en):
    from portal.models import Department

    department = Department.objects.create(name="Phòng Đối ngoại Thử", code="doi-ngoai-thu", locale=vi)
    translate_all(
        department, mapping={"Phòng Đối ngoại Thử": "Test Foreign Affairs Office", "doi-ngoai-thu": "doi-ngoai-thu"}
    )
    article = make_article(section_vi, "Bài của phòng", department=department)
    english = translate_all(article)
    assert english.department.locale == en
    assert english.department.name == "Test Foreign Affairs Office"
    assert english.department.translation_key == department.translation_key


def test_sector_is_translated_on_the_english_partner_page(client, vi):
    from foreign_relations.models import PartnerIndexPage, PartnerPage, Sector

    sector = Sector.objects.create(name="Nước sạch nông thôn", code="nuoc-sach-thu", locale=vi)
    translate_all(sector, mapping={"Nước sạch nông thôn": "Rural clean water"})
    partner = PartnerPage(title="Quỹ Nước Sạch Thử")
    partner.sectors = [sector]
    PartnerIndexPage.objects.get(locale=vi).add_child(instance=partner)
    partner.save_revision().publish()
    html = client.get(translate_all(partner).url).content.decode()
    assert "Rural clean water" in html
    assert "Nước sạch nông thôn" not in html


def test_document_type_and_issuing_body_are_translated_on_the_english_directive(client, vi):
    from foreign_relations.models import DirectiveIndexPage, DirectivePage, DocumentType, IssuingBody

    kind = DocumentType.objects.create(name="Hướng dẫn thử", code="huong-dan-thu", locale=vi)
    body = IssuingBody.objects.create(name="Ban Thường trực Thử", code="ban-thuong-truc-thu", locale=vi)
    translate_all(kind, mapping={"Hướng dẫn thử": "Test guideline"})
    translate_all(body, mapping={"Ban Thường trực Thử": "Test Standing Board"})
    directive = DirectivePage(
        title="Hướng dẫn số 7 thử", document_number="07-HD/LH", document_type=kind, issuing_body=body
    )
    DirectiveIndexPage.objects.get(locale=vi).add_child(instance=directive)
    directive.save_revision().publish()
    english = translate_all(directive)
    assert english_of(directive).pk == english.pk
    html = client.get(english.url).content.decode()
    assert "Test guideline" in html and "Test Standing Board" in html
    assert "Hướng dẫn thử" not in html and "Ban Thường trực Thử" not in html
