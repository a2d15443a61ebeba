"""The editorial board: permissions and workflows on the demo pages, and the public board page
with its members (from the seed article), the decision that set it up and the regulations."""

from django.apps import apps
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from demo.loaders.site import BOARD_EN, BOARD_VI, REGULATIONS_VI
from demo.pages import paragraphs
from editorial.setup import apply_editorial_setup
from home.models import StandardPage

DECISION_NUMBER = "229/QĐ-LH"
REGULATIONS_TITLE = "Quy chế hoạt động Trang thông tin điện tử (ban hành kèm Quyết định số 229/QĐ-LH)"

MEMBERS_VI = [
    ("Tô Văn Dân", "Trưởng ban", "Phó Chủ tịch Liên hiệp tỉnh"),
    ("Nguyễn Xuân Quang", "Phó Trưởng ban", "Tổng Thư ký Liên hiệp tỉnh"),
    ("Thành viên (lãnh đạo phòng)", "Thành viên", "Lãnh đạo một phòng, ban trực thuộc Liên hiệp tỉnh"),
    ("Thành viên (lãnh đạo phòng)", "Thành viên", "Lãnh đạo một phòng, ban trực thuộc Liên hiệp tỉnh"),
    ("Thành viên (công chức)", "Thành viên", "Công chức một phòng, ban trực thuộc Liên hiệp tỉnh"),
]
MEMBERS_EN = [
    ("To Van Dan", "Head of the board", "Vice President of the Union"),
    ("Nguyen Xuan Quang", "Deputy head of the board", "Secretary General of the Union"),
    ("Member (department head)", "Member", "Head of one of the Union's departments"),
    ("Member (department head)", "Member", "Head of one of the Union's departments"),
    ("Member (officer)", "Member", "Officer of one of the Union's departments"),
]


def regulations_document():
    """The regulations as a downloadable text document (generated once)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=REGULATIONS_TITLE).first()
    if existing is not None:
        return existing
    text = "\n\n".join(
        [
            "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH KIÊN GIANG",
            "QUY CHẾ HOẠT ĐỘNG TRANG THÔNG TIN ĐIỆN TỬ",
            "(Ban hành kèm theo Quyết định số 229/QĐ-LH ngày 13/09/2022 của Chủ tịch Liên hiệp tỉnh)",
            *REGULATIONS_VI,
            *BOARD_VI[1:],
        ]
    )
    document = Document(title=REGULATIONS_TITLE, collection=Collection.get_first_root_node())
    document.file.save("quy-che-hoat-dong-trang-thong-tin-dien-tu.txt", ContentFile(text.encode("utf-8")), save=False)
    document.save()
    return document


def decision_page():
    """Decision 229/QĐ-LH as a directive, when the document library has it."""
    try:
        model = apps.get_model("foreign_relations", "DirectivePage")
    except LookupError:
        return None
    return model.objects.filter(document_number=DECISION_NUMBER, locale__language_code="vi").first()


def people_block(title, members):
    return (
        "people",
        {"title": title, "people": [{"name": n, "role": r, "position": p, "photo": None} for n, r, p in members]},
    )


def board_body(paragraph_texts, members, members_title, document, document_label, decision, decision_text):
    body = paragraphs(*paragraph_texts)
    body.append(people_block(members_title, members))
    if decision is not None:
        body.append(("paragraph", RichText(f'<p><a linktype="page" id="{decision.pk}">{decision_text}</a></p>')))
    body.append(("document", {"document": document, "title": document_label}))
    return body


def has_people(page):
    return any(block.block_type == "people" for block in page.body)


def load(ctx):
    apply_editorial_setup()

    about = getattr(ctx, "about", None)
    board = StandardPage.objects.filter(slug="ban-bien-tap", locale__language_code="vi").first()
    if about is not None:
        board = StandardPage.objects.child_of(about).filter(slug="ban-bien-tap").first() or board
    if board is None:
        ctx.stdout.write("  editorial: no board page, skipped")
        return
    document = regulations_document()
    decision = decision_page()
    if not has_people(board):
        board.body = board_body(
            BOARD_VI,
            MEMBERS_VI,
            "Thành viên Ban Biên tập",
            document,
            "Tải Quy chế hoạt động của Trang thông tin điện tử",
            decision,
            "Quyết định số 229/QĐ-LH ngày 13/09/2022 về việc kiện toàn Ban Biên tập",
        )
        board.save_revision().publish()

    board_en = StandardPage.objects.filter(translation_key=board.translation_key, locale__language_code="en").first()
    if board_en is not None and not has_people(board_en):
        decision_en = decision.get_translation_or_none(board_en.locale) if decision is not None else None
        board_en.body = board_body(
            [BOARD_EN[text] for text in BOARD_VI],
            MEMBERS_EN,
            "Members of the editorial board",
            document,
            "Download the portal's regulations (Vietnamese)",
            decision_en,
            "Decision No. 229/QĐ-LH of 13 September 2022 consolidating the editorial board",
        )
        board_en.save_revision().publish()
    ctx.stdout.write("  editorial board: permissions, workflows, board page")
