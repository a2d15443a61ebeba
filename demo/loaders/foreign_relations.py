"""Partners, aid projects and the directives library.

The two directives are those named in the seed article (12-CT/TW of the Party Central
Committee's Secretariat, decision 229/QĐ-LH of the union's President). Every partner and project
is a fictional demo organization or project, and says so in its description.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from demo.images import demo_image
from demo.pages import paragraphs
from demo.translation import translate
from foreign_relations.models import (
    AidProjectPage,
    DirectiveIndexPage,
    DirectivePage,
    DirectiveRelatedPage,
    DocumentType,
    IssuingBody,
    PartnerIndexPage,
    PartnerPage,
    PartnerRelatedPage,
    ProjectIndexPage,
    ProjectRelatedPage,
    Sector,
)

FICTIONAL_VI = "Tổ chức hư cấu, chỉ dùng làm dữ liệu mẫu của cổng thông tin."
FICTIONAL_EN = "A fictional organization, used only as demo content of the portal."
FICTIONAL_PROJECT_VI = "Dự án hư cấu, chỉ dùng làm dữ liệu mẫu của cổng thông tin."
FICTIONAL_PROJECT_EN = "A fictional project, used only as demo content of the portal."

SECTORS = [
    # code, Vietnamese, English
    ("y-te", "Y tế", "Health"),
    ("giao-duc", "Giáo dục", "Education"),
    ("moi-truong", "Môi trường", "Environment"),
    ("sinh-ke", "Sinh kế và giảm nghèo", "Livelihoods and poverty reduction"),
    ("nuoc-sach", "Nước sạch và vệ sinh", "Water and sanitation"),
    ("thien-tai", "Phòng, chống thiên tai", "Disaster preparedness"),
    ("van-hoa", "Giao lưu văn hóa", "Cultural exchange"),
]
DOCUMENT_TYPES = [
    ("chi-thi", "Chỉ thị", "Directive"),
    ("nghi-quyet", "Nghị quyết", "Resolution"),
    ("quyet-dinh", "Quyết định", "Decision"),
    ("ke-hoach", "Kế hoạch", "Plan"),
]
ISSUING_BODIES = [
    ("ban-bi-thu", "Ban Bí thư Trung ương Đảng", "Secretariat of the Party Central Committee"),
    (
        "chu-tich-lien-hiep",
        "Chủ tịch Liên hiệp các Tổ chức Hữu nghị tỉnh",
        "President of the provincial Union of Friendship Organizations",
    ),
    ("ubnd-tinh", "Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
]

# slug, Vietnamese title, English title (None: not translated), own-language name, acronym, type,
# country, sectors, localities (vi, en), since, website, description (vi, en)
PARTNERS = [
    ("to-chuc-nuoc-sach-bac-au", "Tổ chức Nước sạch Bắc Âu", "Nordic Clean Water Initiative",
     "Nordisk Rent Vand Initiativ", "NCWI", "ngo", "DK", ["nuoc-sach", "y-te"],
     ("Phú Quốc, Hà Tiên", "Phu Quoc, Ha Tien"), 2015, "https://ncwi.example.org/",
     ("Hỗ trợ cấp nước sạch và nhà vệ sinh cho trường học vùng ven biển.",
      "Supports clean water and school sanitation in coastal communes.")),
    ("quy-hat-giong-xanh", "Quỹ Hạt giống Xanh", "Green Seedling Foundation",
     "Stiftung Grüner Setzling", "SGS", "foundation", "DE", ["moi-truong", "giao-duc"],
     ("Kiên Hải, An Biên", "Kien Hai, An Bien"), 2012, "https://gruener-setzling.example.org/",
     ("Trồng và phục hồi rừng ngập mặn, giáo dục môi trường cho học sinh.",
      "Plants and restores mangroves and teaches pupils about the environment.")),
    ("hoi-huu-nghi-shimanami", "Hội Hữu nghị Shimanami – An Giang", "Shimanami – An Giang Friendship Association",
     "しまなみ・アンザン友好協会", "SKFA", "friendship_association", "JP", ["van-hoa", "giao-duc"],
     ("Rạch Giá", "Rach Gia"), 2018, "",
     ("Giao lưu văn hóa, học bổng tiếng Nhật và trao đổi thanh niên.",
      "Cultural exchange, Japanese-language scholarships and youth exchanges.")),
    ("to-chuc-ban-tay-cham-soc", "Tổ chức Bàn tay Chăm sóc", "Caring Hands Korea",
     "돌봄의 손", "CHK", "ngo", "KR", ["y-te"],
     ("Châu Thành, Giồng Riềng", "Chau Thanh, Giong Rieng"), 2016, "https://caringhands.example.org/",
     ("Khám, chữa bệnh miễn phí và tập huấn cho nhân viên y tế thôn bản.",
      "Free health check-ups and training for village health workers.")),
    ("tinh-ket-nghia-koh-sla", "Tỉnh kết nghĩa Koh Sla", "Koh Sla sister province",
     "ខេត្តកោះស្លា", "", "sister_province", "KH", ["van-hoa", "thien-tai"],
     ("Hà Tiên, Giang Thành", "Ha Tien, Giang Thanh"), 2009, "",
     ("Hợp tác giữa hai tỉnh biên giới về giao lưu nhân dân và ứng phó thiên tai.",
      "Cooperation between two border provinces on people-to-people exchange and disaster response.")),
    ("hiep-hoi-danh-bat-ben-vung", "Hiệp hội Đánh bắt Bền vững Thái Bình Dương", None,
     "Pacific Sustainable Fisheries Association", "PSFA", "ngo", "US", ["sinh-ke", "moi-truong"],
     ("Kiên Hải, Phú Quốc", ""), 2019, "https://psfa.example.org/",
     ("Hỗ trợ ngư dân chuyển đổi sinh kế và bảo vệ nguồn lợi thủy sản.", "")),
    ("quy-anh-duong", "Quỹ Ánh Dương", "Sunbeam Fund",
     "Zonnestraal Fonds", "ZSF", "foundation", "NL", ["thien-tai", "nuoc-sach"],
     ("U Minh Thượng, An Minh", "U Minh Thuong, An Minh"), 2014, "",
     ("Nhà chống bão, hồ chứa nước mưa và diễn tập phòng chống thiên tai.",
      "Storm-proof houses, rainwater tanks and disaster drills.")),
    ("hoi-huu-nghi-fjallby", "Hội Hữu nghị Thụy Điển – Việt Nam vùng Fjällby", None,
     "Fjällby Svensk-Vietnamesiska Vänskapsföreningen", "", "friendship_association", "SE", ["giao-duc"],
     ("Rạch Giá, Châu Thành", ""), 2021, "",
     ("Tủ sách thiếu nhi và trao đổi giáo viên.", "")),
    ("doan-thien-nguyen-maple", "Đoàn Thiện nguyện Maple", "Maple Volunteer Corps",
     "Maple Volunteer Corps", "MVC", "ngo", "CA", ["giao-duc", "sinh-ke"],
     ("Tân Hiệp", "Tan Hiep"), 2017, "",
     ("Tình nguyện viên dạy tiếng Anh và dạy nghề cho thanh niên nông thôn.",
      "Volunteers teach English and vocational skills to rural young people.")),
    ("dien-dan-suc-khoe-cong-dong", "Diễn đàn Sức khỏe Cộng đồng", None,
     "Community Health Forum Australia", "CHFA", "ngo", "AU", ["y-te"],
     ("Rạch Giá", ""), 2020, "",
     ("Truyền thông dinh dưỡng cho bà mẹ và trẻ em.", "")),
    ("lanh-su-danh-du-lumiere", "Văn phòng Lãnh sự danh dự Lumière", None,
     "Bureau consulaire honoraire Lumière", "", "embassy", "FR", ["van-hoa"],
     ("Phú Quốc", ""), 2022, "",
     ("Hỗ trợ lãnh sự cho du khách và giao lưu văn hóa Pháp ngữ.", "")),
]  # fmt: skip

# The language of each partner's own name (BCP 47), rendered as lang="…" around the name.
NAME_LANGUAGES = {
    "to-chuc-nuoc-sach-bac-au": "da",
    "quy-hat-giong-xanh": "de",
    "hoi-huu-nghi-shimanami": "ja",
    "to-chuc-ban-tay-cham-soc": "ko",
    "tinh-ket-nghia-koh-sla": "km",
    "hiep-hoi-danh-bat-ben-vung": "en",
    "quy-anh-duong": "nl",
    "hoi-huu-nghi-fjallby": "sv",
    "doan-thien-nguyen-maple": "en",
    "dien-dan-suc-khoe-cong-dong": "en",
    "lanh-su-danh-du-lumiere": "fr",
}

# slug, Vietnamese title, English title (None: not translated), partner slug (None: seeking funding),
# sector, locality (vi, en), budget, currency, start, end, status, beneficiaries (vi, en), summary (vi, en)
PROJECTS = [
    ("nuoc-sach-truong-hoc-phu-quoc", "Nước sạch cho 12 trường học ở Phú Quốc", "Clean water for 12 schools in Phu Quoc",
     "to-chuc-nuoc-sach-bac-au", "nuoc-sach", ("Phú Quốc", "Phu Quoc"), "185000", "USD",
     datetime.date(2023, 3, 1), datetime.date(2025, 2, 28), "ongoing",
     ("4.800 học sinh và giáo viên", "4,800 pupils and teachers"),
     ("Lắp hệ thống lọc nước và xây nhà vệ sinh cho các trường tiểu học.",
      "Water filters and toilets for primary schools.")),
    ("phuc-hoi-rung-ngap-man-an-bien", "Phục hồi 40 ha rừng ngập mặn ở An Biên", "Restoring 40 ha of mangroves in An Bien",
     "quy-hat-giong-xanh", "moi-truong", ("An Biên", "An Bien"), "320000", "EUR",
     datetime.date(2021, 6, 1), datetime.date(2024, 5, 31), "completed",
     ("650 hộ dân ven biển", "650 coastal households"),
     ("Trồng mới và chăm sóc rừng ngập mặn chắn sóng.", "Planting and caring for wave-breaking mangroves.")),
    ("hoc-bong-tieng-nhat-rach-gia", "Học bổng tiếng Nhật cho sinh viên Rạch Giá", "Japanese-language scholarships in Rach Gia",
     "hoi-huu-nghi-shimanami", "giao-duc", ("Rạch Giá", "Rach Gia"), "6500000", "JPY",
     datetime.date(2024, 1, 1), datetime.date(2026, 12, 31), "ongoing",
     ("60 sinh viên", "60 students"),
     ("Học bổng và lớp tiếng Nhật miễn phí.", "Scholarships and free Japanese classes.")),
    ("kham-benh-luu-dong-giong-rieng", "Khám bệnh lưu động ở Giồng Riềng", "Mobile health clinics in Giong Rieng",
     "to-chuc-ban-tay-cham-soc", "y-te", ("Giồng Riềng", "Giong Rieng"), "150000000", "KRW",
     datetime.date(2022, 4, 1), datetime.date(2023, 3, 31), "completed",
     ("9.000 lượt người dân", "9,000 patient visits"),
     ("Khám, cấp thuốc miễn phí và tập huấn y tế thôn bản.", "Free check-ups, medicines and training.")),
    ("nha-chong-bao-u-minh-thuong", "Nhà chống bão cho hộ nghèo U Minh Thượng", "Storm-proof homes in U Minh Thuong",
     "quy-anh-duong", "thien-tai", ("U Minh Thượng", "U Minh Thuong"), "210000", "EUR",
     datetime.date(2024, 3, 1), datetime.date(2025, 12, 31), "ongoing",
     ("120 hộ nghèo", "120 poor households"),
     ("Xây nhà chống bão và hồ chứa nước mưa.", "Storm-proof houses and rainwater tanks.")),
    ("sinh-ke-ngu-dan-kien-hai", "Chuyển đổi sinh kế cho ngư dân Kiên Hải", None,
     "hiep-hoi-danh-bat-ben-vung", "sinh-ke", ("Kiên Hải", ""), "95000", "USD",
     datetime.date(2023, 9, 1), datetime.date(2025, 8, 31), "ongoing",
     ("200 hộ ngư dân", ""), ("Nuôi trồng thủy sản bền vững và du lịch cộng đồng.", "")),
    ("tu-sach-thieu-nhi-chau-thanh", "Tủ sách thiếu nhi ở Châu Thành", None,
     "hoi-huu-nghi-fjallby", "giao-duc", ("Châu Thành", ""), "40000", "SEK",
     datetime.date(2022, 1, 1), datetime.date(2022, 12, 31), "completed",
     ("15 trường tiểu học", ""), ("Trao tặng tủ sách và tập huấn thủ thư.", "")),
    ("day-nghe-thanh-nien-tan-hiep", "Dạy nghề cho thanh niên Tân Hiệp", "Vocational training for young people in Tan Hiep",
     "doan-thien-nguyen-maple", "sinh-ke", ("Tân Hiệp", "Tan Hiep"), "60000", "CAD",
     datetime.date(2024, 6, 1), datetime.date(2026, 5, 31), "ongoing",
     ("300 thanh niên", "300 young people"), ("Dạy tiếng Anh, tin học và nghề điện dân dụng.", "English, computing and electrical trades.")),
    ("tram-y-te-xa-dao", "Nâng cấp trạm y tế các xã đảo", "Upgrading health stations on the islands",
     None, "y-te", ("Kiên Hải", "Kien Hai"), "250000", "USD",
     None, None, "seeking",
     ("15.000 người dân xã đảo", "15,000 island residents"),
     ("Trang thiết bị, xuồng cấp cứu và đào tạo nhân viên y tế.", "Equipment, an ambulance boat and staff training.")),
    ("nuoc-mua-giang-thanh", "Hồ chứa nước mưa cho vùng biên giới Giang Thành", "Rainwater tanks for the Giang Thanh border area",
     None, "nuoc-sach", ("Giang Thành", "Giang Thanh"), "2500000000", "VND",
     None, None, "seeking",
     ("800 hộ dân", "800 households"), ("Bồn chứa nước mưa cho hộ gia đình vùng khó khăn.", "Household rainwater tanks for poor families.")),
    ("ky-nang-ung-pho-thien-tai-truong-hoc", "Kỹ năng ứng phó thiên tai trong trường học", "Disaster skills in schools",
     None, "thien-tai", ("Hà Tiên", "Ha Tien"), "80000", "AUD",
     None, None, "seeking",
     ("25 trường học", "25 schools"), ("Diễn tập và tài liệu phòng, chống thiên tai cho học sinh.", "Drills and teaching materials.")),
    ("dinh-duong-ba-me-tre-em", "Dinh dưỡng cho bà mẹ và trẻ em", None,
     "dien-dan-suc-khoe-cong-dong", "y-te", ("Rạch Giá", ""), "45000", "AUD",
     datetime.date(2025, 1, 1), datetime.date(2026, 6, 30), "ongoing",
     ("1.000 bà mẹ và trẻ em", ""), ("Truyền thông dinh dưỡng và cân đo trẻ em định kỳ.", "")),
]  # fmt: skip

DIRECTIVE_12_TITLE = (
    "Chỉ thị số 12-CT/TW về tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả của công tác đối ngoại "
    "nhân dân trong tình hình mới"
)
DIRECTIVE_12_SUMMARY = (
    "Về tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả của công tác đối ngoại nhân dân trong tình hình mới."
)
DIRECTIVE_12_BODY = (
    "Ngày 05/01/2022, Ban Bí thư Trung ương Đảng ban hành Chỉ thị số 12-CT/TW về tăng cường sự lãnh đạo của "
    "Đảng, nâng cao hiệu quả của công tác đối ngoại nhân dân trong tình hình mới.",
    "Liên hiệp các Tổ chức Hữu nghị tỉnh tiếp tục tập trung tuyên truyền, thực hiện Chỉ thị: mở rộng và nâng "
    "cao hiệu quả công tác đối ngoại nhân dân, vận động viện trợ của các tổ chức phi chính phủ nước ngoài, "
    "tập hợp người Việt Nam ở nước ngoài hướng về đất nước.",
    "Phương châm: “ngoại giao nhân dân là sự nghiệp của toàn dân”.",
)
DIRECTIVE_12_EN = {
    DIRECTIVE_12_TITLE: "Directive No. 12-CT/TW on strengthening the Party's leadership and improving the "
    "effectiveness of people-to-people diplomacy in the new situation",
    DIRECTIVE_12_SUMMARY: "On strengthening the Party's leadership and improving the effectiveness of "
    "people-to-people diplomacy in the new situation.",
    DIRECTIVE_12_BODY[0]: "On 5 January 2022 the Secretariat of the Party Central Committee issued Directive "
    "No. 12-CT/TW on strengthening the Party's leadership and improving the effectiveness of people-to-people "
    "diplomacy in the new situation.",
    DIRECTIVE_12_BODY[1]: "The provincial Union of Friendship Organizations keeps publicising and carrying out the "
    "directive: broadening people-to-people diplomacy and making it more effective, mobilising aid from foreign "
    "non-governmental organizations and bringing overseas Vietnamese together with their homeland.",
    DIRECTIVE_12_BODY[2]: "Its motto: “people-to-people diplomacy is the cause of the whole people”.",
    "T/M Ban Bí thư": "On behalf of the Secretariat",
}

DECISION_TITLE = (
    "Quyết định số 229/QĐ-LH về việc kiện toàn Ban Biên tập Trang thông tin điện tử và ban hành quy chế hoạt động"
)
DECISION_SUMMARY = "Về việc kiện toàn Ban Biên tập Trang thông tin điện tử và ban hành quy chế hoạt động."
DECISION_BODY = (
    "Ban Biên tập Trang thông tin điện tử được kiện toàn gồm 05 thành viên: ông Tô Văn Dân, Phó Chủ tịch Liên "
    "hiệp tỉnh, làm Trưởng ban; ông Nguyễn Xuân Quang, Tổng Thư ký Liên hiệp tỉnh, làm Phó Trưởng ban; các "
    "thành viên là lãnh đạo, công chức của một số phòng, ban trực thuộc.",
    "Kèm theo Quyết định là Quy chế hoạt động của Trang thông tin điện tử.",
)
REGULATIONS_TITLE = "Quy chế hoạt động Trang thông tin điện tử (ban hành kèm Quyết định số 229/QĐ-LH)"

PLAN_TITLE = "Kế hoạch thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư năm 2023 (văn bản mẫu)"
PLAN_SUMMARY = (
    "Văn bản mẫu, dùng làm dữ liệu trình diễn: kế hoạch của Liên hiệp tỉnh triển khai Chỉ thị số 12-CT/TW "
    "trong năm 2023."
)
PLAN_BODY = "Văn bản mẫu: Liên hiệp tỉnh giao các phòng, ban triển khai Chỉ thị số 12-CT/TW trong năm 2023."
PLAN_EN = {
    "Chủ tịch Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang": "President of the Kien Giang Union of Friendship "
    "Organizations",
    PLAN_BODY: "Sample document: the Union tasks its departments with carrying out Directive No. 12-CT/TW in 2023.",
    PLAN_TITLE: "Plan for carrying out Directive No. 12-CT/TW in 2023 (sample document)",
    PLAN_SUMMARY: "A sample document used as demo content: the Union's plan for carrying out Directive "
    "No. 12-CT/TW in 2023.",
}


def _snippets(model, rows, locales):
    """The Vietnamese snippets of ``rows`` by code, created and translated when missing."""
    result = {}
    for code, name_vi, name_en in rows:
        obj = model.objects.filter(code=code, locale__language_code="vi").first()
        if obj is None:
            obj = model.objects.create(code=code, name=name_vi, locale=locales["vi"])
        _translate_snippet(obj, {name_vi: name_en})
        result[code] = obj
    return result


def _translate_snippet(obj, english):
    """English version of a snippet through wagtail-localize (snippets are saved, not drafted)."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
    from wagtail_localize.operations import translate_object

    from demo.translation import english_locale

    en = english_locale()
    existing = obj.get_translation_or_none(en)
    if existing is not None:
        return existing
    translate_object(obj, [en])
    source = TranslationSource.objects.get_for_instance(obj)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=en,
                context=segment.context,
                defaults={"data": english[segment.string.data]},
            )
    Translation.objects.get(source=source, target_locale=en).save_target(publish=True)
    return obj.get_translation(en)


