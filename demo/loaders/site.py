"""Organization identity, the two home pages and the About section, from the seed article."""

import datetime

from wagtail.models import Locale, Site

from demo.pages import child, paragraphs
from demo.translation import translate
from home.models import HomePage, StandardPage
from portal.models import OrganizationSettings

ORGANIZATION = {
    "name_vi": "Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang",
    "name_en": "An Giang Union of Friendship Organizations",
    "short_name_vi": "Liên hiệp Hữu nghị An Giang",
    "short_name_en": "An Giang Friendship Union",
    "tagline_vi": "Trang thông tin điện tử",
    "tagline_en": "Official information portal",
    "governing_body_vi": "Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang",
    "governing_body_en": "An Giang Union of Friendship Organizations",
    "address_vi": "Số 21 đường Nguyễn Trung Trực, phường Rạch Giá, tỉnh An Giang (địa chỉ mẫu)",
    "address_en": "21 Nguyen Trung Truc Street, Rach Gia Ward, An Giang Province, Viet Nam (sample address)",
    "responsible_person_vi": "Ông Tô Văn Dân, Phó Chủ tịch Liên hiệp, Trưởng Ban Biên tập",
    "responsible_person_en": "Mr. To Van Dan, Vice President of the Union, Head of the Editorial Board",
    # The licence of 07/04/2022 was issued by the department of the former Kiên Giang province: a dated fact.
    "licence_issuer_vi": "Sở Thông tin và Truyền thông tỉnh Kiên Giang",
    "licence_issuer_en": "Kien Giang Department of Information and Communications",
    "phone": "(0297) 3 862 000",
    "email": "lienhiepkg@kufo.vn",
    "website": "http://kufo.vn/",
    "licence_number": "15/GP",
    "licence_date": datetime.date(2022, 4, 7),
}

HOME_INTRO_VI = (
    "<p>Trang thông tin điện tử của Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang: tin tức đối ngoại "
    "nhân dân, đối tác và dự án viện trợ phi chính phủ nước ngoài, văn bản chỉ đạo công tác đối ngoại.</p>"
)
HOME_INTRO_EN = (
    "<p>The information portal of the An Giang Union of Friendship Organizations: news of "
    "people-to-people diplomacy, foreign non-governmental partners and aid projects, and the "
    "directives that guide foreign affairs.</p>"
)

ABOUT_VI = (
    "Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang (Liên hiệp) là tổ chức chính trị - xã hội làm công tác "
    "đối ngoại nhân dân của tỉnh, thành viên của Liên hiệp các Tổ chức Hữu nghị Việt Nam.",
    "Liên hiệp phát triển quan hệ hữu nghị, hợp tác giữa nhân dân An Giang với nhân dân các nước, vận động "
    "viện trợ của các tổ chức phi chính phủ nước ngoài và tập hợp người Việt Nam ở nước ngoài hướng về quê hương.",
    "Ngày 07 tháng 04 năm 2022, Sở Thông tin và Truyền thông tỉnh Kiên Giang cấp Giấy phép số 15/GP cho Trang "
    "thông tin điện tử của Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang tại địa chỉ kufo.vn.",
    "Từ ngày 01/7/2025, tỉnh Kiên Giang và tỉnh An Giang hợp nhất thành tỉnh An Giang, cấp huyện kết thúc hoạt "
    "động và các xã, phường được sắp xếp lại. Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang kế thừa Trang thông tin "
    "điện tử kufo.vn cùng toàn bộ tin, bài đã đăng; các tin, bài trước ngày này giữ nguyên địa danh tại thời điểm "
    "đăng.",
)
ABOUT_EN = {
    ABOUT_VI[0]: "The An Giang Union of Friendship Organizations (the Union) is the province's socio-political "
    "organization for people-to-people diplomacy and a member of the Viet Nam Union of Friendship Organizations.",
    ABOUT_VI[1]: "The Union develops friendship and cooperation between the people of An Giang and the peoples of "
    "other countries, mobilises aid from foreign non-governmental organizations and brings overseas Vietnamese "
    "together with their homeland.",
    ABOUT_VI[2]: "On 7 April 2022 the Kien Giang Department of Information and Communications granted Licence "
    "No. 15/GP to the information portal of the Kien Giang Union of Friendship Organizations at kufo.vn.",
    ABOUT_VI[3]: "On 1 July 2025 the provinces of Kien Giang and An Giang merged into today's An Giang Province, "
    "the districts were abolished and the communes and wards were reorganised. The An Giang Union of Friendship Organizations "
    "carries on the kufo.vn portal with everything published on it; items from before that date keep the place "
    "names of their time.",
}

BOARD_VI = (
    "Ngày 13/09/2022, Chủ tịch Liên hiệp tỉnh ban hành Quyết định số 229/QĐ-LH về việc kiện toàn Ban Biên tập "
    "Trang thông tin điện tử và ban hành quy chế hoạt động.",
    "Ban Biên tập có 05 thành viên: ông Tô Văn Dân, Phó Chủ tịch Liên hiệp tỉnh, làm Trưởng ban; ông Nguyễn Xuân "
    "Quang, Tổng Thư ký Liên hiệp tỉnh, làm Phó Trưởng ban; các thành viên là lãnh đạo, công chức của một số "
    "phòng, ban trực thuộc.",
    "Ban Biên tập có nhiệm vụ xây dựng, vận hành và phát triển Trang thông tin điện tử; quản lý, kiểm duyệt "
    "thông tin, tổ chức biên tập và đưa nội dung lên Trang theo đúng quy định của pháp luật; bảo đảm các lĩnh "
    "vực, chuyên mục đều có bài viết hoặc văn bản, không để trống chuyên mục.",
)
BOARD_EN = {
    BOARD_VI[0]: "On 13 September 2022 the President of the Union signed Decision No. 229/QĐ-LH consolidating "
    "the editorial board of the information portal and issuing its regulations.",
    BOARD_VI[1]: "The board has five members: Mr. To Van Dan, Vice President of the Union, is its head; "
    "Mr. Nguyen Xuan Quang, Secretary General of the Union, is its deputy head; the other members are leaders "
    "and officers of the Union's departments.",
    BOARD_VI[2]: "The board builds, runs and develops the portal; it manages and moderates information, edits "
    "and publishes content in accordance with the law, and makes sure that no field or section is left empty.",
}

