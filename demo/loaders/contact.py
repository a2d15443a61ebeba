"""The contact page "Liên hệ": contact, cooperation proposals and contributions, in Vietnamese
and English, with one example submission for editors to see in the admin."""

from wagtail.contrib.forms.models import FormSubmission

from demo.translation import translate
from home.models import ContactFormField, ContactPage

PURPOSES_VI = "Liên hệ chung\nĐề xuất hợp tác\nĐóng góp tin, bài, ý kiến"
PURPOSES_EN = "General enquiry\nCooperation proposal\nContribution (news, articles, comments)"

INTRO_VI = (
    "<p>Bạn đọc, đối tác và cộng tác viên có thể gửi thư liên hệ, đề xuất hợp tác hoặc đóng góp tin, bài, "
    "ý kiến cho Trang thông tin điện tử qua mẫu dưới đây. Ban Biên tập sẽ phản hồi trong thời gian sớm nhất.</p>"
)
INTRO_EN = (
    "<p>Readers, partners and contributors can write to us, propose cooperation or contribute news, "
    "articles and comments to the portal with the form below. The editorial board will answer as soon as "
    "possible.</p>"
)
THANKS_VI = "<p>Ban Biên tập đã nhận được thư của bạn và sẽ liên hệ lại qua thư điện tử.</p>"
THANKS_EN = "<p>The editorial board has received your message and will reply by e-mail.</p>"

# label (vi), label (en), field type, required, choices (vi), choices (en), help text (vi), help text (en)
FIELDS = [
    ("Họ và tên", "Full name", "singleline", True, "", "", "", ""),
    (
        "Thư điện tử",
        "E-mail",
        "email",
        True,
        "",
        "",
        "Ban Biên tập trả lời qua địa chỉ này.",
        "We reply to this address.",
    ),
    ("Điện thoại", "Phone", "singleline", False, "", "", "", ""),
    ("Cơ quan, tổ chức", "Organization", "singleline", False, "", "", "", ""),
    ("Mục đích", "Purpose", "dropdown", True, PURPOSES_VI, PURPOSES_EN, "", ""),
    ("Tiêu đề", "Subject", "singleline", True, "", "", "", ""),
    ("Nội dung", "Message", "multiline", True, "", "", "", ""),
]


def load(ctx):
    home = ctx.homes["vi"]
    page = ContactPage.objects.child_of(home).filter(slug="lien-he").first()
    if page is None:
        page = ContactPage(
            slug="lien-he",
            title="Liên hệ",
            intro=INTRO_VI,
            thank_you_text=THANKS_VI,
            to_address="lienhiepkg@kufo.vn",
            from_address="webmaster@kufo.vn",
            subject="Thư liên hệ từ Trang thông tin điện tử",
            show_in_menus=True,
            listing_summary="Gửi thư liên hệ, đề xuất hợp tác hoặc đóng góp tin, bài cho Ban Biên tập.",
        )
        for order, (label, _en, field_type, required, choices, _cen, help_text, _hen) in enumerate(FIELDS):
            page.form_fields.add(
                ContactFormField(
                    sort_order=order,
                    label=label,
                    field_type=field_type,
                    required=required,
                    choices=choices,
                    help_text=help_text,
                )
            )
        home.add_child(instance=page)
        page.save_revision().publish()

    english = {
        "Liên hệ": "Contact",
        "lien-he": "contact",
        INTRO_VI[3:-4]: INTRO_EN[3:-4],
        THANKS_VI[3:-4]: THANKS_EN[3:-4],
        page.subject: "Message from the information portal",
        page.listing_summary: "Write to the editorial board, propose cooperation or contribute news and articles.",
    }
    for label, label_en, _type, _req, choices, choices_en, help_text, help_en in FIELDS:
        english[label] = label_en
        if choices:  # wagtail-localize keeps a multi-line text as one segment, lines joined by <br/>
            english[choices.replace("\n", "<br/>")] = choices_en.replace("\n", "<br/>")
        if help_text:
            english[help_text] = help_en
    translate(page, english)

    if not FormSubmission.objects.filter(page=page).exists():
        FormSubmission.objects.create(
            page=page,
            form_data={
                "ho_va_ten": "Nguyễn Thị Mai",
                "thu_dien_tu": "mai.nguyen@example.org",
                "dien_thoai": "",
                "co_quan_to_chuc": "Hội Hữu nghị Việt Nam – Nhật Bản tỉnh",
                "muc_dich": "Đề xuất hợp tác",
                "tieu_de": "Đề xuất phối hợp tổ chức giao lưu văn hóa",
                "noi_dung": "Hội đề xuất phối hợp tổ chức chương trình giao lưu văn hóa với tình nguyện viên Nhật Bản.",
            },
        )
    ctx.contact = page