def _page(parent, model, slug, **fields):
    """The child of ``parent`` with ``slug``; created and published when missing (sectors and links set)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    sectors = fields.pop("sectors", None)
    links = fields.pop("related_links", None)
    page = model(slug=slug, **fields)
    if sectors is not None:
        page.sectors = sectors
    if links is not None:
        page.related_links = links
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _index(home, model, slug, **fields):
    page = model.objects.child_of(home).first()
    if page is None:
        page, _created = _page(home, model, slug, show_in_menus=True, **fields)
    return page


def _regulations_document():
    Document = get_document_model()
    existing = Document.objects.filter(title=REGULATIONS_TITLE).first()
    if existing is not None:
        return existing
    try:  # the editorial loader generates the same document; reuse it when it is there
        from demo.loaders.editorial import regulations_document

        return regulations_document()
    except ImportError:
        pass
    from demo.loaders.site import REGULATIONS_VI

    text = "\n\n".join(
        [
            "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH KIÊN GIANG",
            "QUY CHẾ HOẠT ĐỘNG TRANG THÔNG TIN ĐIỆN TỬ",
            "(Ban hành kèm theo Quyết định số 229/QĐ-LH ngày 13/09/2022 của Chủ tịch Liên hiệp tỉnh)",
            *REGULATIONS_VI,
        ]
    )
    document = Document(title=REGULATIONS_TITLE, collection=Collection.get_first_root_node())
    document.file.save("quy-che-hoat-dong-trang-thong-tin-dien-tu.txt", ContentFile(text.encode("utf-8")), save=False)
    document.save()
    return document


def _rich(*texts):
    return "".join(f"<p>{t}</p>" for t in texts if t)


def load(ctx):
    from wagtail.models import Locale

    locales = {"vi": Locale.objects.get(language_code="vi"), "en": Locale.objects.get(language_code="en")}
    home = ctx.homes["vi"]

    # Index pages first, then their English versions, so translated children have a parent.
    partner_index = _index(
        home,
        PartnerIndexPage,
        "doi-tac",
        title="Đối tác",
        intro="<p>Các tổ chức phi chính phủ nước ngoài, quỹ, cơ quan đại diện, tỉnh kết nghĩa và hội hữu nghị "
        "hợp tác với Liên hiệp tỉnh.</p>",
    )
    project_index = _index(
        home,
        ProjectIndexPage,
        "du-an",
        title="Dự án",
        intro="<p>Các dự án viện trợ phi chính phủ nước ngoài trên địa bàn tỉnh: đang tìm nguồn tài trợ, đang "
        "thực hiện và đã hoàn thành.</p>",
    )
    directive_index = _index(
        home,
        DirectiveIndexPage,
        "van-ban",
        title="Văn bản",
        intro="<p>Văn bản chỉ đạo về công tác đối ngoại nhân dân và văn bản của Liên hiệp tỉnh.</p>",
    )
    translate(
        partner_index,
        {
            "Đối tác": "Partners",
            "doi-tac": "partners",
            partner_index.intro[3:-4]: "Foreign non-governmental organizations, foundations, diplomatic missions, "
            "sister provinces and friendship associations that work with the Union.",
        },
    )
    translate(
        project_index,
        {
            "Dự án": "Projects",
            "du-an": "projects",
            project_index.intro[3:-4]: "Foreign non-governmental aid projects in the province: seeking funding, "
            "ongoing and completed.",
        },
    )
    translate(
        directive_index,
        {
            "Văn bản": "Documents",
            "van-ban": "documents",
            directive_index.intro[3:-4]: "Directives on people-to-people diplomacy and documents of the Union. "
            "English pages give summaries; the official texts are Vietnamese.",
        },
    )

    sectors = _snippets(Sector, SECTORS, locales)
    types = _snippets(DocumentType, DOCUMENT_TYPES, locales)
    bodies = _snippets(IssuingBody, ISSUING_BODIES, locales)

    # Directives
    regulations = _regulations_document()
    directive_12, _created = _page(
        directive_index,
        DirectivePage,
        "chi-thi-12-ct-tw",
        title=DIRECTIVE_12_TITLE,
        document_number="12-CT/TW",
        document_type=types["chi-thi"],
        issuing_body=bodies["ban-bi-thu"],
        signer="T/M Ban Bí thư",
        issue_date=datetime.date(2022, 1, 5),
        effective_date=datetime.date(2022, 1, 5),
        summary=DIRECTIVE_12_SUMMARY,
        body=paragraphs(*DIRECTIVE_12_BODY),
    )
    board = getattr(ctx, "about", None)
    board_pages = []
    if board is not None:
        board_pages = list(board.get_children().filter(slug__in=["ban-bien-tap", "quy-che-hoat-dong"]))
    decision, _created = _page(
        directive_index,
        DirectivePage,
        "quyet-dinh-229-qd-lh",
        title=DECISION_TITLE,
        document_number="229/QĐ-LH",
        document_type=types["quyet-dinh"],
        issuing_body=bodies["chu-tich-lien-hiep"],
        signer="Chủ tịch Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang",
        issue_date=datetime.date(2022, 9, 13),
        effective_date=datetime.date(2022, 9, 13),
        summary=DECISION_SUMMARY,
        body=paragraphs(*DECISION_BODY),
        attachment=regulations,
        related_links=[DirectiveRelatedPage(target=p) for p in board_pages],
    )
    plan, _created = _page(
        directive_index,
        DirectivePage,
        "ke-hoach-thuc-hien-chi-thi-12-nam-2023",
        title=PLAN_TITLE,
        document_number="15/KH-LH",
        document_type=types["ke-hoach"],
        issuing_body=bodies["chu-tich-lien-hiep"],
        signer="Chủ tịch Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang",
        issue_date=datetime.date(2023, 2, 20),
        effective_date=datetime.date(2023, 2, 20),
        summary=PLAN_SUMMARY,
        body=paragraphs(PLAN_BODY),
        related_links=[DirectiveRelatedPage(target=directive_12)],
    )

    # Partners
    partners = {}
    for row in PARTNERS:
        slug, title_vi, title_en, original, acronym, kind, country, codes, places, since, website, text = row
        partner, _created = _page(
            partner_index,
            PartnerPage,
            slug,
            title=title_vi,
            name_original=original,
            name_language=NAME_LANGUAGES[slug],
            acronym=acronym,
            partner_type=kind,
            country=country,
            sectors=[sectors[c] for c in codes],
            localities=places[0],
            since_year=since,
            website=website,
            logo=demo_image(f"Logo {original}", label=acronym or original, size=(240, 240)),
            contact_person="Văn phòng đại diện (dữ liệu mẫu)",
            email=f"contact@{slug[:20]}.example.org",
            listing_summary=text[0],
            description=_rich(text[0], FICTIONAL_VI),
            related_links=[PartnerRelatedPage(target=directive_12)] if kind == "ngo" else [],
        )
        partners[slug] = partner
        if title_en:
            translate(
                partner,
                {
                    title_vi: title_en,
                    slug: _ascii(title_en),
                    places[0]: places[1],
                    text[0]: text[1],
                    FICTIONAL_VI: FICTIONAL_EN,
                    "Văn phòng đại diện (dữ liệu mẫu)": "Representative office (demo data)",
                },
            )

    # Projects
    for row in PROJECTS:
        slug, title_vi, title_en, partner_slug, sector, places, budget, currency, start, end, status, who, text = row
        project, _created = _page(
            project_index,
            AidProjectPage,
            slug,
            title=title_vi,
            partner=partners.get(partner_slug),
            sector=sectors[sector],
            locality=places[0],
            budget=Decimal(budget),
            currency=currency,
            start_date=start,
            end_date=end,
            status=status,
            beneficiaries=who[0],
            listing_summary=text[0],
            description=_rich(text[0], FICTIONAL_PROJECT_VI),
            related_links=[ProjectRelatedPage(target=directive_12)] if status == "seeking" else [],
        )
        if title_en:
            translate(
                project,
                {
                    title_vi: title_en,
                    slug: _ascii(title_en),
                    places[0]: places[1],
                    who[0]: who[1],
                    text[0]: text[1],
                    FICTIONAL_PROJECT_VI: FICTIONAL_PROJECT_EN,
                },
            )

    # The directive and the plan have English summaries; the decision stays Vietnamese only.
    translate(directive_12, {**DIRECTIVE_12_EN, "chi-thi-12-ct-tw": "directive-12-ct-tw"})
    translate(plan, {**PLAN_EN, "ke-hoach-thuc-hien-chi-thi-12-nam-2023": "plan-directive-12-2023"})
    ctx.directives = {"12-CT/TW": directive_12, "229/QĐ-LH": decision}
    ctx.partners = partners


def _ascii(text):
    from portal.text import slugify_vi

    return slugify_vi(text)