REGULATIONS_VI = (
    "Quy chế hoạt động của Trang thông tin điện tử được ban hành kèm theo Quyết định số 229/QĐ-LH ngày "
    "13/09/2022 của Chủ tịch Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang (nay là tỉnh An Giang) và tiếp tục "
    "được áp dụng sau khi hợp nhất tỉnh.",
    "Ban Biên tập phân công trách nhiệm rõ ràng cho các thành viên, giao chỉ tiêu viết tin, bài cho các phòng, "
    "ban và đoàn thể cơ quan; phối hợp với cộng tác viên chuyên nghiệp và không chuyên để thu thập tin, bài và "
    "hình ảnh.",
    "Mọi tin, bài được Ban Biên tập biên tập, kiểm duyệt trước khi đăng; Trưởng ban hoặc Phó Trưởng ban duyệt "
    "đăng và chịu trách nhiệm trước lãnh đạo Liên hiệp tỉnh về nội dung đã đăng tải.",
)
REGULATIONS_EN = {
    REGULATIONS_VI[0]: "These regulations of the information portal were issued with Decision No. 229/QĐ-LH of "
    "13 September 2022 of the President of the Kien Giang Union of Friendship Organizations (the province is now "
    "part of An Giang); they still apply after the merger of the provinces. The Vietnamese text is the "
    "authoritative one.",
    REGULATIONS_VI[1]: "The editorial board gives each member clear responsibilities, sets the number of news items "
    "and articles each department and organization of the Union writes, and works with professional and "
    "volunteer contributors to gather news, articles and photos.",
    REGULATIONS_VI[2]: "Every item is edited and reviewed by the editorial board before it is published; the head or "
    "deputy head of the board approves publication and answers to the Union's leadership for what is published.",
}


def load(ctx):
    vi = Locale.objects.get(language_code="vi")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The site root is not the portal's home page; run migrations on a fresh database.")

    if (site.hostname, site.port) != (ctx.hostname, ctx.port):
        site.hostname, site.port = ctx.hostname, ctx.port
        site.site_name = ORGANIZATION["short_name_vi"]
        site.save()

    settings = OrganizationSettings.for_site(site)
    for field, value in ORGANIZATION.items():
        setattr(settings, field, value)
    settings.save()

    if home.locale_id != vi.id:
        raise RuntimeError("The site root must be the Vietnamese home page.")
    if home.title != "Trang chủ" or home.intro != HOME_INTRO_VI:
        home.title = home.draft_title = "Trang chủ"
        home.intro = HOME_INTRO_VI
        home.save_revision().publish()

    about = child(
        home,
        StandardPage,
        "gioi-thieu",
        title="Giới thiệu",
        intro="Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang: chức năng, nhiệm vụ và Ban Biên tập Trang thông tin điện tử.",
        body=paragraphs(*ABOUT_VI),
        show_in_menus=True,
    )
    board = child(
        about,
        StandardPage,
        "ban-bien-tap",
        title="Ban Biên tập Trang thông tin điện tử",
        intro="Kiện toàn theo Quyết định số 229/QĐ-LH ngày 13/09/2022 của Chủ tịch Liên hiệp tỉnh.",
        body=paragraphs(*BOARD_VI),
        show_in_menus=True,
    )
    regulations = child(
        about,
        StandardPage,
        "quy-che-hoat-dong",
        title="Quy chế hoạt động của Trang thông tin điện tử",
        intro="Ban hành kèm theo Quyết định số 229/QĐ-LH ngày 13/09/2022.",
        body=paragraphs(*REGULATIONS_VI),
        show_in_menus=True,
    )

    home_en = translate(
        home,
        {
            "Trang chủ": "Home",
            "trang-chu": "home",
            HOME_INTRO_VI[3:-4]: HOME_INTRO_EN[3:-4],
        },
    )
    translate(
        about,
        {
            "Giới thiệu": "About us",
            "gioi-thieu": "about",
            about.intro: "The An Giang Union of Friendship Organizations: its mission and the editorial board "
            "of its information portal.",
            **ABOUT_EN,
        },
    )
    translate(
        board,
        {
            "Ban Biên tập Trang thông tin điện tử": "Editorial board of the portal",
            "ban-bien-tap": "editorial-board",
            board.intro: "Consolidated by Decision No. 229/QĐ-LH of 13 September 2022 of the President of the Union.",
            **BOARD_EN,
        },
    )
    # The regulations in English: a full translation (the Vietnamese text is the authoritative one).
    translate(
        regulations,
        {
            "Quy chế hoạt động của Trang thông tin điện tử": "Regulations of the information portal",
            "quy-che-hoat-dong": "regulations",
            regulations.intro: "Issued with Decision No. 229/QĐ-LH of 13 September 2022.",
            **REGULATIONS_EN,
        },
    )
    ctx.homes = {"vi": home, "en": home_en}
    ctx.about = about
